using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Quorum.Markdown.Decisions;

/// <summary>Sets a decision apart, labelled in words rather than by colour alone, with an anchor the register links to.</summary>
public sealed class DecisionRenderer : HtmlObjectRenderer<DecisionBlock>
{
    protected override void Write(HtmlRenderer renderer, DecisionBlock block)
    {
        var anchor = block.GetData(DecisionExtension.AnchorKey) as string;
        renderer.EnsureLine();
        renderer.Write("<div class=\"decision\"");
        if (anchor is not null) renderer.Write(" id=\"").WriteEscape(anchor).Write('"');
        renderer.Write(">\n<p class=\"decision-label\"><strong>Decision</strong></p>\n");
        renderer.WriteChildren(block);
        renderer.EnsureLine();
        renderer.Write("</div>\n");
    }
}
