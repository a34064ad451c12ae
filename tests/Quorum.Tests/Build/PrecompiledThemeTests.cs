using Quorum.Benchmarks;
using Quorum.Build;
using Quorum.Public;
using Quorum.Render;
using Quorum.Tests.Support;
using Quorum.ThemeCompiler;

namespace Quorum.Tests.Build;

/// <summary>
/// The default theme runs as C# compiled into Quorum (src/Quorum.ThemeCompiler, DefaultTheme.g.cs) while its files are
/// exactly what was compiled; any other theme, the default one edited among them, runs on Handlebars.Net. Both must
/// write the same bytes: each site here is built both ways and every file compared.
/// </summary>
public sealed class PrecompiledThemeTests : IDisposable
{
    readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_committed_source_is_what_the_compiler_makes_of_the_default_theme()
    {
        var (source, notCompiled) = ThemeSource.Generate(Repo.Theme);
        Assert.Null(notCompiled);
        var committed = File.ReadAllText(Path.Combine(Repo.Root, "src", "Quorum", "Render", "Precompiled", "DefaultTheme.g.cs"));
        Assert.True(source == committed,
            "DefaultTheme.g.cs is not what themes/default compiles to: run `dotnet run --project src/Quorum.ThemeCompiler`");
    }

    [Fact]
    public void The_default_theme_runs_precompiled_and_an_edited_copy_runs_on_Handlebars()
    {
        var site = Site();
        Assert.True(new Theme(Repo.Theme, new SiteUrls(site.BasePath), site).IsPrecompiled);
        Assert.True(new Theme(_temp.CopyFrom(Repo.Theme, "copy"), new SiteUrls(site.BasePath), site).IsPrecompiled); // where it is does not matter

        var edited = _temp.CopyFrom(Repo.Theme, "edited");
        File.AppendAllText(Path.Combine(edited, "templates", "page.hbs"), "<p>Edited.</p>\n");
        var theme = new Theme(edited, new SiteUrls(site.BasePath), site);
        Assert.False(theme.IsPrecompiled);
        var page = theme.Render("page", new PageModel(new PublicPage { Slug = "about", Title = "About", Content = new PublicMarkdown("") }));
        Assert.EndsWith("<p>Edited.</p>\n", page);

        Assert.False(new Theme(WithExtraPartial("extra"), new SiteUrls(site.BasePath), site).IsPrecompiled); // a file more is not the same theme
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("minimal")]
    [InlineData("canary")]
    [InlineData("format-examples")]
    [InlineData("generated")]
    public void Precompiled_and_Handlebars_write_the_same_bytes(string site)
    {
        var input = site switch
        {
            "demo" => Repo.Input,
            "generated" => Generated(),
            _ => Repo.Fixture(site),
        };
        var precompiled = Build(input, Repo.Theme);
        var handlebars = Build(input, WithExtraPartial("unused"));

        Assert.Equal(precompiled.Keys.Order(StringComparer.Ordinal), handlebars.Keys.Order(StringComparer.Ordinal));
        var differing = precompiled.Where(f => !f.Value.AsSpan().SequenceEqual(handlebars[f.Key])).Select(f => f.Key).ToList();
        Assert.Empty(differing);
        Assert.Contains(precompiled.Keys, p => p.EndsWith("index.html", StringComparison.Ordinal));
    }

    [Fact]
    public void Handlebars_reading_the_models_as_a_native_build_does_writes_the_same_pages()
    {
        // The standalone build is native code (Native AOT), where Handlebars.Net cannot make its typed getters, so a
        // theme of one's own reads the page models through ModelDescriptors there: here it runs the default theme.
        var (archive, diagnostics) = BuildPipeline.Prepare(Repo.Input, SiteBuilder.DefaultDate, new PhaseTimings());
        Assert.True(archive is not null, string.Join("\n", diagnostics.Sorted()));
        var urls = new SiteUrls(archive.Site.BasePath);
        var precompiled = new MemoryOutput();
        new SiteRenderer(archive, new Theme(Repo.Theme, urls, archive.Site)).Render(precompiled);
        var reflected = new MemoryOutput();
        var theme = new Theme(Repo.Theme, urls, archive.Site, usePrecompiled: false, readModelsByReflection: true);
        new SiteRenderer(archive, theme).Render(reflected);

        Assert.False(theme.IsPrecompiled);
        Assert.Equal(precompiled.Files.Keys.Order(StringComparer.Ordinal), reflected.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(precompiled.Files.Where(f => !f.Value.AsSpan().SequenceEqual(reflected.Files[f.Key])).Select(f => f.Key));
    }

    [Fact]
    public void A_path_through_nothing_fails_with_Handlebars_own_message()
    {
        // {{Body.Name}} with no body: Handlebars.Net's "Name is undefined", with the template's path, either way.
        var site = Site();
        var urls = new SiteUrls(site.BasePath);
        var model = new BodyModel(null!, [], [], []);
        var precompiled = Assert.Throws<ThemeException>(() => new Theme(Repo.Theme, urls, site).Render("body", model));
        var handlebars = Assert.Throws<ThemeException>(() =>
            new Theme(Repo.Theme, urls, site, usePrecompiled: false, readModelsByReflection: false).Render("body", model));
        Assert.Equal(handlebars.Message, precompiled.Message);
        Assert.EndsWith("body.hbs: error: Name is undefined", precompiled.Message);
    }

    /// <summary>The default theme with one partial more, which no template calls: the same pages, from Handlebars.Net.</summary>
    string WithExtraPartial(string name)
    {
        var theme = _temp.CopyFrom(Repo.Theme, "with-" + name);
        File.WriteAllText(Path.Combine(theme, "partials", name + ".hbs"), "never called\n");
        return theme;
    }

    string Generated()
    {
        var dir = Path.Combine(_temp.Path, "corpus");
        CorpusGenerator.Generate(dir, 40, seed: 11);
        return dir;
    }

    static IReadOnlyDictionary<string, byte[]> Build(string input, string theme)
    {
        var output = new MemoryOutput();
        var result = BuildPipeline.BuildTo(new BuildOptions(input, "", SiteBuilder.DefaultDate, theme), output);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return output.Files;
    }

    static PublicSite Site()
    {
        var (archive, diagnostics) = BuildPipeline.Prepare(Repo.Fixture("minimal"), SiteBuilder.DefaultDate, new PhaseTimings());
        Assert.True(archive is not null, string.Join("\n", diagnostics.Sorted()));
        return archive.Site;
    }
}
