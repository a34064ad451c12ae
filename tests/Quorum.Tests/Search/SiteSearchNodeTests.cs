using System.Text.Json;
using Quorum.Search;

namespace Quorum.Tests.Search;

/// <summary>
/// The demo's search files with the real lunr.js 2.3.9 (skipped without node; see <see cref="NodeFactAttribute"/>):
/// lunr builds the same index from the same documents, loads ours, and finds the right things first, both with
/// lunr's own <c>idx.search</c> and with the search page's query path (themes/default/assets/js/search.js).
/// </summary>
public class SiteSearchNodeTests(SiteSearchFixture demo) : IClassFixture<SiteSearchFixture>
{
    const string January = "/meetings/2009-01-08-local-cio-council/";
    const string July = "/meetings/2009-07-02-local-cio-council/";

    static string SearchScript => Path.Combine(SearchTestFiles.RepositoryRoot, "themes", "default", "assets", "js", "search.js");

    // Query → the ref that must come first.
    static readonly (string Query, string First)[] Expected =
    [
        ("Ocean", "/actions/lg-cio-03-05b/"),           // a word: the action about the Ocean Procurement Programme
        ("Mark Brett", "/members/mark-brett/"),         // a name
        ("Pam Larsen", "/members/pam-larsen/"),         // an alias (her name is Pamela Larsen)
        ("03/05a", "/actions/lg-cio-03-05a/"),          // an action id as written, short
        ("LG CIO 03/05a", "/actions/lg-cio-03-05a/"),   // and in full
        ("03/05", "/actions/lg-cio-03-05/"),            // not 03/05a or 03/05b
        ("channelled", January + "#decision-12-1"),     // a word of a decision
        ("Tell us once", July + "#item-6"),             // an item's title
        ("Sunningdale", January),                       // a meeting's venue
        ("8 January 2009", January),                    // a meeting's date written out
    ];

    [NodeFact]
    public void Lunr_builds_the_same_index_from_the_same_documents()
    {
        var documents = SearchDocuments.From(demo.Archive).Select(SearchIndex.ToLunr).ToList();
        string expected = LunrNode.Run("build", LunrRequests.Corpus(SearchIndex.Fields, documents));
        JsonAssert.DeepEqual(expected, demo.IndexJson);
        Assert.Equal(expected, demo.IndexJson);
    }

    [NodeFact]
    public void Lunr_loads_the_index_and_finds_the_right_things_first()
    {
        var answers = Answers("search", LunrRequests.Search(demo.IndexJson, Expected.Select(e => e.Query).ToList()));
        foreach (var (query, first) in Expected)
            Assert.True(answers[query].FirstOrDefault() == first, $"lunr idx.search(\"{query}\"): expected {first} first, got {string.Join(", ", answers[query].Take(5))}");

        // The exempt item is found by its title, and by nothing that was withheld.
        Assert.Equal(January + "#item-7", Answers("search", LunrRequests.Search(demo.IndexJson, ["Commercial matter"]))["Commercial matter"].First());
        Assert.Empty(Answers("search", LunrRequests.Search(demo.IndexJson, ["confidence"]))["confidence"]);
    }

    [NodeFact]
    public void The_search_page_query_finds_the_right_things_first()
    {
        string[] more = ["bench", "benchm", "L CIO 04/01", "Vic Freir", "ocean:", "title:ocean", "title:", "+ocean -procurement", "the"];
        var results = SiteSearch([.. Expected.Select(e => e.Query), .. more]);
        foreach (var (query, first) in Expected)
            Assert.True(results[query].Refs.FirstOrDefault() == first, $"search.js run(\"{query}\"): expected {first} first, got {string.Join(", ", results[query].Refs.Take(5))}");

        // Each word is also a prefix: "bench" and "benchm" find the item on benchmarking.
        Assert.Equal(July + "#item-3-4", results["bench"].Refs[0]);
        Assert.Equal(July + "#item-3-4", results["benchm"].Refs[0]);
        // Results with every word first: the July meeting reports on L CIO 04/01 (raised at a meeting not in the input).
        Assert.Equal(July, results["L CIO 04/01"].Refs[0]);
        // Vicky Sargent matches "vic*" only, so she comes after the results with both words.
        Assert.Equal("/members/vic-freir/", results["Vic Freir"].Refs[0]);
        Assert.True(results["Vic Freir"].Refs.IndexOf("/actions/lg-cio-03-05b/") < results["Vic Freir"].Refs.IndexOf("/members/vicky-sargent/"));

        // lunr's syntax is used when written, and a query lunr rejects is searched as plain words.
        Assert.Equal("syntax", results["title:ocean"].Mode);
        Assert.Empty(results["title:ocean"].Refs);
        Assert.Equal("fallback", results["ocean:"].Mode);
        Assert.Equal(results["Ocean"].Refs, results["ocean:"].Refs);
        Assert.Equal("fallback", results["title:"].Mode);
        Assert.Equal("syntax", results["+ocean -procurement"].Mode);
        Assert.DoesNotContain("/actions/lg-cio-03-05b/", results["+ocean -procurement"].Refs);
        Assert.NotEmpty(results["+ocean -procurement"].Refs);
        Assert.Empty(results["the"].Refs); // a stop word alone finds nothing (rather than everything starting "the")
    }

    [NodeFact]
    public void The_search_page_highlights_matched_words_and_builds_its_state_from_the_url()
    {
        var request = JsonSerializer.Serialize(new
        {
            script = SearchScript,
            calls = new object[]
            {
                new object[] { "highlight", "Benchmarking shared services, (Ocean) re-benches.", new Dictionary<string, bool> { ["benchmark"] = true, ["ocean"] = true, ["bench"] = true } },
                new object[] { "highlight", "<script>alert(1)</script> Zoë café", new Dictionary<string, bool> { ["zo"] = true } },
                new object[] { "wordClauses", "The Bench x" },
                new object[] { "parseState", "?q=LG+CIO+03%2F05a&kind=action&year=2009&kind=decision&bogus=1" },
                new object[] { "stateQuery", new { q = "LG CIO 03/05a", kind = new[] { "action" }, body = Array.Empty<string>(), year = new[] { "2009" } } },
                new object[] { "statusText", 3, 3, "ocean", false },
                new object[] { "statusText", 1, 4, "ocean", true },
                new object[] { "statusText", 0, 0, "zzz", false },
                new object[] { "longDate", "2009-01-08" },
                new object[] { "safeHref", "/meetings/x/#item-1" },
                new object[] { "safeHref", "javascript:alert(1)" },
                new object[] { "safeHref", "//evil.example/" },
                new object[] { "usesSyntax", "LG CIO 03/05a" },
                new object[] { "usesSyntax", "well-being" },
                new object[] { "usesSyntax", "road -works" },
            },
        });
        using var answers = JsonDocument.Parse(LunrNode.Run("site-js", request));
        var a = answers.RootElement;

        Assert.Equal("[Benchmarking] shared services, ([Ocean]) re-[benches].", Marked(a[0]));
        Assert.Equal("<script>alert(1)</script> [Zoë] café", Marked(a[1])); // text stays text; the page sets it with textContent
        // "the" is a stop word; a one-letter word is matched whole only.
        Assert.Equal("""[{"term":"bench","boost":10},{"term":"bench","boost":1,"usePipeline":false,"wildcard":2},{"term":"x","boost":10}]""", a[2].GetRawText());
        Assert.Equal("""{"q":"LG CIO 03/05a","kind":["action","decision"],"body":[],"year":["2009"]}""", a[3].GetRawText());
        Assert.Equal("?q=LG+CIO+03%2F05a&kind=action&year=2009", a[4].GetString());
        Assert.Equal("3 results for ‘ocean’.", a[5].GetString());
        Assert.Equal("1 of 4 results for ‘ocean’ match the filters.", a[6].GetString());
        Assert.Equal("No results for ‘zzz’.", a[7].GetString());
        Assert.Equal("8 January 2009", a[8].GetString());
        Assert.Equal("/meetings/x/#item-1", a[9].GetString());
        Assert.Equal(JsonValueKind.Null, a[10].ValueKind);
        Assert.Equal(JsonValueKind.Null, a[11].ValueKind);
        Assert.False(a[12].GetBoolean());
        Assert.False(a[13].GetBoolean());
        Assert.True(a[14].GetBoolean());
    }

    [NodeFact]
    public void The_search_page_filters_by_the_options_documents_json_offers()
    {
        using var documents = JsonDocument.Parse(demo.DocumentsJson);
        var request = JsonSerializer.Serialize(new
        {
            script = SearchScript,
            calls = new object[]
            {
                new object[] { "facets", documents.RootElement },
                new object[]
                {
                    "applyFilters",
                    new[] { new { @ref = "/actions/lg-cio-03-05a/" }, new { @ref = January + "#item-3" }, new { @ref = "/members/mark-brett/" } },
                    documents.RootElement,
                    new { kind = new[] { "action", "member" }, body = Array.Empty<string>(), year = Array.Empty<string>() },
                },
                new object[]
                {
                    "applyFilters",
                    new[] { new { @ref = "/actions/lg-cio-03-05a/" }, new { @ref = "/members/mark-brett/" } },
                    documents.RootElement,
                    new { kind = Array.Empty<string>(), body = new[] { "local-cio-council" }, year = new[] { "2009" } },
                },
            },
        });
        using var answers = JsonDocument.Parse(LunrNode.Run("site-js", request));
        var facets = answers.RootElement[0];
        Assert.Equal(["item", "decision", "action", "meeting", "member"], facets.GetProperty("kind").EnumerateArray().Select(k => k.GetProperty("value").GetString()));
        // One body, under the name it had at its latest meeting, though its January meeting was under its former name.
        var body = Assert.Single(facets.GetProperty("body").EnumerateArray());
        Assert.Equal(("local-cio-council", "Local CIO Council"), (body.GetProperty("value").GetString(), body.GetProperty("label").GetString()));
        Assert.Equal(["2009"], facets.GetProperty("year").EnumerateArray().Select(y => y.GetProperty("value").GetString()));
        Assert.Equal(["/actions/lg-cio-03-05a/", "/members/mark-brett/"], answers.RootElement[1].EnumerateArray().Select(r => r.GetProperty("ref").GetString()));
        Assert.Equal(["/actions/lg-cio-03-05a/"], answers.RootElement[2].EnumerateArray().Select(r => r.GetProperty("ref").GetString()));
    }

    /// <summary>Highlight pieces as text with the marked ones in [brackets].</summary>
    static string Marked(JsonElement pieces) => string.Concat(pieces.EnumerateArray().Select(p =>
        p.GetProperty("mark").GetBoolean() ? "[" + p.GetProperty("text").GetString() + "]" : p.GetProperty("text").GetString()));

    static Dictionary<string, List<string>> Answers(string mode, string request)
    {
        using var doc = JsonDocument.Parse(LunrNode.Run(mode, request));
        return doc.RootElement.EnumerateArray().ToDictionary(
            r => r.GetProperty("query").GetString()!,
            r => r.GetProperty("results").EnumerateArray().Select(x => x.GetProperty("ref").GetString()!).ToList(),
            StringComparer.Ordinal);
    }

    Dictionary<string, (string Mode, List<string> Refs)> SiteSearch(IReadOnlyList<string> queries)
    {
        using var index = JsonDocument.Parse(demo.IndexJson);
        var request = JsonSerializer.Serialize(new { index = index.RootElement, script = SearchScript, queries });
        using var doc = JsonDocument.Parse(LunrNode.Run("site-search", request));
        return doc.RootElement.EnumerateArray().ToDictionary(
            r => r.GetProperty("query").GetString()!,
            r => (r.GetProperty("mode").GetString()!, r.GetProperty("results").EnumerateArray().Select(x => x.GetProperty("ref").GetString()!).ToList()),
            StringComparer.Ordinal);
    }
}
