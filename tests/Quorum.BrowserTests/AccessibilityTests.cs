using System.Text;
using Microsoft.Playwright;
using System.Diagnostics;
using Quorum.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Quorum.BrowserTests;

/// <summary>
/// axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every page type of both sites, in three layouts:
/// <list type="bullet">
/// <item>desktop: a 1280 × 800 viewport;</item>
/// <item>reflow (WCAG 1.4.10): a 320 px wide viewport, where the page must also not scroll sideways;</item>
/// <item>200% zoom (WCAG 1.4.4): a 640 × 400 CSS px viewport at device scale factor 2 — what a 1280 × 800 window
/// zoomed to 200% is to the page (Chromium's zoom halves the CSS viewport and doubles the pixels per CSS px), so
/// media queries, layout and text see exactly what they would under browser zoom; no sideways scroll either.</item>
/// </list>
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(SiteFixture sites, ITestOutputHelper output)
{
    static readonly (string Name, int Width, int Height, float Scale)[] Layouts =
    [
        ("desktop 1280px", 1280, 800, 1),
        ("zoom 200% (640px at scale 2)", 640, 400, 2),
        ("reflow 320px", 320, 640, 1),
    ];

    /// <summary>Every page type of each site; the demo has no free pages (input/pages), the canary has two.</summary>
    public static TheoryData<string, string> PageTypes()
    {
        string[] types = ["home", "meetings", "meeting", "meeting-latest", "members", "member", "actions", "action", "decisions", "bodies", "body", "page", "search", "404", "data"];
        var data = new TheoryData<string, string>();
        foreach (var site in new[] { "demo", "canary" })
            foreach (var type in types)
                if (type != "page" || FreePage(site) is not null)
                    data.Add(site, type);
        return data;
    }

    [ChromiumTheory]
    [MemberData(nameof(PageTypes))]
    public async Task Every_page_type_has_no_WCAG_22_AA_violations_at_any_size(string siteName, string type)
    {
        var site = sites.Site(siteName);
        var (path, status) = PathFor(site, type);
        var url = site.Url(path);
        var report = new StringBuilder();
        await using var visit = await sites.OpenAsync(Layouts[0].Width, Layouts[0].Height, Layouts[0].Scale);
        var page = visit.Page;
        var clock = Stopwatch.StartNew();
        await visit.GotoAsync(url, status);
        if (type == "search") await Expect(page.Locator("#search-results .search-result").First).ToBeVisibleAsync();
        output.WriteLine($"loaded in {clock.ElapsedMilliseconds} ms");

        // One page load; each further layout is applied with the DevTools protocol's device metrics override, which
        // (unlike SetViewportSizeAsync) also sets the device scale factor: the layout reflows as it would in a
        // window of that size (or zoom).
        var cdp = await page.Context.NewCDPSessionAsync(page);
        foreach (var layout in Layouts)
        {
            clock.Restart();
            if (layout != Layouts[0])
            {
                await cdp.SendAsync("Emulation.setDeviceMetricsOverride", new Dictionary<string, object>
                {
                    ["width"] = layout.Width, ["height"] = layout.Height, ["deviceScaleFactor"] = layout.Scale, ["mobile"] = false,
                });
                var seen = await page.EvaluateAsync<double[]>(
                    "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done([innerWidth, devicePixelRatio]))))");
                Assert.True(seen[0] == layout.Width && Math.Abs(seen[1] - layout.Scale) < 0.01, $"{layout.Name}: the page sees {seen[0]} px at {seen[1]}x");
            }
            await CheckLayout(page, layout, report);
            output.WriteLine($"{layout.Name}: checked in {clock.ElapsedMilliseconds} ms");
        }
        foreach (var problem in visit.Problems) report.AppendLine(problem);
        Assert.True(report.Length == 0, $"{siteName} {type} ({url}):\n{report}");
    }

    static async Task CheckLayout(IPage page, (string Name, int Width, int Height, float Scale) layout, StringBuilder report)
    {
        report.Append(await Axe.Violations(page, layout.Name));
        if (layout.Width > 640) return;
        var overflow = await page.EvaluateAsync<string?>("""
            () => {
              const root = document.documentElement;
              if (root.scrollWidth <= root.clientWidth) return null;
              const wide = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > root.clientWidth + 0.5)
                .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '') + ' (right ' + Math.round(e.getBoundingClientRect().right) + ')');
              return 'scrollWidth ' + root.scrollWidth + ' > clientWidth ' + root.clientWidth + '; widest: ' + wide.join(', ');
            }
            """);
        if (overflow is not null) report.AppendLine($"[{layout.Name}] the page scrolls sideways: {overflow}");
    }

    static (string Path, int Status) PathFor(BuiltSite site, string type) => type switch
    {
        "home" => ("", 200),
        "meeting" => (site.First("meetings"), 200),
        "meeting-latest" => (Last(site, "meetings"), 200),
        "member" => (site.First("members"), 200),
        "action" => (site.First("actions"), 200),
        "body" => (site.First("bodies"), 200),
        "page" => (FreePage(site.Name) + "/", 200),
        "search" => ("search/?q=council", 200),
        "404" => ("no-such-page/", 404),
        _ => (type + "/", 200), // the registers and data/
    };

    static string Last(BuiltSite site, string register) =>
        register + "/" + Path.GetFileName(Directory.GetDirectories(Path.Combine(site.Folder, register)).Order(StringComparer.Ordinal).Last()) + "/";

    static string? FreePage(string site)
    {
        var pages = Path.Combine(Tools.SiteInput(site), "pages");
        return Directory.Exists(pages) ? Directory.GetFiles(pages, "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).FirstOrDefault() : null;
    }
}
