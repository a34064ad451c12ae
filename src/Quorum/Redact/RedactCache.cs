namespace Quorum.Redact;

/// <summary>
/// What <c>quorum serve</c> keeps from one redact to the next so that a rebuild after a save redoes only the changed
/// text: the public text of each range of Markdown, and the rendering of each piece of public Markdown. Whatever is
/// reused is exactly what the redactor would make again from the same input and build date. A full build uses none.
/// </summary>
public sealed class RedactCache
{
    public PublicTextCache Texts { get; } = new();
    public MarkdownRenderingCache Renderings { get; } = new();
}
