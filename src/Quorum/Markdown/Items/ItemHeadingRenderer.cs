using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Quorum.Markdown.Items;

/// <summary>Renders an item heading with its permanent anchor, without the <c>{…}</c> attributes.</summary>
public sealed class ItemHeadingRenderer : HtmlObjectRenderer<HeadingBlock>
{
    readonly HeadingRenderer _plain = new();

    protected override void Write(HtmlRenderer renderer, HeadingBlock block)
    {
        if (block.GetData(ItemsExtension.Key) is not ItemHeading item)
        {
            _plain.Write(renderer, block);
            return;
        }
        renderer.EnsureLine();
        renderer.Write($"<h{item.Level} id=\"").WriteEscape(item.Anchor).Write("\"><span class=\"item-number\">")
            .WriteEscape(item.Number).Write(".</span> ").WriteEscape(item.Title).Write($"</h{item.Level}>\n");
    }
}
