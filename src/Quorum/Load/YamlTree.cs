using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Quorum.Load;

/// <summary>A YAML value as the loaders read it: a scalar, a list or a mapping, and where it starts.</summary>
public abstract class YamlNode(Mark start)
{
    public Mark Start { get; } = start;
}

public sealed class YamlScalarNode(string value, ScalarStyle style, Mark start) : YamlNode(start)
{
    public string Value { get; } = value;
    public ScalarStyle Style { get; } = style;
}

public sealed class YamlSequenceNode(List<YamlNode> children, Mark start) : YamlNode(start)
{
    public IReadOnlyList<YamlNode> Children { get; } = children;
}

/// <summary>A mapping's keys and values in the order written (the format's mappings have a dozen keys at most).</summary>
public sealed class YamlMappingNode(List<KeyValuePair<YamlNode, YamlNode>> children, Mark start) : YamlNode(start)
{
    public YamlMappingNode() : this([], Mark.Empty) { }

    public IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> Children { get; } = children;
}

/// <summary>
/// Builds <see cref="YamlNode"/>s from YamlDotNet's parser events, which carry each value's position. YamlDotNet's
/// own representation model (YamlStream) gave every node a tag, an anchor, a style and an ordered dictionary the
/// loaders never read: about 30% of the YAML's allocations and a seventh of its time (session 22).
/// </summary>
public static class YamlTree
{
    /// <summary>
    /// The first document's root, or null when the text holds no document. The later documents are read too, as
    /// YamlStream read them, so an error in one is still an error. Throws <see cref="YamlException"/> on bad YAML.
    /// </summary>
    public static YamlNode? Load(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        YamlNode? first = null;
        while (!parser.TryConsume<StreamEnd>(out _))
        {
            parser.Consume<DocumentStart>();
            var root = Node(parser, new Dictionary<string, YamlNode>(StringComparer.Ordinal)); // anchors are per document
            parser.Consume<DocumentEnd>();
            first ??= root;
        }
        return first;
    }

    static YamlNode Node(IParser parser, Dictionary<string, YamlNode> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
            return anchors.TryGetValue(alias.Value.Value, out var target) ? target
                : throw new YamlException(alias.Start, alias.End, $"Anchor '{alias.Value}' not found");
        YamlNode node;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            node = new YamlScalarNode(scalar.Value, scalar.Style, scalar.Start);
            anchor = scalar.Anchor;
        }
        else if (parser.TryConsume<SequenceStart>(out var sequence))
        {
            var children = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
                children.Add(Node(parser, anchors));
            node = new YamlSequenceNode(children, sequence.Start);
            anchor = sequence.Anchor;
        }
        else
        {
            var mapping = parser.Consume<MappingStart>();
            var children = new List<KeyValuePair<YamlNode, YamlNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = Node(parser, anchors);
                // As YamlDotNet's representation model: a key written twice is an error, not a silent override.
                if (key is YamlScalarNode k)
                    foreach (var (other, _) in children)
                        if (other is YamlScalarNode o && o.Value == k.Value)
                            throw new YamlException(key.Start, key.Start, $"Duplicate key {k.Value}");
                children.Add(new(key, Node(parser, anchors)));
            }
            node = new YamlMappingNode(children, mapping.Start);
            anchor = mapping.Anchor;
        }
        // An anchor names the node for the aliases after it (a later anchor of the same name replaces it, as in YAML).
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
        return node;
    }
}
