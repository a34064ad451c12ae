using System.Text;
using System.Text.Json;
using Quorum.Search.Lunr;
using Xunit;

namespace Quorum.Tests.Search;

/// <summary>Quorum's lunr index against the real lunr.js 2.3.9 (see <see cref="NodeFactAttribute"/> for when these skip).</summary>
public class LunrCompatibilityTests
{
    private static readonly string[] Queries =
    [
        "council", "meeting minutes", "planning permission", "+budget -housing", "+road +traffic", "-budget",
        "plan*", "consult*", "lib*", "title:budget", "body:road", "people:zoë", "title:council body:chair",
        "Zoë", "zo", "Ó", "Briain", "Zoë Ó Briain", "03/05a", "LG CIO 03/05a", "lg", "cio", "12/07b",
        "café", "caf", "naïve", "résumé", "roads", "road^10 traffic", "road~1", "councilor~2", "well-being", "well",
        "2024", "1,250", "10%", "the", "the council", "", "*", "nonexistent", "title:nonexistent",
        "snake_case", "_private_", "private", "\"noted\"", "volunteers", "Christmas lights", "istanbul", "ⅻ",
        "title:", "body:road^", "unknownfield:road",
    ];

    [NodeFact]
    public void CorpusIndexIsByteIdenticalToLunrs()
    {
        AssertSameIndex(LunrTestCorpus.Fields, LunrTestCorpus.Documents);
    }

    [NodeFact]
    public void QueriesOverQuorumsIndexMatchLunrsOwnIndex()
    {
        string quorumJson = LunrRequests.BuildQuorum(LunrTestCorpus.Fields, LunrTestCorpus.Documents).ToJson();
        string lunrResults = LunrNode.Run("search", LunrRequests.Corpus(LunrTestCorpus.Fields, LunrTestCorpus.Documents, Queries));
        string quorumResults = LunrNode.Run("search", LunrRequests.Search(quorumJson, Queries));

        JsonAssert.DeepEqual(lunrResults, quorumResults);
        Assert.Equal(lunrResults, quorumResults);

        // Guard against a vacuous pass: the queries must find things.
        using var results = JsonDocument.Parse(quorumResults);
        int withHits = results.RootElement.EnumerateArray()
            .Count(r => r.TryGetProperty("results", out var hits) && hits.GetArrayLength() > 0);
        Assert.True(withHits >= 30, $"only {withHits} queries found anything");
    }

    [NodeFact]
    public void ArrayIndexRefsAddedOutOfOrderAreOrderedAsJavaScriptDoes()
    {
        LunrField[] fields = [new("title", 10), new("body")];
        var docs = new[] { "10", "2", "b", "1", "a", "0", "100", "01" }
            .Select(r => new LunrDocument(r, new Dictionary<string, string> { ["title"] = "shared " + r, ["body"] = "common text" }))
            .ToList();
        AssertSameIndex(fields, docs);
    }

    [NodeFact]
    public void RepeatedRefsMatchLunr()
    {
        LunrField[] fields = [new("title"), new("body")];
        LunrDocument[] docs =
        [
            new("a", new Dictionary<string, string> { ["title"] = "alpha beta", ["body"] = "one two" }, 2),
            new("b", new Dictionary<string, string> { ["title"] = "beta gamma", ["body"] = "two three" }),
            new("a", new Dictionary<string, string> { ["title"] = "gamma delta", ["body"] = "three four" }, 3),
            new("5", new Dictionary<string, string> { ["title"] = "delta", ["body"] = "four" }),
            new("5", new Dictionary<string, string> { ["title"] = "alpha", ["body"] = "" }),
        ];
        AssertSameIndex(fields, docs);
    }

    [NodeFact]
    public void UnusualFieldsAndBoostsMatchLunr()
    {
        // Array-index field names come first (even before "_index" in postings); boost 0 means 1; a repeated field keeps its first place and last boost.
        LunrField[] fields = [new("title", 0), new("10", 2), new("2", 3), new("body", 5), new("title", 7)];
        LunrDocument[] docs =
        [
            new("x", new Dictionary<string, string> { ["title"] = "road works", ["10"] = "road closure", ["2"] = "works", ["body"] = "road" }, 0),
            new("y", new Dictionary<string, string> { ["title"] = "closure" }, 0.25),
            new("z", new Dictionary<string, string>(), 4),
        ];
        AssertSameIndex(fields, docs);
    }

    [NodeFact]
    public void EmptyIndexMatchesLunr()
    {
        AssertSameIndex([new LunrField("title")], []);
    }

    [NodeFact]
    public void TokenizerAndPipelineMatchLunrForEveryCodePoint()
    {
        var texts = EveryCodePointTexts();
        string expected = LunrNode.Run("pipeline", JsonSerializer.Serialize(new { texts }));

        var actual = texts.Select(t => new { tokens = LunrPipeline.Tokenize(t).ToList(), terms = LunrPipeline.FieldTerms(t) });
        string actualJson = JsonSerializer.Serialize(actual);
        JsonAssert.DeepEqual(expected, actualJson);
    }

    [NodeFact]
    public void StemmerMatchesLunrOnGeneratedVocabulary()
    {
        string[] suffixes =
        [
            "", "s", "es", "ies", "sses", "ss", "eed", "ed", "ing", "y", "ational", "tional", "enci", "anci", "izer", "bli",
            "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti",
            "iviti", "biliti", "logi", "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence", "er",
            "ic", "able", "ible", "ant", "ement", "ment", "ent", "sion", "tion", "ou", "ism", "ate", "iti", "ous", "ive",
            "ize", "e", "ll", "at", "bl", "iz", "ated", "ating", "led", "lling", "izing",
        ];
        const string letters = "aeiouybcdfghjklmnpqrstvwxzaeioulnrst";
        var random = new Random(12345);
        var words = new List<string>();
        for (int i = 0; i < 40000; i++)
        {
            int length = random.Next(0, 7);
            var sb = new StringBuilder();
            if (random.Next(8) == 0)
                sb.Append('y');
            for (int j = 0; j < length; j++)
                sb.Append(letters[random.Next(letters.Length)]);
            sb.Append(suffixes[random.Next(suffixes.Length)]);
            if (random.Next(5) == 0)
                sb.Append(suffixes[random.Next(suffixes.Length)]);
            words.Add(sb.ToString());
        }
        words.AddRange(["", "a", "ab", "yyy", "Yes", "YELLING", "ÿes", "caféing", "naïvely", "a\rbies", "ab\ncies", "x\u2028yed", "ing", "eed", "sies", "\uD800ing", "ll", "yll"]);
        using (var vocab = JsonDocument.Parse(File.ReadAllText(SearchTestFiles.StemmingVocabulary)))
            words.AddRange(vocab.RootElement.EnumerateObject().Select(p => p.Name));

        string expected = LunrNode.Run("stem", JsonSerializer.Serialize(new { words }));
        string actual = JsonSerializer.Serialize(words.Select(LunrPipeline.Stem));
        JsonAssert.DeepEqual(expected, actual);
    }

    [NodeFact]
    public void LogMatchesV8BitForBit()
    {
        var values = new List<double>();
        for (int documents = 1; documents <= 3000; documents += documents < 100 ? 1 : 37)
        {
            for (int holding = 1; holding <= documents * 2; holding += 1 + holding / 7)
                values.Add(1 + Math.Abs((documents - holding + 0.5) / (holding + 0.5)));
        }
        var random = new Random(7);
        for (int i = 0; i < 20000; i++)
            values.Add(Math.Exp(random.NextDouble() * 80 - 40));
        for (int i = 0; i < 2000; i++)
            values.Add(1 + (random.NextDouble() - 0.5) * 1e-5);
        values.AddRange([1, 2, 0.5, 1e-310, 5e-324, double.MaxValue, 1.0000000000000002, 0.9999999999999999]);

        string expected = LunrNode.Run("log", JsonSerializer.Serialize(new { values }));
        using var doc = JsonDocument.Parse(expected);
        var mismatches = new List<string>();
        int i2 = 0;
        foreach (JsonElement e in doc.RootElement.EnumerateArray())
        {
            double v8 = e.GetDouble(), ours = JsMath.Log(values[i2]);
            if (BitConverter.DoubleToInt64Bits(v8) != BitConverter.DoubleToInt64Bits(ours))
                mismatches.Add($"log({values[i2]:R}) = {v8:R} in V8, {ours:R} here");
            i2++;
        }
        Assert.Equal(values.Count, i2);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
    }

    [NodeFact]
    public void IndexOfEveryCodePointMatchesLunr()
    {
        // The builder lower-cases each field into one reused buffer: a long text, then short ones, ASCII or not. (The
        // first block of code points holds Latin, Greek and Cyrillic; the whole range takes minutes in lunr.js.)
        var all = EveryCodePointTexts();
        var texts = all.Take(1).Concat(all.Skip(0x20000 / 0x800)).Append(string.Concat(Enumerable.Repeat("Plain ASCII, some CAPITALS-and-hyphens. ", 500))).ToList();
        var documents = texts.Select((t, i) => new LunrDocument("d" + i, new Dictionary<string, string> { ["body"] = t, ["title"] = t.Length > 0 ? t[..(t.Length / 3)] : "" })).ToList();
        AssertSameIndex([new LunrField("title"), new LunrField("body")], documents);
    }

    /// <summary>Every code point alone, inside words and around capital sigmas; then some edge cases.</summary>
    private static List<string> EveryCodePointTexts()
    {
        var texts = new List<string>();
        for (int block = 0; block < 0x20000; block += 0x800)
        {
            var sb = new StringBuilder();
            for (int cp = block; cp < block + 0x800; cp++)
            {
                if (cp is >= 0xD800 and <= 0xDFFF)
                    continue;
                string c = char.ConvertFromUtf32(cp);
                // The character alone, inside words, and around a capital sigma to probe the final-sigma context.
                sb.Append(c).Append(" A").Append(c).Append("Σ x").Append(c).Append("y AΣ").Append(c).Append(' ').Append(c).Append("ΣB Σ").Append(c).Append('\n');
            }
            texts.Add(sb.ToString());
        }
        texts.AddRange(
        [
            "", " ", "-", "--a--", "a-b", "LG CIO 03/05a", "Zoë Ó Briain", "\u00A0nbsp\u00A0separated\u3000ideographic\uFEFFbom",
            "tab\tnew\nline\rcr\vvt\fff\u2028ls\u2029ps\u1680ogham\u180Emongolian\u200Bzwsp", "lone \uD800 surrogate \uDC00x y\uD83D",
            "İIıi ΣΑΣ ΌΣΟΣ Σ", "'quoted' \"double\" (paren) [bracket] {brace} <angle>", "don't O'Neill's councillors'",
        ]);
        return texts;
    }

    private static void AssertSameIndex(IReadOnlyList<LunrField> fields, IReadOnlyList<LunrDocument> documents)
    {
        string expected = LunrNode.Run("build", LunrRequests.Corpus(fields, documents));
        string actual = LunrRequests.BuildQuorum(fields, documents).ToJson();
        JsonAssert.DeepEqual(expected, actual);
        Assert.Equal(expected, actual);
    }
}
