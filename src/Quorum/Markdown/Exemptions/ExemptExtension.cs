using Markdig;
using Markdig.Renderers;
using Quorum.Markdown.Containers;

namespace Quorum.Markdown.Exemptions;

/// <summary><c>:::exempt &lt;ground&gt;</c> … <c>:::</c>: part of an item withheld under FOI; rendered only as its notice.</summary>
public sealed class ExemptExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<NamedContainerParser<ExemptBlock>>())
            pipeline.BlockParsers.Insert(0, new NamedContainerParser<ExemptBlock>("exempt", p => new ExemptBlock(p)));
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<ExemptRenderer>())
            html.ObjectRenderers.Insert(0, new ExemptRenderer());
    }
}
