using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Quorum.Markdown.CrossLinks;

/// <summary>
/// Turns member names, aliases and action ids written in plain text into links. Runs after inline parsing,
/// so text inside code spans, links and autolinks (which are not literal text) is never touched.
/// </summary>
public sealed class CrossLinksExtension(CrossLinkMatcher matcher) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed -= Link;
        pipeline.DocumentProcessed += Link;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<CrossLinkRenderer>())
            html.ObjectRenderers.Insert(0, new CrossLinkRenderer());
    }

    void Link(MarkdownDocument document)
    {
        // Found first, changed after: splitting a literal changes the tree being walked. Most text names nobody,
        // so most blocks find nothing and allocate nothing.
        List<(LiteralInline Literal, List<CrossLinkMatcher.Match> Matches)>? found = null;
        FindIn(document, ref found);
        if (found is null) return;
        var links = new List<CrossLinkInline>();
        foreach (var (literal, matches) in found) Split(literal, matches, links);
        document.SetData(LinksKey, links);
    }

    // The tree walked in the order of the text by hand: Markdig's Descendants and FindDescendants allocate an
    // enumerator (and a stack) for every block, 20 MB at 1,000 meetings.
    void FindIn(ContainerBlock container, ref List<(LiteralInline, List<CrossLinkMatcher.Match>)>? found)
    {
        foreach (var block in container)
        {
            if (block is ContainerBlock inner) FindIn(inner, ref found);
            else if (block is LeafBlock { Inline: { } inline }) FindIn(inline, ref found);
        }
    }

    void FindIn(ContainerInline container, ref List<(LiteralInline, List<CrossLinkMatcher.Match>)>? found)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is LiteralInline literal)
            {
                if (!InsideLink(literal) && matcher.Find(literal.Content.AsSpan()) is { } matches) (found ??= []).Add((literal, matches));
            }
            else if (inline is ContainerInline inner) FindIn(inner, ref found);
        }
    }

    static readonly object LinksKey = new();

    /// <summary>The links made in a document this extension processed, in the order of the text (none: empty).</summary>
    public static IReadOnlyList<CrossLinkInline> LinksIn(MarkdownDocument document) =>
        document.GetData(LinksKey) as List<CrossLinkInline> ?? [];

    static bool InsideLink(Inline inline)
    {
        for (var p = inline.Parent; p is not null; p = p.Parent)
            if (p is LinkInline) return true;
        return false;
    }

    /// <summary>Replaces a literal by its text around the matches (slices of the same source, not copies) and the links.</summary>
    static void Split(LiteralInline literal, List<CrossLinkMatcher.Match> matches, List<CrossLinkInline> links)
    {
        var content = literal.Content;
        Inline current = literal;
        var at = 0;
        foreach (var m in matches)
        {
            if (m.Start > at) current = After(current, new LiteralInline(Slice(content, at, m.Start)));
            var link = new CrossLinkInline(m.Target, content.Text.Substring(content.Start + m.Start, m.Length));
            links.Add(link);
            current = After(current, link);
            at = m.Start + m.Length;
        }
        if (at < content.Length) After(current, new LiteralInline(Slice(content, at, content.Length)));
        literal.Remove();
    }

    static Inline After(Inline current, Inline next)
    {
        current.InsertAfter(next);
        return next;
    }

    // Characters [from, to) of the literal's text.
    static StringSlice Slice(StringSlice content, int from, int to) => new(content.Text, content.Start + from, content.Start + to - 1);
}
