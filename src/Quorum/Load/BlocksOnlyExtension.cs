using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Quorum.Load;

/// <summary>
/// Stops Markdig parsing inlines. The load phase needs only the blocks (items, decisions, exempt blocks); the public
/// text is parsed in full later, after redaction, so inline parsing here would be half the load phase for nothing.
/// </summary>
sealed class BlocksOnlyExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        foreach (var parser in pipeline.BlockParsers)
        {
            parser.Closed -= SkipInlines;
            parser.Closed += SkipInlines;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }

    static void SkipInlines(BlockProcessor processor, Block block)
    {
        if (block is LeafBlock leaf) leaf.ProcessInlines = false;
    }
}
