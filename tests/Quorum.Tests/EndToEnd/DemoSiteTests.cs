using AngleSharp.Html.Parser;
using Quorum.Tests.Support;

namespace Quorum.Tests.EndToEnd;

/// <summary>Builds the demo input (the real 2009 minutes) once and checks the site as a whole.</summary>
public sealed class DemoSiteFixture : IDisposable
{
    public TempDir Temp { get; } = new();
    public string Site { get; }
    public Quorum.Build.BuildPipeline.Result Result { get; }

    public DemoSiteFixture()
    {
        Site = Temp["site"];
        Result = SiteBuilder.ToFolder(Repo.Input, Site);
    }

    public string Html(string path) => File.ReadAllText(Path.Combine(Site, path));

    public void Dispose() => Temp.Dispose();
}

public class DemoSiteTests(DemoSiteFixture demo) : IClassFixture<DemoSiteFixture>
{
    [Fact]
    public void The_demo_builds_without_errors()
    {
        Assert.True(demo.Result.Succeeded, string.Join("\n", demo.Result.Diagnostics));
        Assert.DoesNotContain(demo.Result.Diagnostics, d => d.IsError);
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("meetings/index.html")]
    [InlineData("meetings/2009-01-08-local-cio-council/index.html")]
    [InlineData("meetings/2009-07-02-local-cio-council/index.html")]
    [InlineData("members/index.html")]
    [InlineData("members/jos-creese/index.html")]
    [InlineData("actions/index.html")]
    [InlineData("actions/lg-cio-03-05a/index.html")]
    [InlineData("decisions/index.html")]
    [InlineData("bodies/local-cio-council/index.html")]
    [InlineData("search/index.html")]
    [InlineData("404.html")]
    [InlineData("sitemap.xml")]
    [InlineData("robots.txt")]
    public void Every_page_type_of_the_url_table_exists(string path) =>
        Assert.True(File.Exists(Path.Combine(demo.Site, path)), path);

    [Fact]
    public void Every_internal_link_and_anchor_resolves()
    {
        var parser = new HtmlParser();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var links = new List<(string From, string Href)>();
        foreach (var file in Directory.GetFiles(demo.Site, "*.html", SearchOption.AllDirectories))
        {
            var doc = parser.ParseDocument(File.ReadAllText(file));
            var url = "/" + Path.GetRelativePath(demo.Site, file).Replace('\\', '/');
            url = url.EndsWith("/index.html", StringComparison.Ordinal) ? url[..^"index.html".Length] : url;
            ids[url] = doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
            foreach (var a in doc.QuerySelectorAll("a[href], link[href]"))
                links.Add((url, a.GetAttribute("href")!));
        }
        var broken = new List<string>();
        foreach (var (from, href) in links)
        {
            if (href.StartsWith("http", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal)) continue;
            var hash = href.IndexOf('#');
            var path = hash < 0 ? href : href[..hash];
            var anchor = hash < 0 ? null : href[(hash + 1)..];
            if (path.Length == 0) path = from;
            var query = path.IndexOf('?');
            if (query >= 0) path = path[..query];
            if (ids.TryGetValue(path, out var targetIds))
            {
                if (anchor is not null && !targetIds.Contains(anchor)) broken.Add($"{from} → {href} (no #{anchor})");
            }
            else if (!File.Exists(Path.Combine(demo.Site, path.TrimStart('/'))))
                broken.Add($"{from} → {href}");
        }
        Assert.Empty(broken);
        Assert.True(links.Count > 500, $"only {links.Count} links found");
    }

    [Fact]
    public void Every_page_has_one_h1_a_skip_link_and_the_site_language()
    {
        var parser = new HtmlParser();
        foreach (var file in Directory.GetFiles(demo.Site, "*.html", SearchOption.AllDirectories))
        {
            var doc = parser.ParseDocument(File.ReadAllText(file));
            Assert.Equal(1, doc.QuerySelectorAll("h1").Length);
            Assert.Equal("en-GB", doc.DocumentElement.GetAttribute("lang"));
            Assert.NotNull(doc.QuerySelector("a.skip-link[href='#main']"));
            Assert.NotNull(doc.GetElementById("main"));
            Assert.Empty(doc.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])")); // the CSP forbids inline script
        }
    }

    [Fact]
    public void The_meeting_page_shows_the_body_name_as_it_was_on_the_day()
    {
        var january = demo.Html("meetings/2009-01-08-local-cio-council/index.html");
        var july = demo.Html("meetings/2009-07-02-local-cio-council/index.html");
        Assert.Contains("<p class=\"caption\">Local Government CIO Council</p>", january);
        Assert.Contains("<p class=\"caption\">Local CIO Council</p>", july);
    }

    [Fact]
    public void The_exempt_item_keeps_its_number_title_and_anchor_with_the_notice()
    {
        var doc = new HtmlParser().ParseDocument(demo.Html("meetings/2009-01-08-local-cio-council/index.html"));
        var heading = doc.GetElementById("item-7")!;
        Assert.Equal("7. Commercial matter", heading.TextContent.Trim());
        Assert.Equal("This item is exempt from publication: FOIA s.43 — commercial interests.",
            heading.ParentElement!.QuerySelector(".withheld")!.TextContent.Trim());
    }

    [Fact]
    public void Names_aliases_and_action_ids_in_the_minutes_are_linked()
    {
        var doc = new HtmlParser().ParseDocument(demo.Html("meetings/2009-01-08-local-cio-council/index.html"));
        var links = doc.QuerySelectorAll("#item-9 ~ p a, section.item a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Contains(("Peter Boles", "/members/peter-bole/"), links); // a misspelling, through an alias
        Assert.Contains(("Pamela Larsen", "/members/pam-larsen/"), links);
        Assert.Contains(("LG CIO 03/05a", "/actions/lg-cio-03-05a/"), links); // the longest id, not LG CIO 03/05
        Assert.Contains(("LG CIO 03/05", "/actions/lg-cio-03-05/"), links);
    }

    [Fact]
    public void The_member_page_lists_attendance_with_counts_and_actions_open_first()
    {
        var doc = new HtmlParser().ParseDocument(demo.Html("members/jos-creese/index.html"));
        Assert.Contains("2 meetings present, 0 in attendance, 0 with apologies.", doc.Body!.TextContent);
        Assert.Equal(2, doc.QuerySelectorAll("#attendance + p + table tbody tr").Length);
        var headings = doc.QuerySelectorAll("h2#actions ~ h3").Select(h => h.TextContent).ToList();
        Assert.Equal("Open", headings.First());
    }

    [Fact]
    public void The_action_page_shows_where_it_was_raised_and_its_owners()
    {
        var doc = new HtmlParser().ParseDocument(demo.Html("actions/lg-cio-03-05a/index.html"));
        Assert.Equal("LG CIO 03/05a", doc.QuerySelector("h1")!.TextContent);
        var summary = doc.QuerySelector("dl.summary")!;
        Assert.NotNull(summary.QuerySelector("a[href='/meetings/2009-01-08-local-cio-council/']"));
        Assert.NotNull(summary.QuerySelector("a[href='/meetings/2009-01-08-local-cio-council/#item-3']"));
        Assert.NotNull(summary.QuerySelector("a[href='/members/mark-brett/']"));
    }

    [Fact]
    public void Decisions_are_registered_newest_first_and_linked_to_their_items()
    {
        var doc = new HtmlParser().ParseDocument(demo.Html("decisions/index.html"));
        var meetings = doc.QuerySelectorAll("main h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/meetings/2009-07-02-local-cio-council/", "/meetings/2009-01-08-local-cio-council/"], meetings);
        Assert.Contains(doc.QuerySelectorAll(".decision-card .card-title a"),
            a => a.GetAttribute("href") == "/meetings/2009-01-08-local-cio-council/#decision-8-1");
    }

    [Fact]
    public void The_sitemap_lists_every_page_with_absolute_urls()
    {
        var sitemap = demo.Html("sitemap.xml");
        Assert.Contains("<loc>https://minutes.example.org/meetings/2009-01-08-local-cio-council/</loc>", sitemap);
        var pages = Directory.GetFiles(demo.Site, "index.html", SearchOption.AllDirectories).Length;
        Assert.Equal(pages, sitemap.Split("<loc>").Length - 1);
    }
}
