using System.Text;
using Quorum.Search.Lunr;
using Xunit;

namespace Quorum.Tests.Search;

/// <summary>Index building without node: a golden index that lunr.js 2.3.9 wrote, and the builder's parts.</summary>
public class LunrIndexBuilderTests
{
    // JSON.stringify(lunr(...)) for the three documents below, from tests/Quorum.Tests/node/lunr-build.js.
    private const string GoldenIndex =
        """
        {"version":"2.3.9","fields":["title","body"],"fieldVectors":[["title/minutes/1",[0,1.335,1,9.808]],["body/minutes/1",[0,0.111,2,0.814,3,0.814,4,0.814,5,0.814,6,0.814,7,0.814]],["title/2",[8,16.285,9,16.285,10,16.285]],["body/2",[11,2.083,12,2.083,13,2.083,14,2.083]],["title/10",[15,12.33]],["body/10",[0,0.156,16,1.149,17,1.149]]],"invertedIndex":[["",{"_index":9,"title":{"2":{}},"body":{}}],["03/05a",{"_index":7,"title":{},"body":{"minutes/1":{}}}],["action",{"_index":4,"title":{},"body":{"minutes/1":{}}}],["agre",{"_index":14,"title":{},"body":{"2":{}}}],["briain",{"_index":10,"title":{"2":{}},"body":{}}],["caf",{"_index":15,"title":{"10":{}},"body":{}}],["cio",{"_index":6,"title":{},"body":{"minutes/1":{}}}],["committe",{"_index":1,"title":{"minutes/1":{}},"body":{}}],["council",{"_index":13,"title":{},"body":{"2":{}}}],["councillor",{"_index":11,"title":{},"body":{"2":{}}}],["grant",{"_index":3,"title":{},"body":{"minutes/1":{}}}],["lg",{"_index":5,"title":{},"body":{"minutes/1":{}}}],["met",{"_index":12,"title":{},"body":{"2":{}}}],["permiss",{"_index":2,"title":{},"body":{"minutes/1":{}}}],["plan",{"_index":0,"title":{"minutes/1":{}},"body":{"10":{},"minutes/1":{}}}],["road",{"_index":16,"title":{},"body":{"10":{}}}],["safeti",{"_index":17,"title":{},"body":{"10":{}}}],["zo",{"_index":8,"title":{"2":{}},"body":{}}]],"pipeline":["stemmer"]}
        """;

    private static LunrIndex BuildGolden() => LunrRequests.BuildQuorum(
        [new LunrField("title", 10), new LunrField("body")],
        [
            new LunrDocument("minutes/1", new Dictionary<string, string> { ["title"] = "Planning committee", ["body"] = "Planning permission granted. Action: LG CIO 03/05a." }),
            new LunrDocument("2", new Dictionary<string, string> { ["title"] = "Zoë Ó Briain", ["body"] = "The councillors met; the council agreed." }, 2),
            new LunrDocument("10", new Dictionary<string, string> { ["title"] = "Café", ["body"] = "Road-safety and planning" }),
        ]);

    [Fact]
    public void TheTermCounterKnowsEveryTokenItHasSeenPastItsFirstTableSize()
    {
        // 30,000 distinct tokens (the token table starts with room for 2,048), then each again with punctuation the
        // trimmer removes, in another order: every one keeps the number it was first given, in the order first seen.
        var counter = new LunrTermCounter();
        var words = Enumerable.Range(0, 30_000).Select(i => "t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var first = counter.Count(string.Join(" ", words));
        Assert.Equal(words, counter.Terms);
        Assert.Equal(Enumerable.Range(0, words.Length), first.TermIds);
        var again = counter.Count(string.Join(" ", words.Reverse().Select(w => "(" + w.ToUpperInvariant() + "),")));
        Assert.Equal(words.Length, counter.Terms.Count);
        Assert.Equal(first.TermIds, again.TermIds);
        Assert.All(again.Counts, c => Assert.Equal(1, c));
    }

    [Fact]
    public void AFieldsTermsComeInLunrsOrderWithTheirCountsHoweverManyAndWhereverTheyLie()
    {
        // A field's distinct terms are sorted by comparison when few and by a bitmap of their span when many: fields of
        // 1 to 400 distinct terms, drawn from spans that start and end anywhere in a 64-bit word, repeated and shuffled.
        var counter = new LunrTermCounter();
        var words = Enumerable.Range(0, 2_000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        counter.Count(string.Join(" ", words));
        var random = new Random(7);
        foreach (int distinct in new[] { 1, 2, 63, 64, 65, 66, 127, 128, 129, 300, 400 })
        {
            for (int round = 0; round < 5; round++)
            {
                int from = random.Next(0, 1_000), span = Math.Max(distinct, random.Next(distinct, 1_000));
                var chosen = Enumerable.Range(from, span).OrderBy(_ => random.Next()).Take(distinct).ToArray();
                var tokens = chosen.SelectMany(id => Enumerable.Repeat(words[id], 1 + id % 3)).OrderBy(_ => random.Next()).ToArray();
                var (termIds, counts, length) = counter.Count(string.Join(" ", tokens));
                Assert.Equal(chosen.Order(), termIds);
                Assert.Equal(chosen.Order().Select(id => 1 + id % 3), counts);
                Assert.Equal(tokens.Length, length);
            }
        }
    }

    [Fact]
    public void TheTokenTableFindsEveryTokenAddedWhateverItsHash()
    {
        // Seven hashes among 3,000 tokens: long runs of collisions, found only by comparing the characters.
        var crowded = new LunrTokenTable();
        var tokens = Enumerable.Range(0, 3_000).Select(i => "t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        for (int i = 0; i < tokens.Length; i++) crowded.Add(tokens[i], i % 7, i);
        for (int i = 0; i < tokens.Length; i++)
        {
            Assert.True(crowded.TryGet(tokens[i], i % 7, out int value));
            Assert.Equal(i, value);
        }
        Assert.False(crowded.TryGet("t3000", 3_000 % 7, out _));
        Assert.False(crowded.TryGet("t1", 2, out _)); // its characters, under another hash

        // 50,000 tokens by their own hashes: every one still there after the table has grown from 4,096 slots.
        var grown = new LunrTokenTable();
        var many = Enumerable.Range(0, 50_000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        for (int i = 0; i < many.Length; i++) grown.Add(many[i], LunrTokenTable.Hash(many[i]), i);
        for (int i = 0; i < many.Length; i++)
        {
            Assert.True(grown.TryGet(many[i], LunrTokenTable.Hash(many[i]), out int value));
            Assert.Equal(i, value);
        }
    }

    [Fact]
    public void WritesExactlyWhatLunrWrites()
    {
        Assert.Equal(GoldenIndex, BuildGolden().ToJson());
    }

    [Fact]
    public void WriteJsonIsUtf8WithoutBom()
    {
        using var stream = new MemoryStream();
        BuildGolden().WriteJson(stream);
        byte[] bytes = stream.ToArray();
        Assert.Equal((byte)'{', bytes[0]);
        Assert.Equal(GoldenIndex, new UTF8Encoding(false, true).GetString(bytes));
    }

    [Fact]
    public void ExposesTermsAndVectorsForShardedWriters()
    {
        LunrIndex index = BuildGolden();
        Assert.Equal(["title", "body"], index.Fields);
        Assert.Equal(3, index.DocumentCount);

        LunrTerm plan = index.Terms.Single(t => t.Term == "plan");
        Assert.Equal(0, plan.Index);
        Assert.Equal(["minutes/1"], plan.RefsByField[0]);
        Assert.Equal(["10", "minutes/1"], plan.RefsByField[1]); // array-index refs first, as JavaScript orders keys
        Assert.Equal(3, plan.PostingCount);

        var sorted = index.Terms.Select(t => t.Term).ToList();
        Assert.Equal(sorted.Order(StringComparer.Ordinal), sorted);

        LunrFieldVector title = index.FieldVectors[0];
        Assert.Equal("title/minutes/1", title.Key);
        Assert.Equal([0, 1], title.TermIndexes);
        Assert.Equal([1.335, 9.808], title.Scores);
        Assert.Equal(6, index.FieldVectors.Count);

        // A writer can emit any subset of the parts as a loadable index.
        using var stream = new MemoryStream();
        LunrJson.Write(stream, index.Fields, index.FieldVectors.Where(v => v.Ref == "10"), index.Terms.Where(t => t.Term.StartsWith('r')));
        Assert.Equal(
            """{"version":"2.3.9","fields":["title","body"],"fieldVectors":[["title/10",[15,12.33]],["body/10",[0,0.156,16,1.149,17,1.149]]],"invertedIndex":[["road",{"_index":16,"title":{},"body":{"10":{}}}]],"pipeline":["stemmer"]}""",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void IndexesTheEmptyTermLikeLunr()
    {
        // "Ó" trims to "", which lunr keeps as a term.
        LunrIndex index = BuildGolden();
        Assert.Equal("", index.Terms[0].Term);
        Assert.Equal(["2"], index.Terms[0].RefsByField[0]);
    }

    [Fact]
    public void RejectsFieldNamesLunrCannotHold()
    {
        Assert.Throws<ArgumentException>(() => new LunrIndexBuilder([new LunrField("a/b")]));
        Assert.Throws<ArgumentException>(() => new LunrIndexBuilder([new LunrField("_index")]));
        Assert.Throws<ArgumentException>(() => new LunrIndexBuilder([new LunrField("constructor")]));
    }

    private static LunrIndex BuildGoldenWithoutPostings()
    {
        var builder = new LunrIndexBuilder([new LunrField("title", 10), new LunrField("body")], keepPostings: false);
        builder.Add(new LunrDocument("minutes/1", new Dictionary<string, string> { ["title"] = "Planning committee", ["body"] = "Planning permission granted. Action: LG CIO 03/05a." }));
        builder.Add(new LunrDocument("2", new Dictionary<string, string> { ["title"] = "Zoë Ó Briain", ["body"] = "The councillors met; the council agreed." }, 2));
        builder.Add(new LunrDocument("10", new Dictionary<string, string> { ["title"] = "Café", ["body"] = "Road-safety and planning" }));
        return builder.Build(withPostingRefs: false);
    }

    [Fact]
    public void WithoutPostingListsGivesTheSameVectorsAndTerms()
    {
        // The sharded index's builder keeps no posting lists: its idf comes from the documents' own term lists.
        LunrIndex golden = BuildGolden(), lean = BuildGoldenWithoutPostings();
        Assert.False(lean.HasPostingRefs);
        Assert.Equal(golden.FieldVectors.Select(v => (v.Key, string.Join(",", v.TermIndexes), string.Join(",", v.Scores))),
            lean.FieldVectors.Select(v => (v.Key, string.Join(",", v.TermIndexes), string.Join(",", v.Scores))));
        Assert.Equal(golden.Terms.Select(t => (t.Term, t.Index)), lean.Terms.Select(t => (t.Term, t.Index)));
    }

    [Fact]
    public void ScoresWithoutVectorsAreTheVectorsScoresInThousandths()
    {
        // The sharded index's builder skips the vectors: each score becomes whole thousandths where its count was.
        var builder = new LunrIndexBuilder([new LunrField("title", 10), new LunrField("body")], keepPostings: false);
        builder.Add(new LunrDocument("minutes/1", new Dictionary<string, string> { ["title"] = "Planning committee", ["body"] = "Planning permission granted. Action: LG CIO 03/05a." }));
        builder.Add(new LunrDocument("2", new Dictionary<string, string> { ["title"] = "Zoë Ó Briain", ["body"] = "The councillors met; the council agreed." }, 2));
        builder.Add(new LunrDocument("10", new Dictionary<string, string> { ["title"] = "Café", ["body"] = "Road-safety and planning" }));
        LunrScores scores = builder.BuildScores();
        LunrIndex golden = BuildGolden();
        Assert.Equal(["minutes/1", "2", "10"], scores.Refs);
        Assert.Equal(golden.FieldVectors.Select(v => string.Join(",", v.TermIndexes)), TermIndexes(scores));
        Assert.Equal(golden.FieldVectors.Select(v => string.Join(",", v.Scores.Select(s => (int)Math.Round(s * 1000)))), Thousandths(scores));
        Assert.Equal([1335, 9808], scores.ThousandthsOf(0).ToArray()); // title/minutes/1: 1.335 and 9.808
        Assert.Equal(golden.Terms.Select(t => (t.Term, t.Index)), scores.TermArray.Select(t => (t.Term, t.Index)));
        // And from a built index, the same.
        var fromIndex = LunrScores.From(golden);
        Assert.Equal(Thousandths(scores), Thousandths(fromIndex));
        Assert.Equal(TermIndexes(scores), TermIndexes(fromIndex));
        Assert.Throws<InvalidOperationException>(() => builder.BuildScores()); // once
    }

    static IEnumerable<string> TermIndexes(LunrScores scores) =>
        Enumerable.Range(0, scores.Vectors).Select(v => string.Join(",", scores.TermIndexesOf(v).ToArray()));

    static IEnumerable<string> Thousandths(LunrScores scores) =>
        Enumerable.Range(0, scores.Vectors).Select(v => string.Join(",", scores.ThousandthsOf(v).ToArray()));

    [Fact]
    public void ScoresWithoutVectorsAreRefusedWhenARefWasAddedTwice()
    {
        // Only lunr's vectors say which add of a ref counts (the last), so such a builder must build the index.
        var builder = new LunrIndexBuilder([new LunrField("title")]);
        builder.Add(new LunrDocument("a", new Dictionary<string, string> { ["title"] = "plan" }));
        builder.Add(new LunrDocument("a", new Dictionary<string, string> { ["title"] = "road" }));
        Assert.Throws<InvalidOperationException>(() => builder.BuildScores());
        Assert.Equal(2, builder.Build().DocumentCount);
    }

    [Fact]
    public void ABuilderWithoutPostingListsRefusesWhatOnlyThoseListsCanDo()
    {
        var builder = new LunrIndexBuilder([new LunrField("title")], keepPostings: false);
        builder.Add(new LunrDocument("a", new Dictionary<string, string> { ["title"] = "plan" }));
        // A ref added twice is counted once only through the posting lists.
        Assert.Throws<InvalidOperationException>(() => builder.Add(new LunrDocument("a", new Dictionary<string, string> { ["title"] = "road" })));
        Assert.Throws<InvalidOperationException>(() => builder.Build(withPostingRefs: true));
    }

    [Fact]
    public void ABuilderBuildsOnce()
    {
        // Building lets go of the term counts, so a second build (or add) would be wrong: it is refused instead.
        var builder = new LunrIndexBuilder([new LunrField("title")]);
        builder.Add(new LunrDocument("a", new Dictionary<string, string> { ["title"] = "plan" }));
        builder.Build();
        Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Throws<InvalidOperationException>(() => builder.Add(new LunrDocument("b", new Dictionary<string, string> { ["title"] = "road" })));
    }

    [Fact]
    public void EmptyBuilderWritesAnEmptyIndex()
    {
        Assert.Equal(
            """{"version":"2.3.9","fields":["title"],"fieldVectors":[],"invertedIndex":[],"pipeline":["stemmer"]}""",
            new LunrIndexBuilder([new LunrField("title")]).Build().ToJson());
    }
}
