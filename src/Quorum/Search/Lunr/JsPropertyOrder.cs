namespace Quorum.Search.Lunr;

/// <summary>
/// The order JavaScript lists an object's own keys in (Object.keys, JSON.stringify): keys that are
/// array indices ("0", "7", "42", not "07" or "-1") first in ascending numeric order, then the other
/// keys in insertion order. lunr keys postings by document ref and fields by name, so refs like "10"
/// and "2" come out as "2", "10".
/// </summary>
internal static class JsPropertyOrder
{
    /// <summary>True for a canonical decimal integer from 0 to 2^32 - 2, which JS treats as an array index.</summary>
    public static bool IsArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length == 0 || key.Length > 10 || (key.Length > 1 && key[0] == '0'))
            return false;
        ulong value = 0;
        foreach (char c in key)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            value = value * 10 + (uint)(c - '0');
        }
        if (value > 4294967294)
            return false;
        index = (uint)value;
        return true;
    }

    /// <summary>Orders distinct keys, given in insertion order, as JS lists them.</summary>
    public static string[] Order(IReadOnlyList<string> keysInInsertionOrder)
    {
        var indices = new List<(uint Index, string Key)>();
        var others = new List<string>();
        foreach (string key in keysInInsertionOrder)
        {
            if (IsArrayIndex(key, out uint index))
                indices.Add((index, key));
            else
                others.Add(key);
        }
        if (indices.Count == 0)
            return [.. others];
        indices.Sort((a, b) => a.Index.CompareTo(b.Index));
        var ordered = new string[keysInInsertionOrder.Count];
        int n = 0;
        foreach (var (_, key) in indices)
            ordered[n++] = key;
        foreach (string key in others)
            ordered[n++] = key;
        return ordered;
    }
}
