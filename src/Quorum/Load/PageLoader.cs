using Quorum.Diagnostics;

namespace Quorum.Load;

/// <summary>Reads <c>pages/&lt;slug&gt;.md</c>, a free page.</summary>
public static class PageLoader
{
    public static RawPage? Load(SourceFile file, DiagnosticBag diagnostics)
    {
        var slug = InputLoader.FileId(file, diagnostics, "page");
        if (InputLoader.FrontMatter(file, diagnostics) is not var (map, y, doc)) return null;
        y.KnownKeys(map, "a page", "title");
        var title = y.String(map, "title", true, map, "a page");
        var markdown = MarkdownStructure.Parse(doc.Body, doc.BodyFirstLine, file.DisplayPath, diagnostics).Markdown;
        return title is null ? null : new RawPage(slug, title.Value, markdown, SourceLocation.File(file.DisplayPath), file.InputPath);
    }
}
