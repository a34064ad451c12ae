namespace Quorum.Search.Lunr;

/// <summary>
/// lunr.trimmer: <c>s.replace(/^\W+/, '').replace(/\W+$/, '')</c>. Without the u flag JavaScript's
/// \W is <c>[^A-Za-z0-9_]</c> per UTF-16 unit, so non-ASCII letters at either end are cut too
/// ("café" gives "caf", "Ó" gives ""). lunr keeps the resulting empty token and indexes "" as a term.
/// </summary>
internal static class LunrTrimmer
{
    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> token)
    {
        int start = 0;
        while (start < token.Length && !IsWordChar(token[start]))
            start++;
        int end = token.Length;
        while (end > start && !IsWordChar(token[end - 1]))
            end--;
        return token[start..end];
    }
}
