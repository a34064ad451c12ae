using Markdig;
using Markdig.Renderers;
using Quorum.Markdown.Containers;

namespace Quorum.Markdown.Decisions;

/// <summary><c>:::decision</c> … <c>:::</c>: records a decision of the item it stands in.</summary>
public sealed class DecisionExtension : IMarkdownExtension
{
    /// <summary>Data key for the anchor (<c>decision-3-1</c>) the renderer gives the block.</summary>
    public static readonly object AnchorKey = new();

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<NamedContainerParser<DecisionBlock>>())
            pipeline.BlockParsers.Insert(0, new NamedContainerParser<DecisionBlock>("decision", p => new DecisionBlock(p)));
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<DecisionRenderer>())
            html.ObjectRenderers.Insert(0, new DecisionRenderer());
    }
}
