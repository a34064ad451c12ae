using Quorum.Search.Lunr;
using Xunit;

namespace Quorum.Tests.Search;

/// <summary>lunr 2.3.9's tokenizer, trimmer and stop word filter (expected values checked against lunr.js).</summary>
public class LunrPipelineTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("   ", new string[0])]
    [InlineData("Hello World", new[] { "hello", "world" })]
    [InlineData("03/05a", new[] { "03/05a" })]
    [InlineData("LG CIO 03/05a", new[] { "lg", "cio", "03/05a" })]
    [InlineData("well-being co--operation -x- -", new[] { "well", "being", "co", "operation", "x" })]
    [InlineData("Zoë Ó Briain", new[] { "zoë", "ó", "briain" })]
    [InlineData("tab\tnew\nline\u00A0nbsp\u3000ideo\uFEFFbom", new[] { "tab", "new", "line", "nbsp", "ideo", "bom" })]
    [InlineData("zero\u200Bwidth", new[] { "zero\u200Bwidth" })]   // U+200B is not JS whitespace
    [InlineData("İstanbul ΟΔΟΣ", new[] { "i\u0307stanbul", "οδος" })] // JS full case mapping and final sigma
    [InlineData("O'Neill's", new[] { "o'neill's" })]
    public void TokenizesLikeLunr(string text, string[] tokens)
    {
        Assert.Equal(tokens, LunrPipeline.Tokenize(text));
    }

    [Fact]
    public void TheVectorisedSeparatorsAreJavaScriptsWhitespaceAndTheHyphen()
    {
        for (int c = 0; c <= char.MaxValue; c++)
            Assert.True(LunrTokenizer.IsSeparator((char)c) == LunrTokenizer.Separators.Contains((char)c), $"U+{c:X4}");
        // ASCII text is scanned for the ASCII ones only.
        for (int c = 0; c < 0x80; c++)
            Assert.True(LunrTokenizer.IsSeparator((char)c) == LunrTokenizer.AsciiSeparators.Contains((char)c), $"U+{c:X4}");
    }

    [Fact]
    public void TokensAreTheRunsBetweenSeparators()
    {
        // Against the plainest reading of lunr's split(/[\s\-]+/), over text made of separators and other characters.
        var random = new Random(3);
        string[] pieces = ["a", "Zo", "é", "03/05a", " ", "  ", "-", "\t", "\u00A0", "\u2028", "\u200B", "\uFEFF", ""];
        for (int n = 0; n < 3000; n++)
        {
            var text = JsLowerCase.ToLower(string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)])));
            var expected = new List<string>();
            var token = new System.Text.StringBuilder();
            foreach (var c in text)
            {
                if (LunrTokenizer.IsSeparator(c)) { if (token.Length > 0) expected.Add(token.ToString()); token.Clear(); }
                else token.Append(c);
            }
            if (token.Length > 0) expected.Add(token.ToString());
            Assert.Equal(expected, LunrTokenizer.Tokenize(text));
        }
    }

    [Theory]
    [InlineData("hello", "hello")]
    [InlineData("(hello)", "hello")]
    [InlineData("\"noted.\"", "noted")]
    [InlineData("café", "caf")]              // JS \W is ASCII-only: é is trimmed
    [InlineData("zoë", "zo")]
    [InlineData("ó", "")]                    // trimmed to nothing, and lunr keeps ""
    [InlineData("naïve", "naïve")]           // inside the word: kept
    [InlineData("_private_", "_private_")]   // '_' is a word character
    [InlineData("03/05a", "03/05a")]
    [InlineData("o'neill's", "o'neill's")]
    [InlineData("councillors'", "councillors")]
    [InlineData("!!!", "")]
    [InlineData("", "")]
    public void TrimsLikeLunr(string token, string trimmed)
    {
        Assert.Equal(trimmed, LunrPipeline.Trim(token));
    }

    [Theory]
    [InlineData("the", true)]
    [InlineData("and", true)]
    [InlineData("tis", true)]
    [InlineData("twas", true)]
    [InlineData("wants", true)]
    [InlineData("The", false)]               // the filter runs on lower-cased tokens only
    [InlineData("council", false)]
    [InlineData("", false)]
    [InlineData("constructor", false)]
    [InlineData("want", false)]
    public void FiltersLunrsStopWords(string token, bool isStopWord)
    {
        Assert.Equal(isStopWord, LunrPipeline.IsStopWord(token));
    }

    [Fact]
    public void StopWordListIsLunrs()
    {
        Assert.Equal(119, LunrStopWords.All.Count);
        Assert.Equal(LunrStopWords.All.Count, LunrStopWords.All.Distinct().Count());
    }

    [Theory]
    [InlineData("The councillors met, and the council agreed.", new[] { "councillor", "met", "council", "agre" })]
    [InlineData("Zoë Ó Briain", new[] { "zo", "", "briain" })]
    [InlineData("LG CIO 03/05a", new[] { "lg", "cio", "03/05a" })]
    [InlineData("(the) [and] THE", new string[0])]   // trimmed first, then filtered
    [InlineData("", new string[0])]
    public void RunsTheFieldPipeline(string text, string[] terms)
    {
        Assert.Equal(terms, LunrPipeline.FieldTerms(text));
    }

    [Fact]
    public void ProcessTokenReturnsNullForStopWords()
    {
        Assert.Null(LunrPipeline.ProcessToken("the,"));
        Assert.Equal("plan", LunrPipeline.ProcessToken("planning."));
    }
}
