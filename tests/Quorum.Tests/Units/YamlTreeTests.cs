using Quorum.Tests.Support;
using Quorum.Diagnostics;
using Quorum.Load;
using YamlDotNet.RepresentationModel;
using Rm = YamlDotNet.RepresentationModel;

namespace Quorum.Tests.Units;

/// <summary>
/// The loaders read YAML as <see cref="YamlTree"/> builds it from YamlDotNet's parser events, in place of YamlDotNet's
/// representation model (YamlStream), which is the reference here: the same values, styles and positions for every
/// front matter of the demo and the fixtures, and the same errors for a key written twice and an unknown alias.
/// </summary>
public sealed class YamlTreeTests
{
    public static TheoryData<string> FrontMatters()
    {
        var data = new TheoryData<string>();
        foreach (var root in new[] { Repo.Input, Repo.Fixtures })
            foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                if (file.EndsWith(".md", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal))
                    data.Add(Path.GetRelativePath(Repo.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(FrontMatters))]
    public void Reads_every_front_matter_as_YamlDotNets_representation_model_does(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, file));
        var yaml = file.EndsWith(".yml", StringComparison.Ordinal) ? text : FrontMatterDocument.Split(text)?.Yaml;
        if (yaml is null) return; // no front matter: nothing to read
        Rm.YamlNode? expected;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            expected = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            // A fixture of bad YAML: both fail.
            Assert.ThrowsAny<Exception>(() => YamlTree.Load(yaml));
            return;
        }
        SameAsStream(expected, yaml);
    }

    [Theory]
    [InlineData("a: {b: 1, c: [x, 'y', \"z\"]}\n")]
    [InlineData("notes: |\n  line one\n  line two\nfolded: >\n  one\n  two\n")]
    [InlineData("tagged: !!str 10\nempty:\nnull: ~\nquoted: ''\n")]
    [InlineData("? [a, b]\n: c\n? {d: e}\n: f\n")]
    [InlineData("list:\n- &x one\n- *x\n- - nested\n  - more\n")]
    [InlineData("a: 1\n...\n")]
    [InlineData("a: 1\n--- \nb: 2\n")]
    [InlineData("# just a comment\n")]
    [InlineData("'quoted key': \"value: with colon\"\n\"k\": v\n")]
    public void Reads_unusual_YAML_as_YamlDotNets_representation_model_does(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        SameAsStream(stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, yaml);
    }

    /// <summary>YamlTree reads <paramref name="yaml"/> to what YamlStream read as its first root (none: null).</summary>
    static void SameAsStream(Rm.YamlNode? expected, string yaml)
    {
        var actual = YamlTree.Load(yaml);
        if (expected is null) Assert.Null(actual);
        else Same(expected, actual!);
    }

    static void Same(Rm.YamlNode expected, Quorum.Load.YamlNode actual)
    {
        Assert.Equal((expected.Start.Line, expected.Start.Column), (actual.Start.Line, actual.Start.Column));
        switch (expected)
        {
            case Rm.YamlScalarNode s:
                var scalar = Assert.IsType<Quorum.Load.YamlScalarNode>(actual);
                Assert.Equal(s.Value, scalar.Value);
                Assert.Equal(s.Style, scalar.Style);
                break;
            case Rm.YamlSequenceNode s:
                var sequence = Assert.IsType<Quorum.Load.YamlSequenceNode>(actual);
                Assert.Equal(s.Children.Count, sequence.Children.Count);
                for (int i = 0; i < s.Children.Count; i++) Same(s.Children[i], sequence.Children[i]);
                break;
            case Rm.YamlMappingNode m:
                var mapping = Assert.IsType<Quorum.Load.YamlMappingNode>(actual);
                Assert.Equal(m.Children.Count, mapping.Children.Count);
                foreach (var ((k, v), (ak, av)) in m.Children.Zip(mapping.Children))
                {
                    Same(k, ak);
                    Same(v, av);
                }
                break;
            default:
                Assert.Fail($"unexpected {expected.GetType().Name}");
                break;
        }
    }

    [Fact]
    public void Keeps_keys_in_the_order_written_with_their_positions()
    {
        var root = Assert.IsType<Quorum.Load.YamlMappingNode>(YamlTree.Load("body: cabinet\nattendance:\n  present:\n    - a\n    - b: Chair\nowners: [x, \"y\"]\n"));
        Assert.Equal(["body", "attendance", "owners"], root.Children.Select(c => ((Quorum.Load.YamlScalarNode)c.Key).Value));
        var present = (Quorum.Load.YamlSequenceNode)((Quorum.Load.YamlMappingNode)root.Children[1].Value).Children[0].Value;
        Assert.Equal((5L, 7L), (present.Children[1].Start.Line, present.Children[1].Start.Column));
        var owners = (Quorum.Load.YamlSequenceNode)root.Children[2].Value;
        Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, ((Quorum.Load.YamlScalarNode)owners.Children[1]).Style);
    }

    [Fact]
    public void An_alias_is_the_value_its_anchor_named()
    {
        var root = (Quorum.Load.YamlMappingNode)YamlTree.Load("venue: &hall Town Hall\nnext_meeting:\n  venue: *hall\n")!;
        var next = (Quorum.Load.YamlMappingNode)root.Children[1].Value;
        Assert.Equal("Town Hall", ((Quorum.Load.YamlScalarNode)next.Children[0].Value).Value);
    }

    [Theory]
    [InlineData("title: A\nvenue: Hall\nvenue: Other\n", "m.md:4:1: error Q001: Duplicate key venue", true)]
    // YamlDotNet said "The anchor 'hall' does not exists", at the document's start rather than at the alias.
    [InlineData("title: A\nvenue: *hall\n", "m.md:3:8: error Q001: Anchor 'hall' not found", false)]
    [InlineData("- a\n- b\n", "m.md:2:1: error Q001: expected a mapping of keys to values", true)]
    public void Bad_front_matter_is_an_error_where_it_was_written(string yaml, string error, bool asYamlDotNet)
    {
        var d = new DiagnosticBag();
        Assert.Null(YamlReader.Parse(yaml, "m.md", 2, d));
        Assert.Equal(error, Assert.Single(d.Sorted()).ToString());
        // YamlDotNet's representation model said so at the same place (a list is YAML it read, which Quorum refuses).
        try
        {
            new YamlStream().Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            if (!asYamlDotNet) return;
            Assert.EndsWith(": " + (e.InnerException ?? e).Message.Split("): ")[^1], error);
            Assert.StartsWith($"m.md:{e.Start.Line + 1}:{e.Start.Column}:", error);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void An_empty_front_matter_is_an_empty_mapping(string yaml)
    {
        var d = new DiagnosticBag();
        Assert.Empty(YamlReader.Parse(yaml, "m.md", 2, d)!.Children);
        Assert.Empty(d.Sorted());
    }
}
