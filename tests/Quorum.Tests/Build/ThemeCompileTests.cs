using Quorum.Build;
using Quorum.Public;
using Quorum.Render;
using Quorum.Tests.Support;

namespace Quorum.Tests.Build;

/// <summary>
/// A theme's files compile side by side; a broken one is reported as its path and Handlebars' message, the same
/// file every time (the first broken file by name, partials before templates), however the threads fell.
/// </summary>
public class ThemeCompileTests
{
    [Fact]
    public void Of_several_broken_templates_the_first_by_name_is_reported_every_time()
    {
        using var tmp = new TempDir();
        var theme = tmp.CopyFrom(Repo.Theme, "theme");
        foreach (var name in new[] { "meeting", "action", "search" })
            File.AppendAllText(Path.Combine(theme, "templates", name + ".hbs"), "{{#if Title}}never closed");
        var site = Site();
        for (int i = 0; i < 20; i++)
        {
            var e = Assert.Throws<ThemeException>(() => new Theme(theme, new SiteUrls(site.BasePath), site));
            Assert.StartsWith(Path.Combine(theme, "templates", "action.hbs") + ": ", e.Message);
            Assert.Contains("'if'", e.Message);
        }
    }

    [Fact]
    public void A_broken_partial_is_reported_as_its_file_not_as_an_internal_error()
    {
        using var tmp = new TempDir();
        var theme = tmp.CopyFrom(Repo.Theme, "theme");
        File.AppendAllText(Path.Combine(theme, "partials", "status.hbs"), "{{#each Owners}}never closed");
        File.AppendAllText(Path.Combine(theme, "templates", "action.hbs"), "{{#if Title}}never closed");
        var options = new BuildOptions(Repo.Fixture("minimal"), "", SiteBuilder.DefaultDate, theme);
        var e = Assert.Throws<ThemeException>(() => BuildPipeline.BuildTo(options, new MemoryOutput()));
        Assert.StartsWith(Path.Combine(theme, "partials", "status.hbs") + ": ", e.Message);
    }

    static PublicSite Site()
    {
        var (archive, diagnostics) = BuildPipeline.Prepare(Repo.Fixture("minimal"), SiteBuilder.DefaultDate, new PhaseTimings());
        Assert.True(archive is not null, string.Join("\n", diagnostics.Sorted()));
        return archive.Site;
    }
}
