namespace Quorum.Search.Lunr;

/// <summary>
/// lunr.tokenizer: lower-cases the whole text as JavaScript does, then splits wherever a single
/// UTF-16 unit matches <c>/[\s\-]+/</c> (JavaScript's \s, which is not .NET's), dropping empty slices.
/// </summary>
internal static class LunrTokenizer
{
    public static bool IsSeparator(char c) => c switch
    {
        ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '-' => true,
        < '\u00A0' => false,
        '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029'
            or '\u202F' or '\u205F' or '\u3000' or '\uFEFF' => true,
        _ => false,
    };

    /// <summary>Finds the next token of an already lower-cased text, starting the scan at <paramref name="position"/>.</summary>
    public static bool NextToken(string lowered, ref int position, out int start, out int length)
    {
        int i = position;
        while (i < lowered.Length && IsSeparator(lowered[i]))
            i++;
        start = i;
        while (i < lowered.Length && !IsSeparator(lowered[i]))
            i++;
        length = i - start;
        position = i;
        return length > 0;
    }

    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
            return tokens;
        string lowered = JsLowerCase.ToLower(text);
        int position = 0;
        while (NextToken(lowered, ref position, out int start, out int length))
            tokens.Add(lowered.Substring(start, length));
        return tokens;
    }
}
