using Markdig.Renderers;
using Markdig.Syntax;
using Quorum.Load;
using Quorum.Public;

namespace Quorum.Render;

/// <summary>Turns public Markdown (already parsed and linked by the redactor) into HTML.</summary>
public static class MarkdownHtml
{
    static readonly Markdig.MarkdownPipeline Pipeline = MarkdownPipelines.Render(Markdown.CrossLinks.CrossLinkMatcher.Empty);

    public static string Block(PublicMarkdown? markdown)
    {
        if (markdown?.Document is not { } doc) return "";
        return Render(w => w.Render(doc));
    }

    /// <summary>One paragraph of inline Markdown (an action's text, an update's note) without its &lt;p&gt;.</summary>
    public static string Inline(PublicMarkdown? markdown)
    {
        if (markdown?.Document is not { } doc) return "";
        if (doc.Count == 1 && doc[0] is ParagraphBlock p)
            return Render(w => w.WriteLeafInline(p));
        return Render(w => w.Render(doc));
    }

    /// <summary>The content of a decision block, without the block's own wrapper (for the register).</summary>
    public static string Children(ContainerBlock block) => Render(w =>
    {
        foreach (var child in block) w.Render(child);
    });

    static string Render(Action<HtmlRenderer> write)
    {
        var sw = new StringWriter();
        var renderer = new HtmlRenderer(sw);
        Pipeline.Setup(renderer);
        write(renderer);
        renderer.Writer.Flush();
        return sw.ToString().Trim();
    }
}
