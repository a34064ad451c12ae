using System.Text;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Quorum.Markdown.CrossLinks;
using Quorum.Markdown.Exemptions;
using Quorum.Public;

namespace Quorum.Search;

/// <summary>
/// The words of public Markdown, for the search index and its excerpts. It walks the document the redactor parsed,
/// so an exempt block reads as its public notice (its children are never visited), a cross-link as the words
/// written, and raw HTML as the characters written. Blocks are separated by a line break.
/// </summary>
public static class SearchText
{
    public static string Of(PublicMarkdown? markdown) => markdown?.Document is { } doc ? Of(doc) : "";

    public static string Of(ContainerBlock container)
    {
        var lines = new List<string>();
        Children(container, lines);
        return string.Join("\n", lines.Where(l => l.Length > 0));
    }

    /// <summary>
    /// The text on one line (every run of white space one space), cut at a word boundary to at most
    /// <paramref name="max"/> characters and ended with "…" when cut.
    /// </summary>
    public static string Excerpt(string text, int max = 200)
    {
        var flat = OneLine(text);
        if (flat.Length <= max) return flat;
        // Room for the ellipsis; never cut inside a word unless the first word alone is too long.
        var cut = flat.LastIndexOf(' ', max - 1);
        if (cut <= 0) cut = max - 1;
        if (char.IsHighSurrogate(flat[cut - 1])) cut--;
        return flat[..cut].TrimEnd(' ', ',', ';', ':', '.', '-', '–', '—') + "…";
    }

    public static string OneLine(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    static void Children(ContainerBlock container, List<string> lines)
    {
        foreach (var child in container) Block(child, lines);
    }

    static void Block(Block block, List<string> lines)
    {
        switch (block)
        {
            case ExemptBlock exempt:
                // Never the children: only the public notice.
                lines.Add(ExemptionNotice.Text(exempt.Ground, ExemptBlock.ParseDate(exempt.UntilText)));
                break;
            case LinkReferenceDefinitionGroup or LinkReferenceDefinition or ThematicBreakBlock:
                break;
            case TableRow row:
                lines.Add(string.Join(" ", row.OfType<TableCell>().Select(c => OneLine(Of(c)))));
                break;
            case Footnote footnote:
                var inner = new List<string>();
                Children(footnote, inner);
                lines.Add(string.Join(" ", inner));
                break;
            case ContainerBlock container:
                Children(container, lines);
                break;
            case LeafBlock { Inline: { } inline }:
                var sb = new StringBuilder();
                Inline(inline, sb);
                lines.Add(sb.ToString().Trim());
                break;
            case LeafBlock leaf:
                lines.Add(leaf.Lines.ToString().TrimEnd());
                break;
        }
    }

    static void Inline(Inline inline, StringBuilder sb)
    {
        switch (inline)
        {
            case CrossLinkInline link: sb.Append(link.Text); break;
            case LiteralInline literal: sb.Append(literal.Content.ToString()); break;
            case CodeInline code: sb.Append(code.Content); break;
            case LineBreakInline: sb.Append(' '); break;
            case AutolinkInline auto: sb.Append(auto.Url); break;
            case HtmlEntityInline entity: sb.Append(entity.Transcoded.ToString()); break;
            case HtmlInline html: sb.Append(html.Tag); break;
            case FootnoteLink: break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling) Inline(child, sb);
                break;
        }
    }
}
