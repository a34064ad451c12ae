using System.Text;

namespace Quorum.Search.Shards;

/// <summary>
/// The number encodings of the shard files, all plain ASCII inside JSON strings (so a shard is still text that the
/// FOI canary scan reads, and nothing needs escaping):
/// <list type="bullet">
/// <item><b>VLQ</b>: an unsigned integer as base64url digits, 5 bits each, least significant first; a digit of 32 or
/// more carries a further digit. 0–31 take one character, up to 1,023 two, up to 32,767 three.</item>
/// <item><b>Bitmap</b>: one bit per document, 6 bits a character, least significant bit first.</item>
/// </list>
/// search-shards.js decodes both.
/// </summary>
public static class Vlq
{
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static void Append(StringBuilder sb, long value)
    {
        Span<char> digits = stackalloc char[MaxDigits];
        sb.Append(digits[..Write(value, digits)]);
    }

    /// <summary>The most digits a number takes: 63 bits, 5 a digit.</summary>
    internal const int MaxDigits = 13;

    /// <summary>Writes <paramref name="value"/>'s digits at the start of <paramref name="into"/>; returns how many.</summary>
    internal static int Write(long value, Span<char> into)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        int n = 0;
        while (value >= 32)
        {
            into[n++] = Alphabet[(int)(value & 31) | 32];
            value >>= 5;
        }
        into[n++] = Alphabet[(int)value];
        return n;
    }

    public static int Length(long value)
    {
        int n = 1;
        while (value >= 32)
        {
            value >>= 5;
            n++;
        }
        return n;
    }

    /// <summary>Decodes a whole string of VLQ numbers (for tests).</summary>
    public static List<long> Decode(string s)
    {
        var values = new List<long>();
        long value = 0;
        int shift = 0;
        foreach (char c in s)
        {
            int digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0) throw new FormatException($"'{c}' is not a VLQ digit");
            value |= (long)(digit & 31) << shift;
            if (digit >= 32)
            {
                shift += 5;
                continue;
            }
            values.Add(value);
            value = 0;
            shift = 0;
        }
        if (shift != 0) throw new FormatException("unfinished VLQ number");
        return values;
    }

    /// <summary>The set of (ascending, distinct) numbers below <paramref name="size"/> as a bitmap.</summary>
    public static string Bitmap(IEnumerable<int> sorted, int size)
    {
        var chars = new int[(size + 5) / 6];
        foreach (int n in sorted) chars[n / 6] |= 1 << (n % 6);
        var sb = new StringBuilder(chars.Length);
        foreach (int c in chars) sb.Append(Alphabet[c]);
        return sb.ToString();
    }
}

/// <summary>
/// VLQ numbers being written into one string: a character array reused from one string to the next, the digits
/// written straight into it. The shards are mostly these numbers (1,000 meetings: millions of them in 40 MB of
/// files), and a <see cref="StringBuilder"/> took a call per digit and a new string per posting list.
/// </summary>
internal sealed class VlqText
{
    char[] _chars = new char[1024];
    int _length;

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, _length);
    public void Clear() => _length = 0;

    public void Append(long value)
    {
        if (_length + Vlq.MaxDigits > _chars.Length) Array.Resize(ref _chars, 2 * _chars.Length);
        _length += Vlq.Write(value, _chars.AsSpan(_length));
    }
}
