using Markdig;
using Quorum.Markdown.CrossLinks;
using Quorum.Markdown.Decisions;
using Quorum.Markdown.Exemptions;
using Quorum.Markdown.Items;

namespace Quorum.Load;

/// <summary>
/// The Markdown dialect of FORMAT.md: CommonMark with tables, autolinks and footnotes; raw HTML shown as text;
/// plus Quorum's own syntax, one extension each.
/// </summary>
public static class MarkdownPipelines
{
    /// <summary>For finding structure (items, decisions, exempt blocks) in what editors wrote.</summary>
    public static readonly MarkdownPipeline Structure = BlocksOnly(Builder());

    /// <summary>For rendering public text, with names and action ids linked.</summary>
    public static MarkdownPipeline Render(CrossLinkMatcher links) => Builder().Use(new CrossLinksExtension(links)).Build();

    /// <summary>As <see cref="Render"/>, without bare URLs made links: for text that holds none (<see cref="PublicTextParser"/>).</summary>
    internal static MarkdownPipeline RenderWithoutAutoLinks(CrossLinkMatcher links) => Builder(autoLinks: false).Use(new CrossLinksExtension(links)).Build();

    static MarkdownPipeline BlocksOnly(MarkdownPipelineBuilder builder)
    {
        builder.Extensions.Add(new BlocksOnlyExtension()); // last, so it sees every block parser the others added
        return builder.Build();
    }

    static MarkdownPipelineBuilder Builder(bool autoLinks = true)
    {
        var b = new MarkdownPipelineBuilder().UsePipeTables();
        if (autoLinks) b.UseAutoLinks();
        b.UseFootnotes().DisableHtml();
        b.Extensions.AddIfNotAlready<ItemsExtension>();
        b.Extensions.AddIfNotAlready<DecisionExtension>();
        b.Extensions.AddIfNotAlready<ExemptExtension>();
        return b;
    }
}
