using Quorum.Build;
using Quorum.Public;
using Quorum.Render;
using Quorum.Tests.Support;

namespace Quorum.Tests.Build;

/// <summary>
/// A page is written as the layout's head, the page's template and the layout's tail when the layout's one
/// <c>{{{BodyHtml}}}</c> stands outside every block; any other layout is rendered whole, with the body as a string.
/// Both ways must give the same site.
/// </summary>
public class LayoutBodyTests
{
    const string Body = "{{{BodyHtml}}}";

    [Theory]
    [InlineData("{{#if Title}}{{{BodyHtml}}}{{/if}}", false)]            // inside a block
    [InlineData("{{#if BodyHtml}}{{/if}}{{{BodyHtml}}}", false)]         // named twice
    [InlineData("{{{BodyHtml}}}{{!-- the body --}}", false)]             // shares its line (alone in the tail's first
                                                                          // line, the comment would strip its newline)
    [InlineData("  {{{BodyHtml}}}\t\n{{!-- the body ends --}}", true)]  // alone on its line
    [InlineData("{{#each Breadcrumbs}}{{/each}}\n{{{BodyHtml}}}", true)]
    [InlineData("{{{BodyHtml}}}", true)]                                 // the default theme's
    public void A_cut_layout_gives_the_pages_a_whole_one_does(string bodyInLayout, bool cut)
    {
        using var tmp = new TempDir();
        var theme = tmp.CopyFrom(Repo.Theme, "theme");
        var layout = Path.Combine(theme, "templates", "layout.hbs");
        var text = File.ReadAllText(layout);
        Assert.Equal(2, text.Split(Body).Length); // the default layout names its body once
        File.WriteAllText(layout, text.Replace(Body, bodyInLayout));

        var (archive, diagnostics) = BuildPipeline.Prepare(Repo.Fixture("minimal"), SiteBuilder.DefaultDate, new PhaseTimings());
        Assert.True(archive is not null, string.Join("\n", diagnostics.Sorted()));
        var asIs = new Theme(theme, new SiteUrls(archive.Site.BasePath), archive.Site);
        var whole = new Theme(theme, new SiteUrls(archive.Site.BasePath), archive.Site);
        whole.RenderLayoutWhole();
        Assert.Equal(cut, asIs.LayoutIsCut);

        var expected = Pages(archive, whole);
        var actual = Pages(archive, asIs);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var page in expected.Keys)
            Assert.True(expected[page].AsSpan().SequenceEqual(actual[page]), $"{page} differs");
    }

    [Fact]
    public void A_template_error_inside_a_cut_layout_names_the_layout()
    {
        using var tmp = new TempDir();
        var theme = tmp.CopyFrom(Repo.Theme, "theme");
        File.WriteAllText(Path.Combine(theme, "templates", "layout.hbs"), "<main>\n{{{BodyHtml}}}\n</main>{{NoSuchThing}}");
        var options = new BuildOptions(Repo.Fixture("minimal"), "", SiteBuilder.DefaultDate, theme);
        var e = Assert.Throws<ThemeException>(() => BuildPipeline.BuildTo(options, new MemoryOutput()));
        Assert.Contains("layout.hbs", e.Message);
    }

    static IReadOnlyDictionary<string, byte[]> Pages(PublicArchive archive, Theme theme)
    {
        var output = new MemoryOutput();
        var renderer = new SiteRenderer(archive, theme);
        renderer.RenderPages(renderer.Pages(), output);
        return output.Files;
    }
}
