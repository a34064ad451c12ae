using Markdig.Extensions.CustomContainers;
using Markdig.Parsers;

namespace Quorum.Markdown.Containers;

/// <summary>A <c>:::name arguments</c> … <c>:::</c> block. Knows the source lines of its fences, which redaction cuts by.</summary>
public abstract class NamedContainer(BlockParser parser) : CustomContainer(parser)
{
    /// <summary>Everything after the name on the opening line, trimmed.</summary>
    public string OpeningArguments { get; set; } = "";

    /// <summary>0-based line of the closing fence in the parsed text; null when the block runs to the end unclosed.</summary>
    public int? ClosingLine { get; set; }
}
