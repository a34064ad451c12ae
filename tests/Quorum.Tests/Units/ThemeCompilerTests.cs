using System.Text;
using CsCheck;
using Quorum.Tests.Support;
using Quorum.ThemeCompiler;

namespace Quorum.Tests.Units;

/// <summary>
/// The theme compiler's reading of Handlebars against Handlebars.Net's: which lines a block tag or comment takes away
/// with it (random templates of text, blocks and comments, rendered by both), and what it leaves to Handlebars.Net.
/// </summary>
public class ThemeCompilerTests
{
    static readonly HandlebarsDotNet.IHandlebars Handlebars = HandlebarsDotNet.Handlebars.Create();
    static readonly IReadOnlySet<string> Helpers = CSharpEmitter.HelperNames;

    // Random templates: text with spaces, tabs and line ends, and balanced if/else blocks over a true and a false value, and comments.
    static readonly Gen<string> Text = Pick("a", "b c", " ", "  ", "\t", "\n", "\r\n", " \n", "x\n", "\n\n");

    static Gen<string> Template(int depth) =>
        Gen.OneOf(
            Text,
            Pick("{{! note }}", "{{!-- note --}}"),
            depth == 0 ? Text : Gen.Select(Pick("T", "F"), Template(depth - 1), Gen.Bool, Template(depth - 1),
                Gen.Select(Pick("", " ", "\n", "  \n"), Pick("", " ", "\n", "\t\n")),
                (cond, body, hasElse, inverse, around) =>
                    $"{around.Item1}{{{{#if {cond}}}}}{around.Item2}{body}{(hasElse ? $"{around.Item1}{{{{else}}}}{around.Item2}{inverse}" : "")}{around.Item1}{{{{/if}}}}{around.Item2}"))
        .Array[1, 6].Select(parts => string.Concat(parts));

    static Gen<string> Pick(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    [Fact]
    public void Lines_left_out_beside_block_tags_and_comments_are_the_ones_Handlebars_leaves_out()
    {
        Template(2).Sample(template =>
        {
            var theirs = Handlebars.Compile(template)(new { T = true, F = false });
            Assert.Equal(theirs, Evaluate(HbsParser.Parse(template, Helpers)));
        }, iter: 2000);
    }

    static string Evaluate(IReadOnlyList<Node> nodes)
    {
        var o = new StringBuilder();
        foreach (var node in nodes)
            o.Append(node switch
            {
                Text t => t.Value,
                Block { Helper: "if", Argument: PathExpr p } b => Evaluate(p.Path == "T" ? b.Body : b.Inverse),
                _ => throw new InvalidOperationException(node.ToString()),
            });
        return o.ToString();
    }

    [Fact]
    public void Every_helper_Quorum_gives_Handlebars_has_a_compiled_form()
    {
        var (archive, diagnostics) = Quorum.Build.BuildPipeline.Prepare(Repo.Fixture("minimal"), SiteBuilder.DefaultDate, new Quorum.Build.PhaseTimings());
        Assert.True(archive is not null, string.Join("\n", diagnostics.Sorted()));
        var hb = HandlebarsDotNet.Handlebars.Create();
        var before = hb.Configuration.Helpers.Select(h => h.Key).ToHashSet();
        new Quorum.Render.ThemeHelpers(new Quorum.Public.SiteUrls(archive.Site.BasePath), archive.Site).Register(hb);
        var registered = hb.Configuration.Helpers.Select(h => h.Key).Where(k => !before.Contains(k)).Order(StringComparer.Ordinal);
        Assert.Equal(registered, Helpers.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{{~Title}}", "whitespace control")]
    [InlineData("{{#each Items as |item|}}{{/each}}", "block")]
    [InlineData("x{{> status Action}}", "partial call")]
    [InlineData("{{shout Title}}", "no helper")]
    [InlineData("{{urlFor Title x=1}}", "argument")]
    [InlineData("{{#if Title}}never closed", "not closed")]
    [InlineData("a\n  {{> status}}\nb", "alone on its line")]
    [InlineData("{{^if Title}}{{/if}}", "{{^")]
    public void What_it_does_not_take_is_left_to_Handlebars(string template, string reason)
    {
        var e = Assert.ThrowsAny<Exception>(() => HbsParser.Parse(template, Helpers));
        Assert.Equal("NotCompilableException", e.GetType().Name);
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData("{{Action.NoSuchThing}}", "PublicAction has no NoSuchThing (in Action.NoSuchThing)")]
    [InlineData("{{../Action}}", "the path ../Action")]
    [InlineData("{{#each Action}}{{/each}}", "#each over a PublicAction, not a list")]
    [InlineData("{{#with Action}}{{@index}}{{/with}}", "@index outside #each")]
    [InlineData("<p>{{> no-such-partial}}</p>", "the partial no-such-partial, which the theme does not have")]
    public void A_theme_it_cannot_compile_is_written_as_not_compiled_with_the_reason(string addition, string reason)
    {
        using var temp = new TempDir();
        var theme = temp.CopyFrom(Repo.Theme, "theme");
        File.AppendAllText(Path.Combine(theme, "templates", "action.hbs"), addition);
        var (source, notCompiled) = ThemeSource.Generate(theme);
        Assert.Equal(reason, notCompiled);
        Assert.Contains("public static readonly PrecompiledTheme? Theme = null;", source);
    }
}
