using System.ServiceModel.Syndication;
using System.Xml;
using Quorum.Public;
using Quorum.Tests.Support;

namespace Quorum.Tests.Feeds;

public class AtomFeedTests
{
    static SyndicationFeed Load(Built.Site site, string path)
    {
        using var reader = XmlReader.Create(new MemoryStream(site.Bytes(path)), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader);
    }

    static string Alternate(SyndicationItem item) => item.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString();

    static readonly DateTimeOffset July2 = new(2009, 7, 2, 0, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset January8 = new(2009, 1, 8, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_minutes_feed_has_one_entry_per_meeting_newest_first()
    {
        var feed = Load(Built.Demo, "feeds/minutes.xml");
        Assert.Equal("https://minutes.example.org/feeds/minutes.xml", feed.Id);
        Assert.Equal("Local CIO Council minutes", feed.Title.Text);
        Assert.Equal(July2, feed.LastUpdatedTime);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.ToString() == "https://minutes.example.org/feeds/minutes.xml");
        Assert.NotEmpty(feed.Authors);

        var items = feed.Items.ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("https://minutes.example.org/meetings/2009-07-02-local-cio-council/", items[0].Id);
        Assert.Equal("https://minutes.example.org/meetings/2009-07-02-local-cio-council/", Alternate(items[0]));
        Assert.Equal(July2, items[0].LastUpdatedTime);
        Assert.Equal("Local CIO Council — 2 July 2009", items[0].Title.Text);
        Assert.Equal("https://minutes.example.org/meetings/2009-01-08-local-cio-council/", items[1].Id);
        Assert.Equal(January8, items[1].LastUpdatedTime);
        Assert.Equal("Local Government CIO Council — 8 January 2009", items[1].Title.Text);

        var summary = items[1].Summary.Text;
        Assert.StartsWith("Minutes of the Local Government CIO Council meeting of 8 January 2009, Sunningdale Park, Berkshire. 1. Business Administration.", summary);
        Assert.DoesNotContain("<", summary);
        Assert.DoesNotContain("\n", summary);
        Assert.True(summary.Length < 700, summary);
    }

    [Fact]
    public void A_feed_holds_the_newest_fifty_entries_of_a_longer_archive()
    {
        using var dir = new TempDir();
        var input = dir.CopyFrom(Path.Combine(Repo.Root, "tests/Quorum.Tests/Fixtures/minimal"));
        var first = new DateOnly(2024, 4, 1);
        for (var i = 0; i < 60; i++)
        {
            var date = first.AddDays(7 * i).ToString("yyyy-MM-dd");
            File.WriteAllText(Path.Combine(input, "meetings", "2024", $"{date}-parish-council.md"),
                $"---\nbody: parish-council\ndate: {date}\nattendance:\n  present:\n    - alice-smith: Chair\n---\n\n## 1. Business\n\nNoted.\n");
        }
        var site = Built.Site.Build(input);

        var ids = Load(site, "feeds/minutes.xml").Items.Select(i => i.Id).ToList();
        Assert.Equal(Quorum.Feeds.AtomFeedWriter.MaxEntries, ids.Count);
        var newest = site.Archive.Meetings.OrderByDescending(m => m.Date).ThenBy(m => m.Slug, StringComparer.Ordinal).Take(50)
            .Select(m => "https://minutes.example.org/meetings/" + m.Slug + "/");
        Assert.Equal(newest, ids);
        Assert.Equal(61, site.Archive.Meetings.Count); // the page and /data/ still have every meeting
        Assert.Equal(50, Load(site, "feeds/bodies/parish-council.xml").Items.Count());
    }

    [Fact]
    public void Each_body_has_a_feed_of_its_meetings()
    {
        var feed = Load(Built.Demo, "feeds/bodies/local-cio-council.xml");
        Assert.Equal("https://minutes.example.org/feeds/bodies/local-cio-council.xml", feed.Id);
        Assert.Equal(["https://minutes.example.org/meetings/2009-07-02-local-cio-council/", "https://minutes.example.org/meetings/2009-01-08-local-cio-council/"],
            feed.Items.Select(i => i.Id));
        Assert.Contains(feed.Links, l => l.RelationshipType == "alternate" && l.Uri.ToString() == "https://minutes.example.org/bodies/local-cio-council/");

        var planning = Load(Built.Fixture, "feeds/bodies/planning.xml");
        Assert.Empty(planning.Items); // its only meeting is unpublished
        // An empty feed's <updated> is the newest minutes on the site, not the time of the build.
        Assert.Equal(new DateTimeOffset(2024, 7, 9, 0, 0, 0, TimeSpan.Zero), planning.LastUpdatedTime);
    }

    [Fact]
    public void The_decisions_feed_links_every_decision_to_its_anchor_on_the_meeting_page()
    {
        var site = Built.Demo;
        var feed = Load(site, "feeds/decisions.xml");
        var items = feed.Items.ToList();
        Assert.Equal(site.Archive.Decisions.Count, items.Count);
        Assert.True(items.Count >= 5);
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
        Assert.Equal(July2, items[0].LastUpdatedTime);
        Assert.Equal(January8, items[^1].LastUpdatedTime);
        foreach (var item in items)
        {
            var url = new Uri(Alternate(item));
            Assert.Equal(url.ToString(), item.Id);
            Assert.StartsWith("#decision-", url.Fragment);
            var page = site.Text(url.AbsolutePath.TrimStart('/') + "index.html");
            Assert.Contains($"id=\"{url.Fragment[1..]}\"", page);
            Assert.False(string.IsNullOrWhiteSpace(item.Summary.Text));
        }
        var rename = items.Single(i => i.Id == "https://minutes.example.org/meetings/2009-01-08-local-cio-council/#decision-8-1");
        Assert.Equal("Local Government CIO Council — 8 January 2009: item 8 Name change of Local Government CIO Council", rename.Title.Text);
        Assert.Contains("Local CIO Council", rename.Summary.Text);
    }

    [Fact]
    public void Each_member_has_a_feed_of_their_actions()
    {
        var site = Built.Demo;
        foreach (var member in site.Archive.Members)
        {
            var feed = Load(site, $"feeds/members/{member.Id}/actions.xml");
            Assert.Equal($"https://minutes.example.org/feeds/members/{member.Id}/actions.xml", feed.Id);
            Assert.Equal(member.ActionsOwned.Select(a => $"https://minutes.example.org/actions/{a.Slug}/").Order(StringComparer.Ordinal),
                feed.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        }
        var richard = Load(site, "feeds/members/richard-steel/actions.xml").Items.ToList();
        var first = richard.Single(i => i.Id.EndsWith("/actions/lg-cio-03-01/", StringComparison.Ordinal));
        Assert.Equal(January8, first.PublishDate);
        Assert.Equal("Action LG CIO 03/01 (open)", first.Title.Text);
        Assert.StartsWith("Richard Steel to follow up [the two further contacts provided by John Serle]. Raised at the Local Government CIO Council meeting of 8 January 2009.", first.Summary.Text);

        // Raised in March, reported on in July: updated then, and the feed says how.
        var alice = Load(Built.Fixture, "feeds/members/alice-smith/actions.xml");
        var action = Assert.Single(alice.Items);
        Assert.Equal(FeedFixture.BaseUrl + "actions/tc-12-01/", action.Id);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero), action.PublishDate);
        Assert.Equal(new DateTimeOffset(2024, 7, 9, 0, 0, 0, TimeSpan.Zero), action.LastUpdatedTime);
        Assert.Equal(action.LastUpdatedTime, alice.LastUpdatedTime);
        Assert.Equal("Action TC 12/01 (closed)", action.Title.Text);
        Assert.Contains("Due 30 April 2024.", action.Summary.Text);
        Assert.EndsWith("Last reported at the meeting of 9 July 2024: The authority replied.", action.Summary.Text);
        // Bob's only action is exempt: it has no owners in public, so his feed is empty.
        Assert.Empty(Load(Built.Fixture, "feeds/members/bob-jones/actions.xml").Items);
    }

    [Fact]
    public void Drafts_are_marked_in_the_title_and_urls_keep_the_base_path()
    {
        var feed = Load(Built.Fixture, "feeds/minutes.xml");
        var items = feed.Items.ToList();
        Assert.Equal(2, items.Count);
        Assert.EndsWith("(draft)", items[0].Title.Text);
        Assert.StartsWith("Draft minutes (not yet approved) of the Testbury Town Council", items[0].Summary.Text);
        Assert.DoesNotContain("draft", items[1].Title.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(FeedFixture.BaseUrl + "meetings/2024-03-05-town-council/", items[1].Id);
        Assert.Equal(FeedFixture.BaseUrl + "feeds/minutes.xml", feed.Id);
        // The renamed body: the name on the meeting's date.
        Assert.Equal("Testbury Parish Council", items[1].Categories.Single().Label);
        // The exempt item's notice stands in its place.
        Assert.Contains("This item is exempt from publication", items[1].Summary.Text);

        var decisions = Load(Built.Fixture, "feeds/decisions.xml").Items.ToList();
        Assert.Equal(2, decisions.Count); // the decision in the exempt item is withheld with it
        Assert.Contains("(draft)", decisions[0].Title.Text);
    }

    [Fact]
    public void Feeds_are_well_formed_utf8_atom_with_absolute_links()
    {
        foreach (var (path, bytes) in Built.Fixture.MachineReadable().Concat(Built.Demo.MachineReadable()).Where(f => f.Key.StartsWith("feeds/", StringComparison.Ordinal)))
        {
            var text = Built.Site.Utf8(bytes);
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xml:lang=\"en-GB\" xmlns=\"http://www.w3.org/2005/Atom\">", text);
            Assert.DoesNotContain("\r", text);
            var doc = new XmlDocument();
            doc.LoadXml(text);
            foreach (XmlElement link in doc.GetElementsByTagName("link"))
                Assert.True(Uri.IsWellFormedUriString(link.GetAttribute("href"), UriKind.Absolute), $"{path}: {link.OuterXml}");
        }
    }
}
