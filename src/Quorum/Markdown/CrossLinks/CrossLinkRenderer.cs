using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Quorum.Markdown.CrossLinks;

public sealed class CrossLinkRenderer : HtmlObjectRenderer<CrossLinkInline>
{
    protected override void Write(HtmlRenderer renderer, CrossLinkInline link)
    {
        if (!renderer.EnableHtmlForInline)
        {
            renderer.WriteEscape(link.Text);
            return;
        }
        var css = link.Target.Kind == CrossLinkKind.Member ? "member-link" : "action-link";
        renderer.Write("<a class=\"").Write(css).Write("\" href=\"").WriteEscapeUrl(link.Target.Url).Write("\">")
            .WriteEscape(link.Text).Write("</a>");
    }
}
