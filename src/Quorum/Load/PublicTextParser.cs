using Markdig;
using Quorum.Markdown.CrossLinks;

namespace Quorum.Load;

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
