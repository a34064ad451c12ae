using System.Buffers;

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

    // The same characters as IsSeparator, for vectorised scans (a test checks that the two agree on every UTF-16 unit).
    internal static readonly SearchValues<char> Separators = SearchValues.Create(
        " \t\n\v\f\r-\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF");

    // The separators an ASCII text can hold: a smaller set that the processor scans for faster.
    internal static readonly SearchValues<char> AsciiSeparators = SearchValues.Create(" \t\n\v\f\r-");

    /// <summary>Finds the next token of an already lower-cased text, starting the scan at <paramref name="position"/>.</summary>
    public static bool NextToken(ReadOnlySpan<char> lowered, ref int position, out int start, out int length) =>
        NextToken(lowered, Separators, ref position, out start, out length);

    /// <summary><see cref="NextToken(ReadOnlySpan{char}, ref int, out int, out int)"/> with the separators to look for
    /// (<see cref="AsciiSeparators"/> when the text is ASCII, which holds no others).</summary>
    public static bool NextToken(ReadOnlySpan<char> lowered, SearchValues<char> separators, ref int position, out int start, out int length)
    {
        var rest = lowered[position..];
        int skip = rest.IndexOfAnyExcept(separators);
        if (skip < 0)
        {
            start = position = lowered.Length;
            length = 0;
            return false;
        }
        int end = rest[skip..].IndexOfAny(separators);
        length = end < 0 ? rest.Length - skip : end;
        start = position + skip;
        position = start + length;
        return true;
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
