using System.Buffers;
using System.Text;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Quorum.Markdown.CrossLinks;
using Quorum.Markdown.Exemptions;

namespace Quorum.Public;

/// <summary>
/// Plain text of public Markdown, for the search index, feed summaries, calendar entries and data files. It walks the document the
/// redactor parsed, so an exempt block reads as its notice (its children are never visited), a cross-link as its
/// words, and raw HTML as the characters written.
/// </summary>
public static class PlainText
{
    public static string Of(PublicMarkdown? markdown) => markdown?.Plain ?? "";

    /// <summary>Paragraphs separated by a blank line; list items start with "- ".</summary>
    public static string Of(ContainerBlock container) => string.Join("\n\n", Paragraphs(container));

    /// <summary>
    /// As <see cref="Of(ContainerBlock)"/>, as UTF-8 (how the archive keeps it). A top-level paragraph (most of the
    /// text) is encoded straight from its builder; other blocks are made into paragraphs as <see cref="Of(ContainerBlock)"/>
    /// makes them, then encoded.
    /// </summary>
    internal static byte[] Utf8Of(ContainerBlock container)
    {
        var output = TakeBuffer();
        var paragraphs = new List<string>();
        bool first = true;
        foreach (var child in container)
        {
            if (child is LeafBlock { Inline: { } inline } and not (LinkReferenceDefinition or ThematicBreakBlock))
            {
                var sb = LeafText(inline);
                var (start, end) = TrimBounds(sb);
                if (start < end)
                {
                    Separate(output, ref first);
                    AppendUtf8(output, sb, start, end);
                }
                DoneWith(sb);
                continue;
            }
            paragraphs.Clear();
            Block(child, paragraphs, "");
            foreach (var paragraph in paragraphs)
            {
                if (paragraph.Length == 0) continue;
                Separate(output, ref first);
                Utf8.GetBytes(paragraph, output);
            }
        }
        return Finish(output);

        static void Separate(ArrayBufferWriter<byte> output, ref bool first)
        {
            if (!first) output.Write("\n\n"u8);
            first = false;
        }
    }

    static List<string> Paragraphs(ContainerBlock container)
    {
        var paragraphs = new List<string>();
        Children(container, paragraphs, "");
        paragraphs.RemoveAll(p => p.Length == 0);
        return paragraphs;
    }

    /// <summary>All whitespace runs made single spaces, cut at a word boundary to at most <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Excerpt(string text, int max = 200)
    {
        // Only the start can show: flattening the whole of an item's text to keep 200 characters of it was a fifth
        // of what the search files allocated. One character past max says whether the text must be cut. Flattened
        // into a buffer on the stack, so only the excerpt itself is a new string (a builder, its string, the cut and
        // the ellipsis added were 70 MB at 1,000 meetings).
        Span<char> buffer = max <= 1024 ? stackalloc char[max + 2] : new char[max + 2];
        var flat = buffer[..OneLine(text, max + 1, buffer)];
        if (flat.Length <= max) return new string(flat);
        // Room for the ellipsis; never cut inside a word unless the first words leave too little.
        var cut = flat[..max].LastIndexOf(' ');
        if (cut < max / 2) cut = max - 1;
        if (char.IsHighSurrogate(flat[cut - 1])) cut--;
        return string.Concat(flat[..cut].TrimEnd(" ,;:.-–—"), "…");
    }

    public static string OneLine(string text)
    {
        // The result is never longer than the text: flattened into a pooled buffer, copied out once.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        var flat = new string(buffer, 0, OneLine(text, int.MaxValue, buffer));
        ArrayPool<char>.Shared.Return(buffer);
        return flat;
    }

    /// <summary>
    /// As <see cref="OneLine(string)"/> into <paramref name="destination"/>, stopping once it has <paramref name="limit"/>
    /// characters or one more (a space is only ever written with the character after it); returns the count written.
    /// The destination holds the text's length or <paramref name="limit"/> + 1 characters, whichever is less.
    /// </summary>
    static int OneLine(ReadOnlySpan<char> rest, int limit, Span<char> destination)
    {
        // Word by word, each found by a vectorised search for whitespace, rather than a character at a time: the data
        // files and feeds flatten every action's text and notes whole.
        int length = 0;
        while (length < limit)
        {
            int start = rest.IndexOfAnyExcept(Whitespace);
            if (start < 0) break;
            rest = rest[start..];
            int end = rest.IndexOfAny(Whitespace);
            var word = end < 0 ? rest : rest[..end];
            // A word's first character always comes (with the space before it); the rest only up to the limit.
            if (length > 0) destination[length++] = ' ';
            destination[length++] = word[0];
            int take = Math.Min(word.Length - 1, Math.Max(0, limit - length));
            word.Slice(1, take).CopyTo(destination[length..]);
            length += take;
            rest = rest[word.Length..];
        }
        return length;
    }

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> holds to be whitespace.</summary>
    static readonly SearchValues<char> Whitespace =
        SearchValues.Create(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    [ThreadStatic] static StringBuilder? t_leaf;

    /// <summary>The builder's text as <see cref="string.Trim()"/> would give it, copied once.</summary>
    internal static string Trimmed(StringBuilder sb)
    {
        var (start, end) = TrimBounds(sb);
        return sb.ToString(start, end - start);
    }

    /// <summary>As <see cref="Trimmed"/>, as UTF-8, encoded straight from the builder's chunks (no string between).</summary>
    internal static byte[] TrimmedUtf8(StringBuilder sb)
    {
        var output = TakeBuffer();
        var (start, end) = TrimBounds(sb);
        AppendUtf8(output, sb, start, end);
        return Finish(output);
    }

    /// <summary>
    /// Appends the builder's characters from <paramref name="start"/> to <paramref name="end"/> as UTF-8, chunk by chunk:
    /// one encoder carries a surrogate pair split between two chunks (counting bytes chunk by chunk would not).
    /// </summary>
    static void AppendUtf8(ArrayBufferWriter<byte> output, StringBuilder sb, int start, int end)
    {
        // This thread's encoder, and the chunks walked here rather than by an iterator: a paragraph at a time, an
        // encoder and an enumerator each were 30 MB of garbage at 1,000 meetings.
        var encoder = t_encoder ??= Utf8.GetEncoder();
        encoder.Reset();
        int offset = 0;
        foreach (var chunk in sb.GetChunks())
        {
            int from = Math.Max(start, offset), to = Math.Min(end, offset + chunk.Length);
            if (from < to)
            {
                var slice = chunk.Span[(from - offset)..(to - offset)];
                var span = output.GetSpan(3 * slice.Length + 4);
                output.Advance(encoder.GetBytes(slice, span, flush: false));
            }
            offset += chunk.Length;
            if (offset >= end) break;
        }
        output.Advance(encoder.GetBytes([], output.GetSpan(4), flush: true));
    }

    [ThreadStatic] static Encoder? t_encoder;

    // This thread's UTF-8 buffer, reused from one piece of text to the next (each result is copied out at its size).
    [ThreadStatic] static ArrayBufferWriter<byte>? t_utf8;

    static ArrayBufferWriter<byte> TakeBuffer()
    {
        var output = t_utf8 ?? new ArrayBufferWriter<byte>(1 << 16);
        t_utf8 = null; // taken while in use
        output.ResetWrittenCount();
        return output;
    }

    static byte[] Finish(ArrayBufferWriter<byte> output)
    {
        var bytes = output.WrittenSpan.ToArray();
        if (output.Capacity <= 1 << 20) t_utf8 = output; // keep a small one, not the largest text seen
        return bytes;
    }

    static readonly UTF8Encoding Utf8 = new(false);

    static (int Start, int End) TrimBounds(StringBuilder sb)
    {
        int start = 0, end = sb.Length;
        while (start < end && char.IsWhiteSpace(sb[start])) start++;
        while (end > start && char.IsWhiteSpace(sb[end - 1])) end--;
        return (start, end);
    }

    static void Children(ContainerBlock container, List<string> paragraphs, string prefix)
    {
        foreach (var child in container) Block(child, paragraphs, prefix);
    }

    static void Block(Block block, List<string> paragraphs, string prefix)
    {
        switch (block)
        {
            case ExemptBlock exempt:
                // Never the children: only the public notice.
                paragraphs.Add(prefix + ExemptionNotice.Text(exempt.Ground, ExemptBlock.ParseDate(exempt.UntilText)));
                break;
            case LinkReferenceDefinitionGroup or LinkReferenceDefinition or ThematicBreakBlock:
                break;
            case TableRow row:
                paragraphs.Add(prefix + string.Join(" | ", row.OfType<TableCell>().Select(c => OneLine(Of(c)))));
                break;
            case ListItemBlock item:
            {
                var inner = new List<string>();
                Children(item, inner, "");
                for (var i = 0; i < inner.Count; i++)
                    paragraphs.Add(prefix + (i == 0 ? "- " : "  ") + inner[i]);
                break;
            }
            case Footnote footnote:
            {
                var inner = new List<string>();
                Children(footnote, inner, "");
                if (inner.Count > 0) paragraphs.Add($"{prefix}[{footnote.Order}] {string.Join(" ", inner)}");
                break;
            }
            case ContainerBlock container:
                Children(container, paragraphs, prefix);
                break;
            case LeafBlock { Inline: { } inline }:
            {
                var sb = LeafText(inline);
                paragraphs.Add(prefix + Trimmed(sb));
                DoneWith(sb);
                break;
            }
            case LeafBlock leaf:
                paragraphs.Add(prefix + leaf.Lines.ToString().TrimEnd());
                break;
        }
    }

    /// <summary>A leaf's inlines as text, in this thread's builder: a leaf's inlines never reach another leaf, so it is never in use twice.</summary>
    static StringBuilder LeafText(ContainerInline inline)
    {
        var sb = t_leaf ??= new StringBuilder();
        sb.Clear();
        Inline(inline, sb);
        return sb;
    }

    static void DoneWith(StringBuilder sb)
    {
        if (sb.Capacity > 1 << 16) t_leaf = null; // keep a small one, not the largest paragraph seen
    }

    static void Inline(Inline inline, StringBuilder sb)
    {
        switch (inline)
        {
            case CrossLinkInline link: sb.Append(link.Text); break;
            case LiteralInline literal: sb.Append(literal.Content.AsSpan()); break;
            case CodeInline code: sb.Append(code.Content); break;
            case LineBreakInline br: sb.Append(br.IsHard ? '\n' : ' '); break;
            case AutolinkInline auto: sb.Append(auto.Url); break;
            case HtmlEntityInline entity: sb.Append(entity.Transcoded.AsSpan()); break;
            case HtmlInline html: sb.Append(html.Tag); break;
            case FootnoteLink { IsBackLink: false } note: sb.Append('[').Append(note.Index + 1).Append(']'); break;
            case FootnoteLink: break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling) Inline(child, sb);
                break;
        }
    }
}
