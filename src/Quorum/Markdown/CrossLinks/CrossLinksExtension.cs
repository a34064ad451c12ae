using Markdig;
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
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Inline is null) continue;
            var literals = block.Inline.Descendants<LiteralInline>().Where(l => !InsideLink(l)).ToList();
            foreach (var literal in literals) Split(literal);
        }
    }

    static bool InsideLink(Inline inline)
    {
        for (var p = inline.Parent; p is not null; p = p.Parent)
            if (p is LinkInline) return true;
        return false;
    }

    void Split(LiteralInline literal)
    {
        if (matcher.Find(literal.Content.AsSpan()) is not { } matches) return;
        var text = literal.Content.ToString();
        var parts = new List<Inline>();
        var at = 0;
        foreach (var m in matches)
        {
            if (m.Start > at) parts.Add(new LiteralInline(text[at..m.Start]));
            parts.Add(new CrossLinkInline(m.Target, text.Substring(m.Start, m.Length)));
            at = m.Start + m.Length;
        }
        if (at < text.Length) parts.Add(new LiteralInline(text[at..]));
        Inline current = literal;
        foreach (var part in parts)
        {
            current.InsertAfter(part);
            current = part;
        }
        literal.Remove();
    }
}
