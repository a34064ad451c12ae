using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Quorum.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quorum.BrowserTests;

/// <summary>Getting around with the keyboard alone: Tab, Shift+Tab and Enter.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class KeyboardTests(SiteFixture sites)
{
    [ChromiumFact]
    public async Task The_skip_link_is_the_first_stop_shows_when_focused_and_moves_focus_to_main()
    {
        await using var visit = await sites.OpenAsync();
        var page = visit.Page;
        await visit.GotoAsync(sites.Demo.Url());

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip-link");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToHaveTextAsync("Skip to main content");
        await Expect(skip).ToBeInViewportAsync();
        await AssertFocusVisible(page);

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
        // Focused main is still readable: no focus style that changes its colours (contrast) under the content.
        var violations = await Axe.Violations(page, "main focused after the skip link");
        Assert.True(violations.Length == 0, violations);

        // The next Tab lands inside main, past the header.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.closest('main') !== null"),
            "after the skip link, Tab should move to the first link in main, not back to the header");
        visit.AssertNoProblems();
    }

    [ChromiumFact]
    public async Task From_home_to_a_meeting_a_member_an_action_and_back_through_the_registers_by_keyboard()
    {
        var site = sites.Demo;
        // Which members' pages link to an action (read from the built files; the walk itself uses only keys).
        var membersWithActions = Directory.GetDirectories(Path.Combine(site.Folder, "members"))
            .Where(d => ActionLink().IsMatch(File.ReadAllText(Path.Combine(d, "index.html"))))
            .Select(d => site.Server.BasePath + "members/" + Path.GetFileName(d) + "/")
            .ToHashSet();
        Assert.NotEmpty(membersWithActions);

        await using var visit = await sites.OpenAsync();
        var page = visit.Page;
        var basePath = site.Server.BasePath;
        await visit.GotoAsync(site.Url());

        // Home: skip to main, then Tab to the first meeting.
        await SkipToMain(page);
        var meeting = await TabTo(page, h => Regex.IsMatch(h, "^" + basePath + "meetings/[^/#]+/$"), "a meeting");
        await Follow(page, site, meeting);
        await Expect(page.Locator("h1")).ToBeVisibleAsync();

        // Meeting → a member who has actions.
        await SkipToMain(page);
        var member = await TabTo(page, membersWithActions.Contains, "a member with actions");
        await Follow(page, site, member);

        // Member → one of their actions.
        await SkipToMain(page);
        var action = await TabTo(page, h => Regex.IsMatch(h, "^" + basePath + "actions/[^/#]+/$"), "an action");
        await Follow(page, site, action);
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();

        // Back through the registers, tabbing from the top of each page (header navigation): actions, members, meetings, and into a meeting again.
        foreach (var register in new[] { "actions/", "members/", "meetings/" })
        {
            var href = await TabTo(page, h => h == basePath + register, "the " + register + " register");
            await Follow(page, site, href);
            await Expect(page.Locator($"nav[aria-label=Main] a[href='{basePath + register}']")).ToHaveAttributeAsync("aria-current", "page");
        }
        await SkipToMain(page);
        await Follow(page, site, await TabTo(page, h => h == meeting, "the first meeting again"));
        visit.AssertNoProblems();
    }

    /// <summary>Tab (from the top of the page) to the skip link, Enter: focus is on main.</summary>
    static async Task SkipToMain(IPage page)
    {
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("a.skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
    }

    /// <summary>Presses Tab until a link whose path (and hash) matches is focused; checks its focus is visible.</summary>
    static async Task<string> TabTo(IPage page, Func<string, bool> wanted, string what)
    {
        for (var i = 0; i < 400; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var href = await page.EvaluateAsync<string?>("() => { const a = document.activeElement; return a && a.tagName === 'A' ? a.pathname + a.hash : null; }");
            if (href is not null && wanted(href))
            {
                await AssertFocusVisible(page);
                return href;
            }
        }
        throw new Xunit.Sdk.XunitException($"400 presses of Tab on {page.Url} never reached {what}");
    }

    static async Task Follow(IPage page, BuiltSite site, string href)
    {
        await page.Keyboard.PressAsync("Enter");
        // Polls the URL (WaitForURLAsync can miss a navigation that finished before it started waiting).
        await Expect(page).ToHaveURLAsync(site.Server.Origin + href, new PageAssertionsToHaveURLOptions { Timeout = 20_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>
    /// The focused element looks different from itself unfocused: its computed outline or box-shadow changes, and
    /// the focused one is not invisible (an outline that is transparent counts only with a box-shadow beside it).
    /// Unfocused is measured after Tab moves on; Shift+Tab then comes back.
    /// </summary>
    static async Task AssertFocusVisible(IPage page)
    {
        const string Style = """
            (remember) => {
              const el = remember ? (window.__quorumFocused = document.activeElement) : window.__quorumFocused;
              const s = getComputedStyle(el);
              return { outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor, boxShadow: s.boxShadow,
                       visibleOutline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !/rgba\(.*, 0\)$|transparent/.test(s.outlineColor),
                       what: el.outerHTML.slice(0, 120) };
            }
            """;
        var focused = await page.EvaluateAsync<FocusStyle>(Style, true);
        await page.Keyboard.PressAsync("Tab");
        var unfocused = await page.EvaluateAsync<FocusStyle>(Style, false);
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement === window.__quorumFocused"), "Shift+Tab did not return to the element");

        var shadowShows = focused.BoxShadow != "none" && focused.BoxShadow != unfocused.BoxShadow;
        var outlineShows = focused.VisibleOutline && focused.Outline != unfocused.Outline;
        Assert.True(shadowShows || outlineShows,
            $"focus is not visible on {focused.What}: focused outline '{focused.Outline}', box-shadow '{focused.BoxShadow}'; unfocused outline '{unfocused.Outline}', box-shadow '{unfocused.BoxShadow}'");
    }

    sealed class FocusStyle
    {
        public string Outline { get; set; } = "";
        public string BoxShadow { get; set; } = "";
        public bool VisibleOutline { get; set; }
        public string What { get; set; } = "";
    }

    [GeneratedRegex("href=\"[^\"]*/actions/[a-z0-9-]+/\"")]
    private static partial Regex ActionLink();
}
