using Microsoft.Playwright;
using Quorum.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quorum.BrowserTests;

/// <summary>
/// The canary fixture site (served under /minutes/): the draft notice and the placeholders for exempt content are
/// there for a sighted reader, and no withheld text (every canary string starts CANARY) reaches the screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CanaryTests(SiteFixture sites)
{
    [ChromiumFact]
    public async Task A_draft_meeting_shows_the_draft_notice_and_is_tagged_in_the_registers()
    {
        await using var visit = await sites.OpenAsync();
        var page = visit.Page;
        await visit.GotoAsync(sites.Canary.Url("meetings/2024-05-14-town-council/"));
        var notice = page.Locator("main .notice-draft");
        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice).ToContainTextAsync("draft");
        await Expect(notice).ToContainTextAsync("not yet been approved");

        foreach (var register in new[] { "", "meetings/", "bodies/town-council/" })
        {
            await visit.GotoAsync(sites.Canary.Url(register));
            var entry = page.Locator("main li", new PageLocatorOptions { Has = page.Locator("a[href='/minutes/meetings/2024-05-14-town-council/']") }).First;
            await Expect(entry.Locator(".tag-draft")).ToBeVisibleAsync();
        }
        visit.AssertNoProblems();
    }

    [ChromiumFact]
    public async Task Exempt_items_blocks_and_actions_show_visible_placeholders_and_no_withheld_text()
    {
        await using var visit = await sites.OpenAsync();
        var page = visit.Page;
        (string Url, int AtLeast, string Says)[] pages =
        [
            ("meetings/2024-02-06-town-council/", 5, "FOIA s.43"),
            ("actions/rtc-41-02/", 1, "FOIA s.43"),
            ("about/", 1, "FOIA s.31"),
        ];
        foreach (var (url, atLeast, says) in pages)
        {
            await visit.GotoAsync(sites.Canary.Url(url));
            var placeholders = page.Locator("main .withheld");
            Assert.True(await placeholders.CountAsync() >= atLeast, $"{url}: fewer than {atLeast} exempt placeholders");
            foreach (var placeholder in await placeholders.AllAsync())
            {
                await Expect(placeholder).ToBeVisibleAsync();
                await Expect(placeholder).ToContainTextAsync("exempt from publication");
            }
            await Expect(placeholders.First).ToContainTextAsync(says);
            Assert.DoesNotContain("CANARY", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        }
        visit.AssertNoProblems();
    }
}
