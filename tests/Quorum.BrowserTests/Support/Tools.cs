namespace Quorum.BrowserTests.Support;

/// <summary>Where the repository, Debian's Chromium and Java are, and whether this is CI.</summary>
public static class Tools
{
    /// <summary>Debian's Chromium: Playwright's own browser download cannot work on these machines.</summary>
    public const string ChromiumPath = "/usr/lib/chromium/chromium";

    public const string ChromiumMissing = "Chromium is not installed: apt-get install chromium";

    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>CI=true: a missing browser or validator is a failure there, never a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool HasChromium => File.Exists(ChromiumPath);

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The input folder of a test site: "demo" is input/, "canary" the FOI canary fixture.</summary>
    public static string SiteInput(string site) => site switch
    {
        "demo" => Path.Combine(RepoRoot, "input"),
        "canary" => Path.Combine(RepoRoot, "tests", "Quorum.Tests", "Fixtures", "canary"),
        _ => throw new ArgumentOutOfRangeException(nameof(site), site, "a site is demo or canary"),
    };

    public static string Theme => Path.Combine(RepoRoot, "themes", "default");

    /// <summary>The vnu-jar npm package's folder (package.json and package-lock.json are committed; node_modules is not).</summary>
    public static string VnuFolder => Path.Combine(RepoRoot, "tests", "Quorum.BrowserTests", "vnu");

    public static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Quorum.sln"))) return dir.FullName;
        throw new InvalidOperationException("the browser tests must run inside the Quorum repository");
    }
}
