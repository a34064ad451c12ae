using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Quorum.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quorum.BrowserTests;

/// <summary>The search page as issue 4 describes it, in a real browser against the served sites.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests(SiteFixture sites)
{
    const string ResultLinks = "#search-results .search-result-title a";

    [ChromiumFact]
    public async Task Typing_shows_results_and_the_arrow_keys_and_Enter_open_a_result_at_its_anchor()
    {
        await using var visit = await sites.OpenAsync();
        var page = visit.Page;
        await visit.GotoAsync(sites.Demo.Url("search/"));
        var status = page.Locator("#search-status");
        await Expect(status).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(status).ToHaveAttributeAsync("role", "status");

        await page.Locator("#q").FocusAsync();
        await page.Keyboard.TypeAsync("benchmarking", new KeyboardTypeOptions { Delay = 20 });

        // Results appear without submitting the form; the status line (announced) counts them.
        await Expect(page.Locator(ResultLinks).First).ToBeVisibleAsync();
        await Expect(status).ToHaveTextAsync(new Regex(@"^\d+ results? for ‘benchmarking’\.$"));
        await Expect(page.Locator("#search-results mark").First).ToHaveTextAsync(new Regex("^[Bb]enchmarking$"));
        Assert.EndsWith("?q=benchmarking", page.Url, StringComparison.Ordinal);

        // ArrowDown from the box reaches the results; keep going to the first result that points into a page.
        await page.Keyboard.PressAsync("ArrowDown");
        var href = await ActiveHref(page) ?? "";
        var links = await page.Locator(ResultLinks).CountAsync();
        for (var i = 1; i < links && !href.Contains('#', StringComparison.Ordinal); i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            href = await ActiveHref(page) ?? "";
        }
        Assert.Contains('#', href);

        await page.Keyboard.PressAsync("Enter");
        // Polls the URL (WaitForURLAsync can miss a navigation that finished before it started waiting).
        await Expect(page).ToHaveURLAsync(sites.Demo.Server.Origin + href, new PageAssertionsToHaveURLOptions { Timeout = 20_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
        var anchor = href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..];
        var target = page.Locator(":target");
        await Expect(target).ToHaveAttributeAsync("id", anchor);
        await Expect(target).ToBeInViewportAsync();
        visit.AssertNoProblems();
    }

    [ChromiumFact]
    public async Task A_q_link_shows_results_on_load()
    {
        await using var visit = await sites.OpenAsync();
        var page = visit.Page;
        await visit.GotoAsync(sites.Demo.Url("search/?q=benchmarking"));

        await Expect(page.Locator("#q")).ToHaveValueAsync("benchmarking");
        await Expect(page.Locator(ResultLinks).First).ToBeVisibleAsync();
        await Expect(page.Locator("#search-status")).ToHaveTextAsync(new Regex(@"^\d+ results? for ‘benchmarking’\.$"));
        Assert.True(await page.Locator("#search-results .search-result").CountAsync() > 0);
        visit.AssertNoProblems();
    }

    [ChromiumFact]
    public async Task The_kind_filter_narrows_the_results()
    {
        await using var visit = await sites.OpenAsync();
        var page = visit.Page;
        await visit.GotoAsync(sites.Demo.Url("search/?q=council"));
        await Expect(page.Locator(ResultLinks).First).ToBeVisibleAsync();
        var all = await page.Locator("#search-results .search-result").CountAsync();

        var filters = page.Locator("#search-filters fieldset.search-filters");
        await Expect(filters.Locator("> legend")).ToHaveTextAsync("Filter results");
        var kind = filters.Locator("fieldset", new LocatorLocatorOptions { Has = page.Locator("legend", new PageLocatorOptions { HasText = "Kind" }) });
        await kind.GetByLabel("Agenda items", new LocatorGetByLabelOptions { Exact = true }).CheckAsync();

        await Expect(page.Locator("#search-status")).ToHaveTextAsync(new Regex(@"^\d+ of \d+ results for ‘council’ match the filters\.$"));
        var shown = await page.Locator("#search-results .search-result").CountAsync();
        Assert.InRange(shown, 1, all - 1);
        foreach (var meta in await page.Locator("#search-results .search-result-kind").AllTextContentsAsync())
            Assert.Equal("Agenda item", meta);
        Assert.Contains("kind=item", page.Url, StringComparison.Ordinal);
        visit.AssertNoProblems();
    }

    [ChromiumFact]
    public async Task On_a_phone_the_filters_start_folded_so_the_results_come_first()
    {
        await using var visit = await sites.OpenAsync(width: 320, height: 640);
        var page = visit.Page;
        await visit.GotoAsync(sites.Demo.Url("search/?q=council"));
        await Expect(page.Locator(ResultLinks).First).ToBeAttachedAsync();
        var fold = page.Locator("#search-filters details.search-filters-fold");
        await Expect(fold).Not.ToHaveAttributeAsync("open", "");
        await Expect(page.Locator("#search-filters fieldset.search-filters")).ToBeHiddenAsync();

        // Opened from the keyboard, the filters are there to tick.
        await fold.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#search-filters fieldset.search-filters > legend")).ToBeVisibleAsync();

        // A filter already ticked (from the address) shows, folded or not; on a wide screen they start open.
        await visit.GotoAsync(sites.Demo.Url("search/?q=council&kind=item"));
        await Expect(page.Locator(ResultLinks).First).ToBeAttachedAsync();
        await Expect(fold).ToHaveAttributeAsync("open", "");
        await page.SetViewportSizeAsync(1280, 800);
        await visit.GotoAsync(sites.Demo.Url("search/?q=council"));
        await Expect(page.Locator(ResultLinks).First).ToBeVisibleAsync();
        await Expect(fold).ToHaveAttributeAsync("open", "");
        visit.AssertNoProblems();
    }

    [ChromiumFact]
    public async Task The_body_and_year_filters_narrow_the_results_on_a_site_with_two_bodies()
    {
        await using var visit = await sites.OpenAsync();
        var page = visit.Page;
        var site = sites.TwoBodies;
        await visit.GotoAsync(site.Url("search/?q=crossing"));
        await Expect(page.Locator(ResultLinks).First).ToBeVisibleAsync();
        var results = page.Locator("#search-results .search-result");
        var all = await results.CountAsync();
        var filters = page.Locator("#search-filters fieldset.search-filters");
        await Expect(filters.Locator("fieldset > legend")).ToHaveTextAsync(["Kind", "Body", "Year"]);
        var status = page.Locator("#search-status");

        // Year 2024: only the town council's meeting of February 2024 is left.
        var year = filters.Locator("fieldset", new LocatorLocatorOptions { Has = page.Locator("legend", new PageLocatorOptions { HasText = "Year" }) });
        await year.GetByLabel("2024", new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
        await Expect(status).ToHaveTextAsync(new Regex($@"^\d+ of {all} results for ‘crossing’ match the filters\.$"));
        var in2024 = await results.CountAsync();
        Assert.InRange(in2024, 1, all - 1);
        foreach (var date in await page.Locator("#search-results .search-result-meta time").AllAsync())
            Assert.StartsWith("2024-", await date.GetAttributeAsync("datetime") ?? "", StringComparison.Ordinal);
        Assert.Contains("year=2024", page.Url, StringComparison.Ordinal);

        // Untick it, tick the planning committee: only its meeting of 2025 is left.
        await year.GetByLabel("2024", new LocatorGetByLabelOptions { Exact = true }).UncheckAsync();
        await Expect(status).ToHaveTextAsync($"{all} results for ‘crossing’.");
        var body = filters.Locator("fieldset", new LocatorLocatorOptions { Has = page.Locator("legend", new PageLocatorOptions { HasText = "Body" }) });
        await body.GetByLabel("Planning Committee", new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
        await Expect(status).ToContainTextAsync("match the filters");
        var inPlanning = await results.CountAsync();
        Assert.InRange(inPlanning, 1, all - 1);
        Assert.Equal(all, in2024 + inPlanning);
        foreach (var meta in await page.Locator("#search-results .search-result-meta").AllTextContentsAsync())
            Assert.Contains("Planning Committee", meta, StringComparison.Ordinal);
        visit.AssertNoProblems();
    }

    [ChromiumFact]
    public async Task Hostile_text_in_the_minutes_and_in_the_query_shows_as_text_and_never_runs()
    {
        await using var visit = await sites.OpenAsync();
        var page = visit.Page;
        // The canary's meeting of 6 February 2024 says: <script>alert("hostile")</script> was read out as written.
        await visit.GotoAsync(sites.Canary.Url("search/?q=welcomed"));
        var excerpt = page.Locator("#search-results .search-result-excerpt", new PageLocatorOptions { HasText = "<script>" });
        await Expect(excerpt.First).ToContainTextAsync("<script>alert(\"hostile\")</script> was read out as written.");
        Assert.Equal(0, await page.Locator("#search-results script, #search-results img, #search-status *").CountAsync());

        // Markup typed into the box stays text too.
        const string typed = "<img src=x onerror=alert(1)>";
        await page.Locator("#q").FillAsync(typed);
        await Expect(page.Locator("#search-status")).ToContainTextAsync(typed);
        Assert.Equal(0, await page.Locator("main img, #search-status *").CountAsync());

        // The meeting page itself shows the sentence as text.
        await visit.GotoAsync(sites.Canary.Url("meetings/2024-02-06-town-council/"));
        await Expect(page.Locator("main")).ToContainTextAsync("<script>alert(\"hostile\")</script> was read out as written.");
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        await page.WaitForTimeoutAsync(200); // a dialog, if any, would have opened by now
        visit.AssertNoProblems(); // a dialog (alert) is a problem
    }

    static Task<string?> ActiveHref(IPage page) =>
        page.EvaluateAsync<string?>("() => { const a = document.activeElement; return a && a.href ? a.pathname + a.hash : null; }");
}
