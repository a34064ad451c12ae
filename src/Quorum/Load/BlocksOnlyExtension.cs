using System.Runtime.CompilerServices;
using Markdig;
using Markdig.Helpers;
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
        if (block is not LeafBlock leaf) return;
        leaf.ProcessInlines = false;
        // Its lines go back to Markdig's pool, as parsing its inlines would have returned them: kept, every paragraph
        // took a new array from the pool (46 MB at 1,000 meetings). Nothing here reads a leaf's lines after it closes.
        if (!s_canRelease) return;
        var lines = leaf.Lines;
        try
        {
            ReleaseLines(ref lines);
        }
        catch (MissingMethodException)
        {
            s_canRelease = false; // a later Markdig without it: the lines are left to the collector, as before
            return;
        }
        leaf.Lines = lines;
    }

    static bool s_canRelease = true;

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "Release")]
    static extern void ReleaseLines(ref StringLineGroup lines);
}
