using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Quorum.Tests.Feeds;

/// <summary>Pages point to the feeds in their head and visibly, and describe themselves with JSON-LD.</summary>
public class PageLinkTests
{
    static IHtmlDocument Page(Built.Site site, string path) => new HtmlParser().ParseDocument(site.Text(path));

    static List<(string Type, string Href, string Title)> Alternates(IHtmlDocument doc) =>
        doc.Head!.QuerySelectorAll("link[rel=alternate]").Select(l => (l.GetAttribute("type")!, l.GetAttribute("href")!, l.GetAttribute("title")!)).ToList();

    static JsonElement JsonLd(IHtmlDocument doc)
    {
        var script = Assert.Single(doc.Head!.QuerySelectorAll("script[type='application/ld+json']"));
        return JsonDocument.Parse(script.TextContent).RootElement;
    }

    [Fact]
    public void Every_page_links_the_site_feed_and_calendar_in_its_head()
    {
        var site = Built.Demo;
        foreach (var path in site.Output.Files.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal)))
        {
            var links = Alternates(Page(site, path));
            Assert.Contains(links, l => l.Type == "application/atom+xml" && l.Href == "/feeds/minutes.xml" && l.Title.Length > 0);
            Assert.Contains(links, l => l.Type == "text/calendar" && l.Href == "/calendar/meetings.ics");
        }
    }

    [Fact]
    public void Meeting_body_member_and_decision_pages_link_their_own_feeds()
    {
        var site = Built.Demo;
        var meeting = Alternates(Page(site, "meetings/2009-07-02-local-cio-council/index.html"));
        Assert.Contains(meeting, l => l.Type == "application/atom+xml" && l.Href == "/feeds/bodies/local-cio-council.xml");
        Assert.Contains(meeting, l => l.Type == "text/calendar" && l.Href == "/calendar/bodies/local-cio-council.ics");
        var body = Alternates(Page(site, "bodies/local-cio-council/index.html"));
        Assert.Contains(body, l => l.Href == "/feeds/bodies/local-cio-council.xml");
        var member = Alternates(Page(site, "members/jos-creese/index.html"));
        Assert.Contains(member, l => l.Href == "/feeds/members/jos-creese/actions.xml" && l.Title == "Jos Creese: actions (Atom)");
        Assert.Contains(Alternates(Page(site, "decisions/index.html")), l => l.Href == "/feeds/decisions.xml");
    }

    [Fact]
    public void Every_link_to_a_feed_calendar_or_data_file_finds_its_file()
    {
        foreach (var site in new[] { Built.Demo, Built.Fixture })
        {
            var basePath = site.Archive.Site.BasePath;
            var checkedLinks = 0;
            foreach (var path in site.Output.Files.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal)))
            {
                var doc = Page(site, path);
                foreach (var href in doc.QuerySelectorAll("a[href], link[href]").Select(a => a.GetAttribute("href")!)
                             .Where(h => h.StartsWith(basePath + "feeds/", StringComparison.Ordinal) || h.StartsWith(basePath + "calendar/", StringComparison.Ordinal)
                                 || h.StartsWith(basePath + "data/", StringComparison.Ordinal)))
                {
                    var file = href[basePath.Length..];
                    if (file.EndsWith('/')) file += "index.html";
                    Assert.True(site.Output.Files.ContainsKey(file), $"{path} links to {href}, which is not in the site");
                    checkedLinks++;
                }
            }
            Assert.True(checkedLinks > 100);
        }
    }

    [Fact]
    public void Pages_show_subscribe_links_and_the_footer_links_the_data_page()
    {
        var site = Built.Demo;
        string Subscribe(string path) => string.Join(" ", Page(site, path).QuerySelectorAll("main .subscribe a").Select(a => a.GetAttribute("href")));
        Assert.Contains("/feeds/bodies/local-cio-council.xml", Subscribe("meetings/2009-01-08-local-cio-council/index.html"));
        Assert.Contains("/calendar/bodies/local-cio-council.ics", Subscribe("bodies/local-cio-council/index.html"));
        Assert.Contains("/feeds/members/richard-steel/actions.xml", Subscribe("members/richard-steel/index.html"));
        Assert.Contains("/feeds/decisions.xml", Subscribe("decisions/index.html"));
        Assert.Contains("/feeds/minutes.xml", Subscribe("meetings/index.html"));
        var footer = Page(site, "index.html").QuerySelector("footer .subscribe")!;
        Assert.Contains(footer.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/data/");

        var data = Page(site, "data/index.html");
        Assert.Equal("Open data", data.QuerySelector("h1")!.TextContent);
        Assert.Contains(data.QuerySelectorAll("a[rel=license]"), a => a.GetAttribute("href") == site.Archive.Site.LicenceUrl);
        Assert.Contains("https://minutes.example.org/data/", site.Text("sitemap.xml"));
    }

    [Fact]
    public void Json_ld_describes_the_site_meetings_members_and_bodies()
    {
        var site = Built.Demo;
        var home = JsonLd(Page(site, "index.html"));
        Assert.Equal("https://schema.org", home.GetProperty("@context").GetString());
        Assert.Equal("WebSite", home.GetProperty("@type").GetString());
        Assert.Equal("https://minutes.example.org/", home.GetProperty("url").GetString());
        Assert.Equal("https://minutes.example.org/search/?q={search_term_string}", home.GetProperty("potentialAction").GetProperty("target").GetString());

        var meeting = JsonLd(Page(site, "meetings/2009-07-02-local-cio-council/index.html"));
        Assert.Equal("Event", meeting.GetProperty("@type").GetString());
        Assert.Equal("Local CIO Council — 2 July 2009", meeting.GetProperty("name").GetString());
        Assert.Equal("2009-07-02", meeting.GetProperty("startDate").GetString());
        Assert.Equal("Place", meeting.GetProperty("location").GetProperty("@type").GetString());
        Assert.Equal("Sunningdale Park, Berkshire", meeting.GetProperty("location").GetProperty("name").GetString());
        Assert.Equal("GovernmentOrganization", meeting.GetProperty("organizer").GetProperty("@type").GetString());
        var attendees = meeting.GetProperty("attendee").EnumerateArray().ToList();
        Assert.Equal(site.Archive.Meetings[1].Present.Count + site.Archive.Meetings[1].InAttendance.Count, attendees.Count);
        Assert.Contains(attendees, a => a.GetProperty("@type").GetString() == "Person" && a.GetProperty("@id").GetString() == "https://minutes.example.org/members/jos-creese/");
        Assert.DoesNotContain(attendees, a => a.GetProperty("@id").GetString()!.EndsWith("/paul-lea/", StringComparison.Ordinal)); // sent apologies

        var person = JsonLd(Page(site, "members/pam-larsen/index.html"));
        Assert.Equal("Person", person.GetProperty("@type").GetString());
        Assert.Equal("Pamela Larsen", person.GetProperty("name").GetString());
        Assert.Equal("Socitm", person.GetProperty("affiliation").GetProperty("name").GetString());
        Assert.Equal("Pam Larsen", person.GetProperty("alternateName")[0].GetString());

        var body = JsonLd(Page(site, "bodies/local-cio-council/index.html"));
        Assert.Equal("https://schema.org", body.EnumerateObject().First().Value.GetString());
        Assert.Equal("GovernmentOrganization", body.GetProperty("@type").GetString());
        Assert.Equal("Local CIO Council", body.GetProperty("name").GetString());
        Assert.Equal("Local Government CIO Council", body.GetProperty("alternateName")[0].GetString());
    }

    [Fact]
    public void Json_ld_cannot_break_out_of_its_script_element()
    {
        var site = Built.Fixture;
        var html = site.Text("meetings/2024-03-05-town-council/index.html");
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        var start = head.IndexOf("<script type=\"application/ld+json\">", StringComparison.Ordinal);
        Assert.True(start >= 0);
        var json = head[(start + "<script type=\"application/ld+json\">".Length)..head.IndexOf("</script>", start, StringComparison.Ordinal)];
        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain(">", json);
        Assert.DoesNotContain("&", json);
        Assert.Contains("\\u003c", json, StringComparison.OrdinalIgnoreCase);
        var ld = JsonDocument.Parse(json).RootElement;
        Assert.Equal(FeedFixture.TrickyVenue, ld.GetProperty("location").GetProperty("name").GetString());
        Assert.Equal("2024-03-05T18:30:00+00:00", ld.GetProperty("startDate").GetString());
        Assert.Equal("2024-03-05T20:00:00+00:00", ld.GetProperty("endDate").GetString());
        Assert.Equal(FeedFixture.BaseUrl + "meetings/2024-03-05-town-council/", ld.GetProperty("url").GetString());
        // The parsed page agrees: one script, whole.
        Assert.Equal(FeedFixture.TrickyVenue, JsonLd(Page(site, "meetings/2024-03-05-town-council/index.html")).GetProperty("location").GetProperty("name").GetString());
    }
}
