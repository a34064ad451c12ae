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

/// <summary>
/// Parses public text with <see cref="MarkdownPipelines.Render"/>, or with the same pipeline less its bare-URL links
/// when the text cannot hold one. Markdig's autolink parser stops at every h, f, m and w to try (a sixth of all
/// letters); it can only match "http://", "https://", "ftp://", "mailto:" or "www.", in any case, so a text with no
/// "://", "mailto:" or "www." parses to the same tree without it, and most minutes hold no URL.
/// </summary>
public sealed class PublicTextParser(CrossLinkMatcher links)
{
    readonly MarkdownPipeline _withAutoLinks = MarkdownPipelines.Render(links);
    readonly MarkdownPipeline _withoutAutoLinks = MarkdownPipelines.RenderWithoutAutoLinks(links);

    public Markdig.Syntax.MarkdownDocument Parse(string text) =>
        Markdig.Markdown.Parse(text, MayHoldAutoLink(text) ? _withAutoLinks : _withoutAutoLinks);

    internal static bool MayHoldAutoLink(string text) => text.AsSpan().ContainsAny(AutoLinkMarks);

    // One vectorised search for all three, in any case: string.Contains ignoring case searches a character at a time
    // where globalization is invariant (as the standalone build is), which cost more than the parse it saved.
    static readonly System.Buffers.SearchValues<string> AutoLinkMarks =
        System.Buffers.SearchValues.Create(["://", "www.", "mailto:"], StringComparison.OrdinalIgnoreCase);
}
