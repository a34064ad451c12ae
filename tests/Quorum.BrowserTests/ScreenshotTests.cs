using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Quorum.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quorum.BrowserTests;

/// <summary>
/// Screenshots of the demo's home, meeting, member, action and search (with results) pages at a phone width
/// (375 px) and a desktop width (1280 px), kept as test output in bin/…/screenshots/. The best few are copied by
/// hand into docs/screenshots/ for the README.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ScreenshotTests(SiteFixture sites)
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [ChromiumFact]
    public async Task Key_pages_at_phone_and_desktop_widths()
    {
        var site = sites.Demo;
        // The member whose page lists the most actions: the fullest member page.
        var member = Directory.GetDirectories(Path.Combine(site.Folder, "members"))
            .OrderByDescending(d => ActionLink().Count(File.ReadAllText(Path.Combine(d, "index.html"))))
            .ThenBy(d => d, StringComparer.Ordinal)
            .Select(d => "members/" + Path.GetFileName(d) + "/")
            .First();
        (string Name, string Path)[] pages =
        [
            ("home", ""),
            ("meeting", site.First("meetings")),
            ("member", member),
            ("action", site.First("actions")),
            ("search", "search/?q=benchmarking"),
        ];
        Directory.CreateDirectory(Folder);
        foreach (var (width, height) in new[] { (375, 812), (1280, 800) })
        {
            await using var visit = await sites.OpenAsync(width, height);
            foreach (var (name, path) in pages)
            {
                await visit.GotoAsync(site.Url(path));
                if (name == "search") await Expect(visit.Page.Locator("#search-results .search-result").First).ToBeVisibleAsync();
                var file = Path.Combine(Folder, $"{name}-{width}.png");
                await visit.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
                Assert.True(new FileInfo(file).Length > 5_000, $"{file} is suspiciously small");
            }
            visit.AssertNoProblems();
        }
    }

    [GeneratedRegex("href=\"[^\"]*/actions/[a-z0-9-]+/\"")]
    private static partial Regex ActionLink();
}
