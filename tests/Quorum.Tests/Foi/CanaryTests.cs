using AngleSharp.Html.Parser;
using Quorum.Tests.Support;

namespace Quorum.Tests.Foi;

/// <summary>
/// Fixtures/canary plants a unique token in every place FORMAT.md lets content be withheld. A build must carry
/// none of them in any byte of any file; a build after the time limit carries exactly the time-limited ones.
/// </summary>
public class CanaryTests
{
    static readonly string Fixture = Repo.Fixture("canary");

    /// <summary>Withheld whatever the date.</summary>
    public static readonly string[] Always =
    [
        "CANARYITEMBODY1", "CANARYSUBITEM2", "CANARYEXEMPTSUB3", "CANARYBLOCK4", "CANARYNESTED5", "CANARYAFTERNESTED6",
        "CANARYACTIONTEXT7", "CANARYINHERITED8", "CANARYNOTE9", "CANARYUNPUBTITLE10", "CANARYUNPUB11", "CANARYUNPUBACTION12",
        "CANARYUNPUBNOTE13", "CANARYVENUE14", "CANARYUNCLOSED18", "CANARYBIO19", "CANARYPAGE20", "CANARYITEMDECISION21",
        "2037-05-13", "13 May 2037", // the exempt action's due date
        "2025-01-20-planning", "Sam Visitor spoke", // the unpublished meeting's URL and text
    ];

    /// <summary>Withheld until 1 January 2030.</summary>
    public static readonly string[] UntilJanuary2030 = ["CANARYTIMEDITEM15", "CANARYTIMEDBLOCK16", "CANARYTIMEDACTION17"];

    [Fact]
    public void No_withheld_token_reaches_any_file_of_the_site()
    {
        using var tmp = new TempDir();
        var result = SiteBuilder.ToFolder(Fixture, tmp["site"]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var files = SiteScan.Files(tmp["site"]).ToList();
        Assert.True(files.Count > 20);
        foreach (var token in Always.Concat(UntilJanuary2030))
            Assert.True(SiteScan.Hits(files, token).Count == 0, $"{token} leaked into {string.Join(", ", SiteScan.Hits(files, token))}");
        // The scan can find things: public text from the same files is there.
        Assert.NotEmpty(SiteScan.Hits(files, "The discussion continued in public"));
        Assert.NotEmpty(SiteScan.Hits(files, "zebra crossing"));
    }

    [Fact]
    public void After_the_time_limit_exactly_the_time_limited_content_is_published()
    {
        using var tmp = new TempDir();
        var result = SiteBuilder.ToFolder(Fixture, tmp["site"], new DateOnly(2030, 1, 1));
        Assert.True(result.Succeeded);
        var files = SiteScan.Files(tmp["site"]).ToList();
        foreach (var token in Always)
            Assert.True(SiteScan.Hits(files, token).Count == 0, $"{token} leaked into {string.Join(", ", SiteScan.Hits(files, token))}");
        var meeting = Path.Combine("meetings", "2024-02-06-town-council", "index.html");
        Assert.Contains(meeting, SiteScan.Hits(files, "CANARYTIMEDITEM15"));
        Assert.Contains(meeting, SiteScan.Hits(files, "CANARYTIMEDBLOCK16"));
        Assert.Contains(Path.Combine("actions", "rtc-41-05", "index.html"), SiteScan.Hits(files, "CANARYTIMEDACTION17"));
        // The day before, they are still withheld.
        var before = SiteBuilder.InMemory(Fixture, new DateOnly(2029, 12, 31)).Output;
        foreach (var token in UntilJanuary2030) Assert.Empty(SiteScan.Hits(SiteScan.Files(before.Files), token));
    }

    [Fact]
    public void An_exempt_item_keeps_its_number_title_and_anchor_with_the_notice()
    {
        var doc = Page("meetings/2024-02-06-town-council/index.html");
        var heading = doc.GetElementById("item-4")!;
        Assert.Equal("4. Land sale", heading.TextContent.Trim());
        var section = heading.ParentElement!;
        Assert.Equal("This item is exempt from publication: Local Government Act 1972, Schedule 12A, paragraph 3.",
            section.QuerySelector(".withheld")!.TextContent.Trim());
        Assert.Null(doc.GetElementById("item-4-1")); // its sub-item's title is withheld too
        Assert.Equal("This item is exempt from publication: FOIA s.43 — commercial interests. Exempt until 1 January 2030.",
            doc.GetElementById("item-5")!.ParentElement!.QuerySelector(".withheld")!.TextContent.Trim());
        Assert.NotNull(doc.GetElementById("item-2-2")); // an exempt sub-item of a public item keeps its heading
    }

    [Fact]
    public void An_exempt_block_is_replaced_by_the_notice_and_the_text_around_it_stays()
    {
        var doc = Page("meetings/2024-02-06-town-council/index.html");
        var item = doc.GetElementById("item-3")!.ParentElement!;
        Assert.Contains("The council discussed the boathouse lease.", item.TextContent);
        Assert.Contains("The discussion continued in public.", item.TextContent);
        Assert.Equal("This item is exempt from publication: FOIA s.43 — commercial interests.", item.QuerySelector(".withheld")!.TextContent.Trim());
        Assert.Empty(item.QuerySelectorAll(".decision")); // the decision inside the block is withheld with it
    }

    [Fact]
    public void An_exempt_action_shows_id_meeting_and_status_only()
    {
        var doc = Page("actions/rtc-41-02/index.html");
        Assert.Equal("RTC 41/02", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("This item is exempt from publication: FOIA s.43 — commercial interests.", doc.QuerySelector(".withheld")!.TextContent);
        var summary = doc.QuerySelector("dl.summary")!;
        Assert.NotNull(summary.QuerySelector("a[href='/minutes/meetings/2024-02-06-town-council/']"));
        Assert.Contains("Closed", summary.TextContent);
        Assert.DoesNotContain("Owner", summary.TextContent);
        Assert.DoesNotContain("Due", summary.TextContent);
        Assert.DoesNotContain("Under item", summary.TextContent);
        Assert.Contains("The note is withheld.", doc.QuerySelector(".timeline")!.TextContent);
    }

    [Fact]
    public void An_unpublished_meeting_leaves_no_trace_in_attendance_actions_or_status()
    {
        var ann = Page("members/ann-lee/index.html");
        Assert.Contains("2 meetings present", ann.Body!.TextContent); // not 3: the private meeting is not counted
        var visitor = Page("members/secret-visitor/index.html");
        Assert.Contains("No attendance is recorded", visitor.Body!.TextContent);
        var action = Page("actions/rtc-41-01/index.html");
        Assert.Equal(2, action.QuerySelectorAll(".timeline li").Length); // raised, then closed; the private reopening is not there
        Assert.Contains("Closed", action.QuerySelector("dl.summary")!.TextContent);
    }

    [Fact]
    public void Raw_html_in_minutes_is_published_as_text()
    {
        var (_, output) = SiteBuilder.InMemory(Fixture);
        var html = output.Text("meetings/2024-02-06-town-council/index.html");
        Assert.Contains("&lt;script&gt;alert(&quot;hostile&quot;)&lt;/script&gt;", html);
        // Every markup or JSON file escapes it (CSV carries it as data).
        foreach (var (path, text) in SiteScan.Files(output.Files).Where(f => !f.Path.EndsWith(".csv", StringComparison.Ordinal)))
            Assert.False(text.Contains("<script>alert", StringComparison.Ordinal), path);
    }

    [Fact]
    public void A_draft_is_marked_on_its_page_and_in_the_registers()
    {
        Assert.Contains("These minutes are a draft", Page("meetings/2024-05-14-town-council/index.html").Body!.TextContent);
        var register = Page("meetings/index.html");
        var item = register.QuerySelectorAll(".register li").Single(li => li.TextContent.Contains("14 May 2024"));
        Assert.NotNull(item.QuerySelector(".tag-draft"));
    }

    [Fact]
    public void Withheld_lists_every_piece_with_its_ground_and_release_date()
    {
        var outcome = CliRunner.Run(Repo.Root, "withheld", "--input", Fixture, "--date", "2026-11-23");
        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("13 pieces withheld from a build on 2026-11-23.", lines[^1]);
        Assert.Contains(lines, l => l.EndsWith("2024-02-06-town-council.md:84:1: item 4 'Land sale': its text and its 1 sub-item(s) — Local Government Act 1972, Schedule 12A, paragraph 3; indefinitely", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("2024-02-06-town-council.md:96:1: item 5 'Tender': its text — FOIA s.43 — commercial interests; until 1 January 2030", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("2025-01-20-planning.md:1:1: meeting 2025-01-20-planning, all of it (publish: false)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("action RTC 41/03: its text, owners and due date, as it arose under exempt item 4", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("2024-05-14-town-council.md:16:5: the note of an update to exempt action RTC 41/02", StringComparison.Ordinal));

        var later = CliRunner.Run(Repo.Root, "withheld", "--input", Fixture, "--date", "2030-01-01");
        Assert.Contains("10 pieces withheld from a build on 2030-01-01.", later.Stdout);
    }

    static AngleSharp.Html.Dom.IHtmlDocument Page(string path)
    {
        var (result, output) = SiteBuilder.InMemory(Fixture);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return new HtmlParser().ParseDocument(output.Text(path));
    }
}
