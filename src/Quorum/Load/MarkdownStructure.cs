using Markdig.Syntax;
using Quorum.Diagnostics;
using Quorum.Markdown.Containers;
using Quorum.Markdown.Exemptions;
using Quorum.Markdown.Items;

namespace Quorum.Load;

/// <summary>Finds the agenda items and exempt blocks of a Markdown body (FORMAT.md, "Agenda items").</summary>
public static class MarkdownStructure
{
    public sealed record Result(RawMarkdown Markdown, RawRange Preamble, IReadOnlyList<RawItem> Items);

    static readonly string[] ContainerNames = ["decision", "exempt"];

    public static Result Parse(string body, int firstLine, string path, DiagnosticBag diagnostics)
    {
        var lineStarts = RawMarkdown.LineStarts(body);
        var lineCount = lineStarts.Length - 1;
        var document = Markdig.Markdown.Parse(body, MarkdownPipelines.Structure);
        SourceLocation At(Block b) => new(path, firstLine + b.Line, b.Column + 1);

        var exempt = new List<RawExemptBlock>();
        foreach (var block in document.Descendants<ExemptBlock>())
        {
            if (block.ClosingLine is null)
                diagnostics.Warning(DiagnosticCodes.UnclosedBlock, At(block),
                    "this ':::exempt' block is never closed with ':::', so everything after it is withheld");
            if (ReadExemption(block.Ground, block.UntilText, At(block), path, diagnostics, "':::exempt'") is { } e)
                exempt.Add(new RawExemptBlock(block.Line, block.ClosingLine, e));
        }
        foreach (var block in document.Descendants<NamedContainer>())
            if (block is not ExemptBlock && block.ClosingLine is null)
                diagnostics.Warning(DiagnosticCodes.UnclosedBlock, At(block), "this ':::' block is never closed with ':::'");
        ReportUnknownContainers(document, body, At, diagnostics);

        var headings = new List<(HeadingBlock Block, ItemHeading Item)>();
        foreach (var block in document)
            if (block is HeadingBlock h && h.GetData(ItemsExtension.Key) is ItemHeading item)
                headings.Add((h, item));

        var items = new List<RawItem>();
        var preambleEnd = headings.Count > 0 ? headings[0].Block.Line : lineCount;
        for (var i = 0; i < headings.Count; i++)
        {
            var (block, item) = headings[i];
            if (item.Level == 3)
            {
                diagnostics.Error(DiagnosticCodes.SubItemOutsideItem, At(block),
                    $"sub-item {item.Number} comes before any item ('## <number>. <title>')");
                continue;
            }
            var end = NextHeading(headings, i, 2, lineCount);
            var subs = new List<RawItem>();
            var j = i + 1;
            for (; j < headings.Count && headings[j].Block.Line < end; j++)
            {
                var (sb, si) = headings[j];
                subs.Add(new RawItem(si.Number, si.Title, 3, At(sb), ItemExemption(si, At(sb), path, diagnostics),
                    new RawRange(sb.Line + 1, NextHeading(headings, j, 3, lineCount)), []));
            }
            var ownEnd = subs.Count > 0 ? headings[i + 1].Block.Line : end;
            items.Add(new RawItem(item.Number, item.Title, 2, At(block), ItemExemption(item, At(block), path, diagnostics),
                new RawRange(block.Line + 1, ownEnd), subs));
            i = j - 1; // its sub-items are taken
        }
        return new Result(new RawMarkdown(body, lineStarts, firstLine, exempt), new RawRange(0, preambleEnd), items);
    }

    /// <summary>The line of the next heading at this level or higher (a smaller number), or the end.</summary>
    static int NextHeading(List<(HeadingBlock Block, ItemHeading Item)> headings, int from, int level, int end)
    {
        for (var k = from + 1; k < headings.Count; k++)
            if (headings[k].Item.Level <= level) return headings[k].Block.Line;
        return end;
    }

    static RawExemption? ItemExemption(ItemHeading item, SourceLocation at, string path, DiagnosticBag diagnostics)
    {
        foreach (var key in item.Attributes.Keys)
            if (key is not ("exempt" or "until"))
                diagnostics.Error(DiagnosticCodes.UnknownKey, at,
                    $"unknown attribute '{key}' on item {item.Number}{Suggestions.DidYouMean(key, ["exempt", "until"])}");
        item.Attributes.TryGetValue("exempt", out var ground);
        item.Attributes.TryGetValue("until", out var until);
        if (ground is null)
        {
            if (until is not null)
                diagnostics.Error(DiagnosticCodes.MissingKey, at, $"item {item.Number} has 'until' but no 'exempt' ground");
            return null;
        }
        return ReadExemption(ground, until, at, path, diagnostics, $"item {item.Number}");
    }

    internal static RawExemption? ReadExemption(string ground, string? until, SourceLocation at, string path, DiagnosticBag diagnostics, string what)
    {
        DateOnly? date = null;
        if (until is not null)
        {
            date = ExemptBlock.ParseDate(until);
            if (date is null)
            {
                // Withhold anyway: a mistyped date must never publish early.
                diagnostics.Error(DiagnosticCodes.InvalidValue, at, $"the 'until' date of {what} must be written YYYY-MM-DD, not '{until}'");
            }
        }
        if (string.IsNullOrWhiteSpace(ground))
        {
            diagnostics.Error(DiagnosticCodes.MissingKey, at, $"{what} needs a ground for the exemption (e.g. \"FOIA s.43 — commercial interests\")");
            ground = "exempt";
        }
        return new RawExemption(ground.Trim(), date, at);
    }

    /// <summary>A mistyped <c>:::exmept</c> would otherwise publish what it was meant to withhold, so it is an error.</summary>
    static void ReportUnknownContainers(MarkdownDocument document, string body, Func<Block, SourceLocation> at, DiagnosticBag diagnostics)
    {
        foreach (var p in document.Descendants<ParagraphBlock>())
        {
            // Markdig releases a paragraph's lines once its inlines are parsed, so read the source span (most
            // paragraphs have no ':::' at all: those are passed over without copying).
            var length = Math.Min(p.Span.Length, body.Length - p.Span.Start);
            if (body.AsSpan(p.Span.Start, length).IndexOf(":::", StringComparison.Ordinal) < 0) continue;
            var text = body.Substring(p.Span.Start, length).Split('\n');
            for (var i = 0; i < text.Length; i++)
            {
                var line = text[i].Trim();
                if (!line.StartsWith(":::", StringComparison.Ordinal)) continue;
                var name = line.TrimStart(':').Trim().Split(' ', 2)[0];
                var location = at(p) with { Line = at(p).Line + i, Column = 1 };
                if (name.Length == 0)
                    diagnostics.Warning(DiagnosticCodes.UnknownContainer, location, "a closing ':::' with no block open; it is shown as text");
                else
                    diagnostics.Error(DiagnosticCodes.UnknownContainer, location,
                        $"unknown block ':::{name}'; only ':::decision' and ':::exempt' are recognised{Suggestions.DidYouMean(name, ContainerNames)}");
            }
        }
    }
}
