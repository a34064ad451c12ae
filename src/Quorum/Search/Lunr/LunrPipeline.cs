namespace Quorum.Search.Lunr;

/// <summary>
/// lunr 2.3.9's text processing. Indexing runs tokenizer → trimmer → stopWordFilter → stemmer on every
/// field; searching runs only the stemmer on query terms (hence the serialized <c>"pipeline":["stemmer"]</c>).
/// </summary>
public static class LunrPipeline
{
    /// <summary>The pipeline names lunr stores in a serialized index (its search pipeline).</summary>
    public static IReadOnlyList<string> SearchPipeline { get; } = ["stemmer"];

    /// <summary>lunr.tokenizer: lower-cased tokens split on JS whitespace and hyphens.</summary>
    public static IEnumerable<string> Tokenize(string text) => LunrTokenizer.Tokenize(text);

    /// <summary>
    /// lunr.trimmer: strips characters other than ASCII letters, digits and '_' from both ends. Never
    /// returns null: a token of only such characters becomes "", which lunr keeps and indexes.
    /// </summary>
    public static string Trim(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        ReadOnlySpan<char> trimmed = LunrTrimmer.Trim(token);
        return trimmed.Length == token.Length ? token : trimmed.ToString();
    }

    /// <summary>lunr.stopWordFilter: true when the (already trimmed, lower-case) token is dropped.</summary>
    public static bool IsStopWord(string token) => LunrStopWords.Contains(token);

    /// <summary>lunr.stemmer (Porter).</summary>
    public static string Stem(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return PorterStemmer.Stem(token);
    }

    /// <summary>Trimmer → stop word filter → stemmer for one token; null when the token is a stop word.</summary>
    public static string? ProcessToken(string token) => ProcessToken(token.AsSpan());

    internal static string? ProcessToken(ReadOnlySpan<char> token)
    {
        ReadOnlySpan<char> trimmed = LunrTrimmer.Trim(token);
        if (LunrStopWords.Contains(trimmed))
            return null;
        return PorterStemmer.Stem(trimmed.ToString());
    }

    /// <summary>The terms lunr indexes for a field's text, in order, repeats included.</summary>
    public static List<string> FieldTerms(string? text)
    {
        var terms = new List<string>();
        foreach (string token in LunrTokenizer.Tokenize(text))
        {
            if (ProcessToken(token) is { } term)
                terms.Add(term);
        }
        return terms;
    }
}
