namespace Quorum.BrowserTests.Support;

// xunit 2 has no dynamic skip: each attribute sets Skip in its constructor when what it needs is missing — except
// under CI=true, where a missing tool must fail the run rather than quietly skip it (the fixture then throws a
// clear message).

/// <summary>A [Fact] that needs Debian's Chromium at /usr/lib/chromium/chromium.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Tools.HasChromium && !Tools.IsCi) Skip = Tools.ChromiumMissing;
    }
}

/// <summary>A [Theory] that needs Debian's Chromium at /usr/lib/chromium/chromium.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!Tools.HasChromium && !Tools.IsCi) Skip = Tools.ChromiumMissing;
    }
}

/// <summary>A [Fact] that needs Java (and npm, when vnu-jar is not installed yet) to run the Nu Html Checker.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ValidatorFactAttribute : FactAttribute
{
    public ValidatorFactAttribute()
    {
        if (Tools.IsCi) return;
        if (Tools.FindOnPath("java") is null) Skip = "Java is not installed: apt-get install default-jre-headless (the Nu Html Checker runs on it)";
        else if (!Vnu.IsInstalled && Tools.FindOnPath("npm") is null) Skip = "npm is not installed: apt-get install npm (it installs the Nu Html Checker, npm vnu-jar)";
    }
}
