using System.Text.Json;
using Quorum.Search;
using Quorum.Search.Shards;

namespace Quorum.Tests.Search;

/// <summary>
/// The sharded index's client (themes/default/assets/js/search-shards.js) under node, against real lunr.js 2.3.9
/// on the same documents (skipped without node; see <see cref="NodeFactAttribute"/>): for every query, the same
/// number of results and the same first 20 refs with the same scores, to the last bit. Both lunr's own query syntax
/// (idx.search) and the search page's query (search.js run() over lunr; shardQuery() over the shards, with its
/// "every word first" order and its filters).
/// </summary>
public class ShardNodeTests(ShardCorpusFixture corpus, SiteSearchFixture demo) : IClassFixture<ShardCorpusFixture>, IClassFixture<SiteSearchFixture>
{
    static string Js(string name) => Path.Combine(SearchTestFiles.RepositoryRoot, "themes", "default", "assets", "js", name);

    sealed record Side(int? Total, List<(string Ref, double Score)> Results, string? Error, string? Message, List<string> Files, List<string> CountFiles);

    sealed record Answer(string Query, string Mode, Side Lunr, Side Shards);

    static List<Answer> Compare(string root, IEnumerable<object> queries, int n = 20, object? costs = null, bool practise = false)
    {
        var request = JsonSerializer.Serialize(new { root, engine = Js("search-shards.js"), script = Js("search.js"), n, queries, costs, practise });
        using var doc = JsonDocument.Parse(LunrNode.Run("shards", request));
        static Side Read(JsonElement e) => new(
            e.TryGetProperty("total", out var t) ? t.GetInt32() : null,
            e.TryGetProperty("results", out var r) ? r.EnumerateArray().Select(x => (x.GetProperty("ref").GetString()!, x.GetProperty("score").GetDouble())).ToList() : [],
            e.TryGetProperty("error", out var err) ? err.GetString() : null,
            e.TryGetProperty("message", out var m) ? m.GetString() : null,
            e.TryGetProperty("files", out var f) ? f.EnumerateArray().Select(x => x.GetString()!).ToList() : [],
            e.TryGetProperty("countFiles", out var c) ? c.EnumerateArray().Select(x => x.GetString()!).ToList() : []);
        return doc.RootElement.EnumerateArray().Select(a => new Answer(a.GetProperty("q").GetString()!, a.GetProperty("mode").GetString()!,
            Read(a.GetProperty("lunr")), Read(a.GetProperty("shards")))).ToList();
    }

    static void AssertSame(Answer a)
    {
        string what = $"{a.Mode} \"{a.Query}\"";
        Assert.True(a.Lunr.Error == a.Shards.Error, $"{what}: lunr {a.Lunr.Error ?? "ok"}, shards {a.Shards.Error ?? "ok"} {a.Shards.Message}");
        Assert.True(a.Lunr.Total == a.Shards.Total, $"{what}: lunr finds {a.Lunr.Total}, the shards {a.Shards.Total}");
        for (int i = 0; i < a.Lunr.Results.Count; i++)
        {
            var (lunrRef, lunrScore) = a.Lunr.Results[i];
            Assert.True(i < a.Shards.Results.Count, $"{what}: the shards stop at {a.Shards.Results.Count} results, lunr has {a.Lunr.Results.Count}");
            var (shardRef, shardScore) = a.Shards.Results[i];
            Assert.True(lunrRef == shardRef && lunrScore.Equals(shardScore),
                $"{what} #{i + 1}: lunr {lunrRef} {lunrScore:R}, shards {shardRef} {shardScore:R}");
        }
        Assert.Equal(a.Lunr.Results.Count, a.Shards.Results.Count);
    }

    static IEnumerable<object> BothModes(IEnumerable<string> queries) =>
        queries.SelectMany(q => new object[] { new { q, mode = "search" }, new { q, mode = "page" } });

    [NodeFact]
    public void On_a_corpus_cut_into_tiny_shards_the_client_ranks_exactly_as_lunr()
    {
        var answers = Compare(corpus.Root("tiny"), BothModes(corpus.Queries()));
        Assert.Equal(corpus.Queries().Count * 2, answers.Count);
        foreach (var a in answers) AssertSame(a);
        // Again, with the engine preferring documents' field vectors and sets to bands wherever it can.
        var vectors = Compare(corpus.Root("tiny"), BothModes(corpus.Queries()), costs: new { posting = 1000, vector = 1, gap = 1 });
        foreach (var a in vectors) AssertSame(a);
        // The comparison went through every kind of file and every way the client settles a ranking.
        var fetched = answers.Concat(vectors).SelectMany(a => a.Shards.Files.Concat(a.Shards.CountFiles)).Select(f => f.Split('/')[0]).ToHashSet();
        Assert.Superset(new HashSet<string> { "t", "s", "p", "v", "d", "terms.json" }, fetched);
        Assert.Contains(vectors, a => a.Shards.Files.Count(f => f.StartsWith("v/", StringComparison.Ordinal)) > 1);
        Assert.Contains(answers, a => a.Shards.Files.Count(f => f.StartsWith("t/", StringComparison.Ordinal)) > 1);
        Assert.Contains(answers, a => a.Shards.Files.Count(f => f.StartsWith("p/", StringComparison.Ordinal)) > 1);
    }

    [NodeFact]
    public void With_the_default_options_and_on_the_demo_the_client_ranks_exactly_as_lunr()
    {
        var defaults = Compare(corpus.Root("default"), BothModes(corpus.Queries().Take(30)));
        foreach (var a in defaults) AssertSame(a);
        // With the default tiers (ShardOptions.TierSize documents), most queries are settled by the term shards alone.
        var settled = defaults.Count(a => !a.Shards.Files.Any(f => f[0] is 'p' or 's' or 'v'));
        Assert.True(settled * 2 > defaults.Count, $"{settled} of {defaults.Count} queries needed nothing but term shards and documents");

        var demoRoot = Path.Combine(Path.GetTempPath(), "quorum-test-demo-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            foreach (var (path, bytes) in demo.Output.Files.Where(f => f.Key.StartsWith("search/", StringComparison.Ordinal)))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(demoRoot, path))!);
                File.WriteAllBytes(Path.Combine(demoRoot, path), bytes);
            }
            string[] queries = ["Ocean", "Mark Brett", "Pam Larsen", "03/05a", "LG CIO 03/05a", "03/05", "channelled", "Tell us once", "Sunningdale",
                "8 January 2009", "bench", "benchm", "L CIO 04/01", "Vic Freir", "ocean:", "title:ocean", "+ocean -procurement", "the", "-council"];
            var answers = Compare(demoRoot, BothModes(queries));
            foreach (var a in answers) AssertSame(a);
            // A small site: one term shard file per term range, one document file, nothing else.
            Assert.All(answers, a => Assert.DoesNotContain(a.Shards.Files, f => f[0] is 's' or 'p' or 'v'));
            var ocean = answers.Single(a => a.Query == "Ocean" && a.Mode == "search").Shards.Files;
            Assert.Equal(2, ocean.Count);
            Assert.StartsWith("t/", ocean[0], StringComparison.Ordinal);
            Assert.Equal("d/0.json", ocean[1]);
        }
        finally
        {
            Directory.Delete(demoRoot, recursive: true);
        }
    }

    [NodeFact]
    public void The_search_pages_practice_runs_a_real_search_on_a_made_up_index_and_leaves_the_ranking_as_lunrs()
    {
        // The page's practice queries on search-shards.js's made-up index: each ranks as it does with every posting
        // loaded (the made-up files are consistent), and together they take the ways a large site's search takes.
        var request = JsonSerializer.Serialize(new { engine = Js("search-shards.js"), script = Js("search.js"), fields = corpus.Index.Fields });
        using var practice = JsonDocument.Parse(LunrNode.Run("practice", request));
        var files = new List<string>();
        foreach (var q in practice.RootElement.EnumerateArray())
        {
            string Top(string side) => string.Join(" ", q.GetProperty(side).EnumerateArray().Select(r => r.GetProperty("ref").GetString() + "=" + r.GetProperty("score").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(10, q.GetProperty("results").GetArrayLength());
            Assert.Equal(Top("settled"), Top("results"));
            files.AddRange(q.GetProperty("files").EnumerateArray().Select(f => f.GetString()!));
        }
        Assert.Superset(new HashSet<string> { "t", "p", "s", "d" }, files.Select(f => f.Split('/')[0]).ToHashSet());
        Assert.Contains(files, f => f.EndsWith("-2.json", StringComparison.Ordinal));

        // Practised first, in the same process, the client still ranks the corpus exactly as lunr.
        foreach (var a in Compare(corpus.Root("tiny"), BothModes(corpus.Queries().Take(40)), practise: true)) AssertSame(a);
    }

    [NodeFact]
    public void The_filters_pass_the_same_results_as_the_pages_filters_over_documents_json()
    {
        var bodies = corpus.Documents.Where(d => d.BodyId is not null).Select(d => d.BodyId!).Distinct().Order(StringComparer.Ordinal).ToList();
        var years = corpus.Documents.Where(d => d.Year is not null).Select(d => d.Year!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var filters = new object[]
        {
            new { kind = new[] { "item" }, body = Array.Empty<string>(), year = Array.Empty<string>() },
            new { kind = new[] { "action", "decision" }, body = Array.Empty<string>(), year = Array.Empty<string>() },
            new { kind = Array.Empty<string>(), body = new[] { bodies[0] }, year = Array.Empty<string>() },
            new { kind = new[] { "meeting" }, body = new[] { bodies[^1] }, year = new[] { years[0] } },
            new { kind = new[] { "member" }, body = Array.Empty<string>(), year = Array.Empty<string>() },
        };
        var queries = new[] { "council", "benchmarking procurement", "co*", "+council -procurement", "apologies" }
            .SelectMany(q => filters.Select(filter => (object)new { q, mode = "page", filter }));
        var answers = Compare(corpus.Root("tiny"), queries);
        foreach (var a in answers) AssertSame(a);
        Assert.Contains(answers, a => a.Shards.Total is > 0 and < 20);
        Assert.Contains(answers, a => a.Shards.Files.Contains("facets.json"));
    }

    [NodeFact]
    public void The_filter_options_in_the_manifest_are_those_the_page_derives_from_documents_json()
    {
        foreach (var (files, name) in new[] { (corpus.TinyOutput.Files, "corpus"), (demo.Output.Files, "demo") })
        {
            using var manifest = JsonDocument.Parse(files[ShardWriter.ManifestPath]);
            using var documents = JsonDocument.Parse(files[SearchFiles.DocumentsPath]);
            var request = JsonSerializer.Serialize(new
            {
                script = Js("search.js"),
                calls = new object[] { new object[] { "facets", documents.RootElement }, new object[] { "manifestFacets", manifest.RootElement.GetProperty("facets") } },
            });
            using var answers = JsonDocument.Parse(LunrNode.Run("site-js", request));
            Assert.True(answers.RootElement[0].GetRawText() == answers.RootElement[1].GetRawText(), $"{name}: {answers.RootElement[0]} vs {answers.RootElement[1]}");
        }
    }
}
