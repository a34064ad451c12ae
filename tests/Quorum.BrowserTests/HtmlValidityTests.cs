using Quorum.BrowserTests.Support;

namespace Quorum.BrowserTests;

/// <summary>
/// The Nu Html Checker on every page of both built sites: zero errors (warnings are allowed). One vnu.jar run
/// checks both folders; the fixture starts it early so that it overlaps the browser tests.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HtmlValidityTests(SiteFixture sites)
{
    [ValidatorFact]
    public Task The_demo_site_has_no_HTML_errors() => AssertValid(sites.Demo);

    [ValidatorFact]
    public Task The_canary_site_has_no_HTML_errors() => AssertValid(sites.Canary);

    [ValidatorFact]
    public async Task The_checker_reports_an_invalid_page()
    {
        var messages = await sites.Validation;
        Assert.Contains(messages, m => m.IsError && m.File.StartsWith(sites.ValidatorSelfCheck, StringComparison.Ordinal) && m.Line == 4);
    }

    async Task AssertValid(BuiltSite site)
    {
        var pages = Directory.GetFiles(site.Folder, "*.html", SearchOption.AllDirectories).Length;
        Assert.True(pages >= 10, $"the {site.Name} site has only {pages} HTML pages");
        var folder = site.Folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var errors = (await sites.Validation)
            .Where(m => m.IsError && m.File.StartsWith(folder, StringComparison.Ordinal))
            .Select(m => m with { File = Path.GetRelativePath(site.Folder, m.File) })
            .ToList();
        Assert.True(errors.Count == 0,
            $"vnu found {errors.Count} HTML error(s) in the {site.Name} site ({pages} pages):\n" + string.Join("\n", errors));
    }
}
