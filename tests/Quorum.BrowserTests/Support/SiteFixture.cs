using Microsoft.Playwright;
using Quorum.Build;

namespace Quorum.BrowserTests.Support;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "Built sites in a browser";
}

/// <summary>A built site and the server that serves it.</summary>
public sealed record BuiltSite(string Name, string Input, string Folder, StaticSiteServer Server)
{
    public string Url(string relative = "") => Server.Url(relative);

    /// <summary>The first sub-folder (sorted) of a register that holds a page: "meetings/2009-01-08-…/".</summary>
    public string First(string register)
    {
        var dir = Directory.GetDirectories(Path.Combine(Folder, register))
            .Where(d => File.Exists(Path.Combine(d, "index.html")))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault() ?? throw new InvalidOperationException($"the {Name} site has no page under {register}/");
        return register + "/" + Path.GetFileName(dir) + "/";
    }

    public override string ToString() => Name;
}

/// <summary>
/// Shared by every test in the run: the demo (input/) and the canary fixture (tests/Quorum.Tests/Fixtures/canary,
/// whose base_url has the path /minutes/) built into temp folders for 23 November 2026, each served on 127.0.0.1;
/// one Chromium for the whole run; and the Nu Html Checker started on both folders at once in the background, so
/// its JVM works while the browser tests run.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public static readonly DateOnly BuildDate = new(2026, 11, 23);

    readonly string _root = Path.Combine(Path.GetTempPath(), "quorum-browser-" + Guid.NewGuid().ToString("N")[..10]);
    IPlaywright? _playwright;
    IBrowser? _browser;
    Task<IReadOnlyList<VnuMessage>>? _validation;

    public BuiltSite Demo { get; private set; } = null!;
    public BuiltSite Canary { get; private set; } = null!;

    /// <summary>
    /// The canary with its unpublished planning meeting replaced by a published one of 2025: the only site with two
    /// bodies and two years in search, for the body and year filters (each of the others has one of each).
    /// </summary>
    public BuiltSite TwoBodies { get; private set; } = null!;

    public BuiltSite Site(string name) => name switch
    {
        "demo" => Demo,
        "canary" => Canary,
        "two-bodies" => TwoBodies,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "a site is demo, canary or two-bodies"),
    };

    /// <summary>The one browser; under CI=true a missing Chromium throws here (the tests are not skipped there).</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Tools.ChromiumMissing);

    /// <summary>Every message vnu.jar gave for both sites (one JVM run over both folders).</summary>
    public Task<IReadOnlyList<VnuMessage>> Validation => _validation ??= Task.Run(() => Vnu.Check(Demo.Folder, Canary.Folder, ValidatorSelfCheck));

    /// <summary>A folder with one invalid page, checked in the same vnu run: proves the checker really reports errors.</summary>
    public string ValidatorSelfCheck => Path.Combine(_root, "validator-self-check");

    public async Task InitializeAsync()
    {
        Demo = await BuildAndServe("demo");
        Canary = await BuildAndServe("canary");
        TwoBodies = await BuildAndServe("two-bodies", WriteTwoBodiesInput());
        Directory.CreateDirectory(ValidatorSelfCheck);
        await File.WriteAllTextAsync(Path.Combine(ValidatorSelfCheck, "broken.html"),
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>x</title></head>\n<body><p><div>unclosed</p></body>\n</html>\n");

        // Start the validator now when it can run: it then overlaps the browser tests.
        if (Tools.FindOnPath("java") is not null && (Vnu.IsInstalled || Tools.FindOnPath("npm") is not null))
            _ = Validation;

        if (Tools.HasChromium)
        {
            // Playwright's driver ships in the NuGet package (bin/.playwright); the browser is Debian's, never a download.
            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Tools.ChromiumPath,
                Headless = true,
                Args = Tools.ChromiumArgs,
            });
        }
    }

    string WriteTwoBodiesInput()
    {
        var source = Tools.SiteInput("canary");
        var input = Path.Combine(_root, "two-bodies-input");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(input, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        File.WriteAllText(Path.Combine(input, "meetings", "2025", "2025-01-20-planning.md"), """
            ---
            body: planning
            date: 2025-01-20
            number: 7
            attendance:
              present:
                - ann-lee: Chair
                - raj-patel
            ---

            ## 1. Mill Lane crossing

            The committee considered the county's design for the Mill Lane crossing.

            :::decision
            The committee supports the crossing as designed.
            :::
            """);
        return input;
    }

    async Task<BuiltSite> BuildAndServe(string name, string? inputFolder = null)
    {
        var input = inputFolder ?? Tools.SiteInput(name);
        var output = Path.Combine(_root, name);
        var result = BuildPipeline.Build(new BuildOptions(input, output, BuildDate, Tools.Theme));
        if (!result.Succeeded)
            throw new InvalidOperationException($"the {name} site did not build:\n" + string.Join("\n", result.Diagnostics));
        var server = await StaticSiteServer.StartAsync(output, result.Archive!.Site.BasePath);
        return new BuiltSite(name, input, output, server);
    }

    /// <summary>A fresh browser context and page that records every console error, uncaught error and dialog.</summary>
    public async Task<Visit> OpenAsync(int width = 1280, int height = 800, float scale = 1)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = scale,
            Locale = "en-GB",
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(20_000);
        return new Visit(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        foreach (var site in new[] { Demo, Canary, TwoBodies })
            if (site is not null) await site.Server.DisposeAsync();
        if (_validation is not null)
            try { await _validation; } catch (Exception) { /* reported by the test that awaits it */ }
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
