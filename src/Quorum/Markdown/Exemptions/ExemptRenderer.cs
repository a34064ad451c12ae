using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Quorum.Markdown.Exemptions;

/// <summary>
/// Renders the public notice in place of an exempt block. It never writes the block's children: redaction has
/// already removed them, and this is the second lock on the same door.
/// </summary>
public sealed class ExemptRenderer : HtmlObjectRenderer<ExemptBlock>
{
    protected override void Write(HtmlRenderer renderer, ExemptBlock block)
    {
        renderer.EnsureLine();
        renderer.Write("<div class=\"withheld\">\n<p>");
        renderer.WriteEscape(ExemptionNotice.Text(block.Ground, ExemptBlock.ParseDate(block.UntilText)));
        renderer.Write("</p>\n</div>\n");
    }
}
