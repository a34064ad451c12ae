using System.Text.Json;
using AngleSharp.Html.Parser;
using Quorum.Search;
using Quorum.Search.Lunr;
using Quorum.Tests.Support;

namespace Quorum.Tests.Search;

/// <summary>search/documents.json and search/lunr-index.json of a built site (no node needed).</summary>
public class SiteSearchTests(SiteSearchFixture demo) : IClassFixture<SiteSearchFixture>
{
    const string January = "/meetings/2009-01-08-local-cio-council/";

    [Fact]
    public void Every_ref_is_a_page_and_anchor_of_the_built_site()
    {
        var parser = new HtmlParser();
        var pages = new Dictionary<string, AngleSharp.Html.Dom.IHtmlDocument>(StringComparer.Ordinal);
        var broken = new List<string>();
        foreach (var entry in demo.DocumentEntries)
        {
            var reference = entry.Name;
            Assert.Equal(reference, entry.Value.GetProperty("url").GetString());
            Assert.StartsWith("/", reference);
            var hash = reference.IndexOf('#');
            var path = hash < 0 ? reference : reference[..hash];
            Assert.EndsWith("/", path);
            var file = path == "/" ? "index.html" : path.Trim('/') + "/index.html";
            if (!demo.Output.Files.ContainsKey(file))
            {
                broken.Add($"{reference}: no {file}");
                continue;
            }
            if (hash < 0) continue;
            if (!pages.TryGetValue(file, out var html)) pages[file] = html = parser.ParseDocument(demo.Output.Text(file));
            var anchor = reference[(hash + 1)..];
            if (html.GetElementById(anchor) is null) broken.Add($"{reference}: {file} has no #{anchor}");
        }
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public void The_index_and_the_documents_hold_the_same_refs()
    {
        var indexed = demo.Index.RootElement.GetProperty("fieldVectors").EnumerateArray()
            .Select(v => v[0].GetString()!)
            .Select(key => key[(key.IndexOf('/') + 1)..])
            .Distinct(StringComparer.Ordinal).ToList();
        var documented = demo.DocumentEntries.Select(e => e.Name).ToList();
        Assert.Equal(documented, indexed);
        Assert.Equal(documented.Count, documented.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["title", "id", "names", "text"], demo.Index.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("2.3.9", demo.Index.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void Everything_public_is_indexed_once()
    {
        var kinds = demo.DocumentEntries.GroupBy(e => e.Value.GetProperty("kind").GetString()!)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var a = demo.Archive;
        Assert.Equal(a.Meetings.Count, kinds["meeting"]);
        Assert.Equal(a.Meetings.Sum(m => m.AllItems.Count()), kinds["item"]);
        Assert.Equal(a.Decisions.Count, kinds["decision"]);
        Assert.Equal(a.Actions.Count, kinds["action"]);
        Assert.Equal(a.Members.Count, kinds["member"]);
        Assert.All(new[] { "meeting", "item", "decision", "action", "member" }, k => Assert.True(kinds[k] > 0, k));
    }

    [Fact]
    public void Documents_say_what_a_result_shows()
    {
        var item = demo.Document(January + "#item-3");
        Assert.Equal("3. Government Connect Update", item.GetProperty("title").GetString());
        Assert.Equal("item", item.GetProperty("kind").GetString());
        Assert.Equal("Local Government CIO Council", item.GetProperty("body").GetString()); // the name on that date
        Assert.Equal("local-cio-council", item.GetProperty("bodyId").GetString());
        Assert.Equal("2009-01-08", item.GetProperty("date").GetString());
        Assert.Equal(2009, item.GetProperty("year").GetInt32());
        Assert.False(item.GetProperty("draft").GetBoolean());
        var excerpt = item.GetProperty("excerpt").GetString()!;
        Assert.StartsWith("Philip Littleavon stated that whilst Government Connect", excerpt);
        Assert.InRange(excerpt.Length, 150, 201);
        Assert.EndsWith("…", excerpt);
        Assert.DoesNotContain("  ", excerpt);

        var subItem = demo.Document("/meetings/2009-07-02-local-cio-council/#item-3-1");
        Assert.Equal("3.1 Annual Statement by Local CIO Council", subItem.GetProperty("title").GetString());

        var decision = demo.Document(January + "#decision-8-1");
        Assert.Equal("decision", decision.GetProperty("kind").GetString());
        Assert.Equal("Decision: Name change of Local Government CIO Council", decision.GetProperty("title").GetString());
        Assert.StartsWith("It was agreed to change the name of this group", decision.GetProperty("excerpt").GetString());

        var action = demo.Document("/actions/lg-cio-03-05a/");
        Assert.Equal("LG CIO 03/05a", action.GetProperty("title").GetString());
        Assert.Equal("action", action.GetProperty("kind").GetString());

        var member = demo.Document("/members/mark-brett/");
        Assert.Equal("Mark Brett", member.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, member.GetProperty("body").ValueKind);
        Assert.Equal(JsonValueKind.Null, member.GetProperty("date").ValueKind);
        Assert.Equal(JsonValueKind.Null, member.GetProperty("year").ValueKind);

        var meeting = demo.Document(January);
        Assert.Equal("meeting", meeting.GetProperty("kind").GetString());
        Assert.Contains("8 January 2009", meeting.GetProperty("excerpt").GetString());
        Assert.Contains("Sunningdale Park", meeting.GetProperty("excerpt").GetString());
    }

    [Fact]
    public void Documents_are_in_archive_order_meetings_oldest_first()
    {
        var refs = demo.DocumentEntries.Select(e => e.Name).ToList();
        Assert.Equal(January, refs[0]);
        Assert.Equal(January + "#item-1", refs[1]);
        var july = refs.IndexOf("/meetings/2009-07-02-local-cio-council/");
        Assert.True(july > refs.IndexOf("/actions/lg-cio-03-22/"), "the July meeting comes after January's actions");
        Assert.True(refs.IndexOf(January + "#item-8") < refs.IndexOf(January + "#decision-8-1"));
        Assert.True(refs.IndexOf(January + "#decision-8-1") < refs.IndexOf(January + "#item-9"));
        var members = refs.Where(r => r.StartsWith("/members/", StringComparison.Ordinal)).ToList();
        Assert.Equal(demo.Archive.Members.Select(m => "/members/" + m.Id + "/"), members);
    }

    [Fact]
    public void The_exempt_item_7_is_indexed_by_its_number_and_title_only()
    {
        var reference = January + "#item-7";
        var doc = demo.Document(reference);
        Assert.Equal("7. Commercial matter", doc.GetProperty("title").GetString());
        Assert.Equal("This item is exempt from publication: FOIA s.43 — commercial interests.", doc.GetProperty("excerpt").GetString());

        // Its text field is empty, and the only terms that lead to it are those of its title.
        var vectors = demo.Index.RootElement.GetProperty("fieldVectors").EnumerateArray()
            .ToDictionary(v => v[0].GetString()!, v => v[1].GetArrayLength(), StringComparer.Ordinal);
        Assert.Equal(0, vectors["text/" + reference]);
        Assert.Equal(0, vectors["names/" + reference]);
        Assert.Equal(0, vectors["id/" + reference]);
        var terms = new List<string>();
        foreach (var entry in demo.Index.RootElement.GetProperty("invertedIndex").EnumerateArray())
        {
            var posting = entry[1];
            if (posting.EnumerateObject().Any(f => f.Name != "_index" && f.Value.TryGetProperty(reference, out _)))
                terms.Add(entry[0].GetString()!);
        }
        Assert.Equal(LunrPipeline.FieldTerms("7. Commercial matter").Order(StringComparer.Ordinal), terms);
        Assert.DoesNotContain("discussed in confidence", demo.IndexJson + demo.DocumentsJson);
    }

    [Fact]
    public void Both_files_are_the_same_bytes_on_every_build()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // A build on a machine with other culture settings must not differ (dates, sorting, numbers); where only
            // the invariant culture exists (globalization-invariant mode), this is just a second build.
            try { System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR"); }
            catch (System.Globalization.CultureNotFoundException) { }
            var (_, again) = SiteBuilder.InMemory(Repo.Input);
            Assert.Equal(demo.Output.Files[SearchFiles.IndexPath], again.Files[SearchFiles.IndexPath]);
            Assert.Equal(demo.Output.Files[SearchFiles.DocumentsPath], again.Files[SearchFiles.DocumentsPath]);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
        var documents = SearchDocuments.From(demo.Archive);
        Assert.Equal(demo.Output.Files[SearchFiles.IndexPath], SearchFiles.IndexJson(documents));
        Assert.Equal(demo.Output.Files[SearchFiles.DocumentsPath], SearchFiles.DocumentsJson(documents));
    }

    [Fact]
    public void Shards_by_year_keep_refs_and_documents()
    {
        // The design promise: an index per year is the same builder over a subset, and refs stay the documents' keys.
        var documents = SearchDocuments.From(demo.Archive);
        var shard = SearchIndex.Build(documents.Where(d => d.Year == 2009));
        var refs = shard.FieldVectors.Select(v => v.Ref).Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(refs);
        Assert.All(refs, r => Assert.True(demo.Documents.RootElement.TryGetProperty(r, out var d) && d.GetProperty("year").GetInt32() == 2009, r));
    }

    [Fact]
    public void Search_page_loads_nothing_until_used_and_works_without_inline_script()
    {
        var html = new HtmlParser().ParseDocument(demo.Output.Text("search/index.html"));
        // Executable scripts only (data blocks such as JSON-LD are not scripts that run).
        var scripts = html.QuerySelectorAll("script")
            .Where(s => s.GetAttribute("type") is null or "" or "text/javascript" or "module").ToList();
        var script = Assert.Single(scripts);
        Assert.Equal("/assets/js/search.js", script.GetAttribute("src"));
        Assert.True(script.HasAttribute("defer"));
        Assert.Equal("", script.TextContent.Trim());
        Assert.Empty(html.QuerySelectorAll("[onclick], [onload], [oninput], [onsubmit], [onchange], [onkeydown]"));
        var form = html.GetElementById("search-form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/assets/js/lunr.min.js", form.GetAttribute("data-lunr"));
        Assert.Equal("/assets/js/search-shards.js", form.GetAttribute("data-engine"));
        Assert.Equal("/search/shards/", form.GetAttribute("data-shards"));
        Assert.Equal("status", html.GetElementById("search-status")!.GetAttribute("role"));
        Assert.NotNull(html.GetElementById("search-results"));
        Assert.Contains("Search needs JavaScript", html.QuerySelector("noscript")!.TextContent);
        Assert.True(demo.Output.Files.ContainsKey("assets/js/search.js"));
        Assert.True(demo.Output.Files.ContainsKey("assets/js/lunr.min.js"));
        Assert.True(demo.Output.Files.ContainsKey("assets/js/search-shards.js"));
        Assert.True(demo.Output.Files.ContainsKey("assets/js/lunr.LICENSE.txt"));
    }
}

/// <summary>A small site made for the cases the demo lacks: drafts, a free page, a base path, exempt actions and sub-items.</summary>
public class SiteSearchEdgeCaseTests
{
    const string Meeting = """
        ---
        body: parish-council
        date: 2024-03-05
        status: draft
        attendance:
          present:
            - alice-smith: Chair
        actions:
          - id: PC 24/01
            item: "1"
            owners: [alice-smith]
            text: Write to the highways authority about Mill Lane.
          - id: PC 24/02
            item: "1"
            owners: [bob-jones]
            text: CANARY-ACTION-4471 price the new bench.
            exempt: "FOIA s.43 — commercial interests"
          - id: PC 24/03
            item: "3"
            owners: [alice-smith]
            text: CANARY-INHERITED-9902 instruct the valuer.
        updates:
          - action: PC 23/09
            status: closed
            note: The footpath sign was replaced.
        ---

        ## 1. Potholes

        Alice Smith reported the potholes on Mill Lane.

        :::exempt FOIA s.40 — personal data
        CANARY-BLOCK-1187 the resident's name.
        :::

        ### 1.1 Drainage

        The gullies on Church Street were cleared.

        ## 2. Benches

        :::decision
        The council will buy a bench.
        :::

        ## 3. Land sale {exempt="Local Government Act 1972, Schedule 12A, paragraph 3"}

        CANARY-ITEM-6650 the price offered.

        ### 3.1 Valuation

        CANARY-SUBITEM-3306 the valuation.
        """;

    static (string Index, JsonDocument Documents) Build(TempDir temp)
    {
        var input = temp.CopyFrom(Repo.Fixture("minimal"));
        File.WriteAllText(Path.Combine(input, "site.yml"), "title: Test Parish Council minutes\nbase_url: https://example.org/parish/\n");
        File.WriteAllText(Path.Combine(input, "meetings", "2024", "2024-03-05-parish-council.md"), Meeting.Replace("\r\n", "\n"));
        Directory.CreateDirectory(Path.Combine(input, "pages"));
        File.WriteAllText(Path.Combine(input, "pages", "accessibility.md"), "---\ntitle: Accessibility statement\n---\nThis site aims to meet WCAG 2.2 AA.\n");
        var (result, output) = SiteBuilder.InMemory(input);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var documents = output.Text(SearchFiles.DocumentsPath);
        Assert.DoesNotContain("CANARY", documents);
        return (output.Text(SearchFiles.IndexPath), JsonDocument.Parse(documents));
    }

    [Fact]
    public void Withheld_text_is_in_neither_file_and_what_is_public_is_there()
    {
        using var temp = new TempDir();
        var (index, documents) = Build(temp);
        using (documents)
        {
            Assert.DoesNotContain("canary", index, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("4471", index);
            Assert.DoesNotContain("9902", index);
            var root = documents.RootElement;

            // An exempt action: its id stays (title and id), nothing else.
            var exempt = root.GetProperty("/parish/actions/pc-24-02/");
            Assert.Equal("PC 24/02", exempt.GetProperty("title").GetString());
            Assert.Equal("This item is exempt from publication: FOIA s.43 — commercial interests.", exempt.GetProperty("excerpt").GetString());
            // An action raised under an exempt item is exempt with it.
            Assert.StartsWith("This item is exempt from publication: Local Government Act 1972", root.GetProperty("/parish/actions/pc-24-03/").GetProperty("excerpt").GetString());

            // An exempt item keeps number and title; its sub-items are not published at all.
            Assert.Equal("3. Land sale", root.GetProperty("/parish/meetings/2024-03-05-parish-council/#item-3").GetProperty("title").GetString());
            Assert.False(root.TryGetProperty("/parish/meetings/2024-03-05-parish-council/#item-3-1", out _));
            Assert.DoesNotContain("valuation", index);

            // An exempt block reads as its notice.
            var potholes = root.GetProperty("/parish/meetings/2024-03-05-parish-council/#item-1").GetProperty("excerpt").GetString();
            Assert.Equal("Alice Smith reported the potholes on Mill Lane. This item is exempt from publication: FOIA s.40 — personal data.", potholes);
            Assert.Equal("1.1 Drainage", root.GetProperty("/parish/meetings/2024-03-05-parish-council/#item-1-1").GetProperty("title").GetString());
        }
    }

    [Fact]
    public void Drafts_pages_and_the_base_path()
    {
        using var temp = new TempDir();
        var (_, documents) = Build(temp);
        using (documents)
        {
            var entries = documents.RootElement.EnumerateObject().ToList();
            Assert.All(entries, e => Assert.StartsWith("/parish/", e.Name));
            Assert.Equal(["action", "decision", "item", "meeting", "member", "page"],
                entries.Select(e => e.Value.GetProperty("kind").GetString()!).Distinct().Order(StringComparer.Ordinal));
            foreach (var e in entries)
            {
                var fromMeeting = e.Value.GetProperty("year").ValueKind == JsonValueKind.Number;
                Assert.Equal(fromMeeting, e.Value.GetProperty("draft").GetBoolean());
            }
            var page = documents.RootElement.GetProperty("/parish/accessibility/");
            Assert.Equal("Accessibility statement", page.GetProperty("title").GetString());
            Assert.Equal("This site aims to meet WCAG 2.2 AA.", page.GetProperty("excerpt").GetString());
            Assert.Equal("/parish/meetings/2024-03-05-parish-council/#decision-2-1", entries.Single(e => e.Value.GetProperty("kind").GetString() == "decision").Name);
        }
    }

    [Fact]
    public void Documents_index_the_fields_each_kind_should()
    {
        using var temp = new TempDir();
        var input = temp.CopyFrom(Repo.Fixture("minimal"));
        File.WriteAllText(Path.Combine(input, "meetings", "2024", "2024-03-05-parish-council.md"), Meeting.Replace("\r\n", "\n"));
        var (result, _) = SiteBuilder.InMemory(input);
        var docs = SearchDocuments.From(result.Archive!).ToDictionary(d => d.Ref, StringComparer.Ordinal);

        var action = docs["/actions/pc-24-01/"];
        Assert.Equal(("PC 24/01", "PC 24/01", "Alice Smith"), (action.Title, action.Id, action.Names));
        Assert.Equal("Write to the highways authority about Mill Lane.", action.Text);
        var exempt = docs["/actions/pc-24-02/"];
        Assert.Equal(("PC 24/02", "", null), (exempt.Id, exempt.Text, exempt.Names));

        var member = docs["/members/alice-smith/"];
        Assert.Equal(("Alice Smith", "AS"), (member.Title, member.Names));

        var meeting = docs["/meetings/2024-03-05-parish-council/"];
        Assert.Contains("5 March 2024", meeting.Text);
        Assert.Contains("2024-03-05", meeting.Text);
        Assert.Contains("Parish Council", meeting.Text);
        // An update on an action raised at a meeting not in the input is found on this meeting.
        Assert.Equal("PC 23/09", meeting.Id);
        Assert.Contains("The footpath sign was replaced.", meeting.Text);

        Assert.Equal("", docs["/meetings/2024-03-05-parish-council/#item-3"].Text);
    }
}
