using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Quorum.Markdown.Items;

/// <summary>Recognises agenda item headings (<c>## 1. Title</c>, <c>### 1.1 Title</c>) and attaches their number, title and attributes.</summary>
public sealed class ItemsExtension : IMarkdownExtension
{
    public static readonly object Key = typeof(ItemHeading);

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        var headings = pipeline.BlockParsers.FindExact<HeadingBlockParser>();
        if (headings is not null)
        {
            headings.Closed -= OnHeadingClosed;
            headings.Closed += OnHeadingClosed;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
            html.ObjectRenderers.ReplaceOrAdd<HeadingRenderer>(new ItemHeadingRenderer());
    }

    static void OnHeadingClosed(BlockProcessor processor, Block block)
    {
        // Only headings at the top of the document are items: one inside a quote or list is just text.
        if (block is HeadingBlock heading && heading.Parent is MarkdownDocument &&
            ItemHeading.TryParse(heading.Level, heading.Lines.ToString()) is { } item)
            heading.SetData(Key, item);
    }
}
