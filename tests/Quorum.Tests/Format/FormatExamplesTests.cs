using AngleSharp.Html.Parser;
using Quorum.Tests.Support;

namespace Quorum.Tests.Format;

/// <summary>FORMAT.md's examples, copied verbatim into Fixtures/format-examples, build into the pages the contract describes.</summary>
public class FormatExamplesTests
{
    static readonly Lazy<(Quorum.Build.BuildPipeline.Result Result, Quorum.Render.MemoryOutput Output)> Built =
        new(() => SiteBuilder.InMemory(Repo.Fixture("format-examples")));

    static AngleSharp.Html.Dom.IHtmlDocument Page(string path) => new HtmlParser().ParseDocument(Built.Value.Output.Text(path));

    [Fact]
    public void The_examples_are_accepted()
    {
        Assert.True(Built.Value.Result.Succeeded, string.Join("\n", Built.Value.Result.Diagnostics));
        Assert.All(Built.Value.Result.Diagnostics, d => Assert.Contains(d.Code, new[] { "Q012", "Q013" }));
    }

    [Fact]
    public void The_meeting_shows_the_title_the_former_body_name_times_venue_and_attendance()
    {
        var doc = Page("meetings/2009-01-08-local-cio-council/index.html");
        Assert.Equal("Quarterly meeting", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal("Local Government CIO Council", doc.QuerySelector("p.caption")!.TextContent); // used up to and including 2009-01-08
        var summary = doc.QuerySelector("dl.summary")!.TextContent;
        Assert.Contains("10:00 to 14:45", summary);
        Assert.Contains("Sunningdale Park, Berkshire", summary);
        Assert.Contains("3", summary);
        var attendance = doc.QuerySelector("section.attendance")!;
        Assert.Contains("Jos Creese (Chair)", attendance.TextContent);
        Assert.Contains("Pamela Larsen, Socitm (Secretary)", attendance.TextContent);
        Assert.Contains("Paul Lea (Standing down)", attendance.TextContent);
        Assert.Equal(["Present", "In attendance", "Apologies"], attendance.QuerySelectorAll("h3").Select(h => h.TextContent));
    }

    [Fact]
    public void Items_sub_items_decisions_and_the_exempt_item_are_where_the_format_says()
    {
        var doc = Page("meetings/2009-01-08-local-cio-council/index.html");
        Assert.Equal("1. Business administration", doc.GetElementById("item-1")!.TextContent.Trim());
        Assert.Equal("1.1 Apologies", doc.GetElementById("item-1-1")!.TextContent.Trim());
        Assert.Equal("7. Supplier contract", doc.GetElementById("item-7")!.TextContent.Trim());
        Assert.DoesNotContain("Text that must never be published", Built.Value.Output.Text("meetings/2009-01-08-local-cio-council/index.html"));
        var decision = doc.GetElementById("decision-8-1")!;
        Assert.Contains("The group will be renamed the Local CIO Council (L CIO Council).", decision.TextContent);
        Assert.Contains("Jos Creese welcomed everyone", doc.GetElementById("item-1")!.ParentElement!.TextContent);
    }

    [Fact]
    public void The_action_update_and_next_meeting_are_published()
    {
        // The example action is exempt (FOIA s.43): id, meeting and status only.
        var action = Page("actions/lg-cio-03-01/index.html");
        Assert.Equal("This item is exempt from publication: FOIA s.43 — commercial interests.", action.QuerySelector(".withheld")!.TextContent.Trim());
        Assert.DoesNotContain("TfL contacts", action.Body!.TextContent);
        Assert.DoesNotContain("31 March 2009", action.Body!.TextContent);
        Assert.NotNull(action.QuerySelector("dl.summary a[href='/meetings/2009-01-08-local-cio-council/']"));
        var meeting = Page("meetings/2009-01-08-local-cio-council/index.html");
        Assert.Contains("L CIO 04/01", meeting.GetElementById("updates")!.ParentElement!.TextContent);
        Assert.Contains("No reply from TfL", meeting.GetElementById("updates")!.ParentElement!.TextContent);
        var next = meeting.GetElementById("next-meeting")!.ParentElement!.TextContent;
        Assert.Contains("20 October 2009", next);
        Assert.Contains("Cabinet Office, London, Room G45", next);
    }

    [Fact]
    public void The_member_and_the_page_are_published()
    {
        var member = Page("members/pam-larsen/index.html");
        Assert.Equal("Pamela Larsen", member.QuerySelector("h1")!.TextContent);
        Assert.Contains("Secretary", member.Body!.TextContent);
        Assert.Contains("“Pam Larsen”, “PL”", member.Body!.TextContent);
        Assert.Equal("Accessibility statement", Page("accessibility/index.html").QuerySelector("h1")!.TextContent);
    }
}
