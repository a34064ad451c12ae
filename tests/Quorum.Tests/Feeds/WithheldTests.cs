using Quorum.Tests.Support;

namespace Quorum.Tests.Feeds;

/// <summary>Withheld content never reaches a feed, calendar or data file; the grounds for withholding do.</summary>
public class WithheldTests
{
    [Fact]
    public void No_withheld_token_is_in_any_feed_calendar_or_data_file()
    {
        var files = Built.Fixture.MachineReadable().ToList();
        Assert.True(files.Count > 15);
        foreach (var token in FeedFixture.Withheld)
            foreach (var (path, bytes) in files)
                Assert.False(Built.Site.Utf8(bytes).Contains(token, StringComparison.OrdinalIgnoreCase), $"{token} is in {path}");
        // The scan can find things: public text from the same meeting is there.
        Assert.Contains(files, f => Built.Site.Utf8(f.Value).Contains("Potholes on Mill Lane", StringComparison.Ordinal));
    }

    [Fact]
    public void The_grounds_are_published_in_place_of_what_they_withhold()
    {
        var meetings = Built.Fixture.Text("data/meetings.json");
        Assert.Contains(FeedFixture.ItemGround, meetings);
        var actions = Built.Fixture.Text("data/actions.json");
        Assert.Contains(FeedFixture.ActionGround, actions);
        // The exempt block inside a public item reads as its notice in the feed's summary.
        var feed = Built.Fixture.Text("feeds/minutes.xml");
        Assert.Contains("This item is exempt from publication: FOIA s.40 — personal information.", feed);
    }

    [Fact]
    public void The_canary_fixture_leaks_nothing_into_feeds_calendars_or_data()
    {
        var (result, output) = SiteBuilder.InMemory(Repo.Fixture("canary"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var files = new Built.Site(result, output).MachineReadable().ToList();
        Assert.Contains(files, f => f.Key == "data/meetings.json");
        foreach (var token in Foi.CanaryTests.Always.Concat(Foi.CanaryTests.UntilJanuary2030))
            foreach (var (path, bytes) in files)
                Assert.False(Built.Site.Utf8(bytes).Contains(token, StringComparison.OrdinalIgnoreCase), $"{token} is in {path}");
    }
}
