using Markdig.Renderers;
using Markdig.Syntax;
using Quorum.Load;

namespace Quorum.Public;

/// <summary>
/// Turns public Markdown (parsed and linked by the redactor) into HTML. The redactor calls it once per piece of
/// Markdown, so pages, registers and feeds that show the same text share one rendering.
/// </summary>
public static class MarkdownHtml
{
    static readonly Markdig.MarkdownPipeline Pipeline = MarkdownPipelines.Render(Markdown.CrossLinks.CrossLinkMatcher.Empty);

    // One renderer per thread: building an HtmlRenderer (its dozens of object renderers) costs more than most fragments.
    [ThreadStatic] static HtmlRenderer? t_renderer;

    public static string Block(MarkdownDocument document) => Render(document, static (w, d) => w.Render(d), PlainText.Trimmed);

    /// <summary>One paragraph of inline Markdown (an action's text, an update's note) without its &lt;p&gt;.</summary>
    public static string Inline(MarkdownDocument document) =>
        IsOneParagraph(document) ? Render(document, static (w, d) => w.WriteLeafInline((ParagraphBlock)d[0]), PlainText.Trimmed) : Block(document);

    /// <summary>As <see cref="Block"/>, as UTF-8, which is how the archive keeps it: no string is made on the way.</summary>
    internal static byte[] BlockUtf8(MarkdownDocument document) => Render(document, static (w, d) => w.Render(d), PlainText.TrimmedUtf8);

    /// <summary>As <see cref="Inline"/>, as UTF-8.</summary>
    internal static byte[] InlineUtf8(MarkdownDocument document) =>
        IsOneParagraph(document) ? Render(document, static (w, d) => w.WriteLeafInline((ParagraphBlock)d[0]), PlainText.TrimmedUtf8) : BlockUtf8(document);

    public static bool IsOneParagraph(MarkdownDocument document) => document.Count == 1 && document[0] is ParagraphBlock;

    /// <summary>The content of a decision block, without the block's own wrapper (for the register).</summary>
    public static string Children(ContainerBlock block) => Render(block, static (w, b) =>
    {
        foreach (var child in b) w.Render(child);
    }, PlainText.Trimmed);

    // The markup's source is passed in, not captured, so no closure is made for each of the archive's pieces.
    static T Render<TSource, T>(TSource source, Action<HtmlRenderer, TSource> write, Func<System.Text.StringBuilder, T> take)
    {
        var renderer = t_renderer ?? Create();
        t_renderer = null; // a renderer left mid-write by an exception is never reused
        var buffer = ((StringWriter)renderer.Writer).GetStringBuilder();
        buffer.Clear();
        write(renderer, source);
        renderer.Writer.Flush();
        var html = take(buffer);
        if (buffer.Capacity <= 1 << 20) t_renderer = renderer; // keep a small buffer, not the largest ever seen
        return html;
    }

    static HtmlRenderer Create()
    {
        var renderer = new HtmlRenderer(new StringWriter());
        Pipeline.Setup(renderer);
        return renderer;
    }
}
