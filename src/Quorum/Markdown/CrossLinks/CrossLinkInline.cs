using Markdig.Syntax.Inlines;

namespace Quorum.Markdown.CrossLinks;

/// <summary>A member name or action id found in text, linked to its page.</summary>
public sealed class CrossLinkInline(CrossLinkTarget target, string text) : LeafInline
{
    public CrossLinkTarget Target { get; } = target;
    public string Text { get; } = text;
}
