using System.Text;
using Quorum.Load;

namespace Quorum.Redact;

/// <summary>
/// Cuts exempt blocks out of Markdown source, line by line: an exemption in force is replaced by an empty
/// <c>:::exempt</c> block carrying only its public ground (rendered as the notice); a lapsed one loses just its
/// fences, so its text is published as if it had never been exempt. Nested exemptions are judged each on its own.
/// </summary>
public static class TextRedaction
{
    public static string PublicText(RawMarkdown markdown, RawRange range, DateOnly buildDate)
    {
        var count = markdown.LineCount;
        var end = Math.Min(range.EndLine, count);
        var blocks = markdown.ExemptBlocks
            .Where(b => b.OpeningLine >= range.StartLine && b.OpeningLine < end)
            .OrderBy(b => b.OpeningLine)
            .ToList();
        if (blocks.Count == 0) return markdown.Text(range.StartLine, end); // most text withholds nothing
        // Lapsed exemptions lose only their fence lines; their text stays.
        var dropped = new HashSet<int>();
        foreach (var b in blocks.Where(b => !b.Exemption.AppliesOn(buildDate)))
        {
            dropped.Add(b.OpeningLine);
            if (b.ClosingLine is { } c) dropped.Add(c);
        }
        var inForce = blocks.Where(b => b.Exemption.AppliesOn(buildDate)).ToDictionary(b => b.OpeningLine);

        var text = new StringBuilder(range.StartLine < end ? markdown.Length(range.StartLine, end) + 1 : 0);
        for (var i = range.StartLine; i < end; i++)
        {
            if (inForce.TryGetValue(i, out var block))
            {
                var line = markdown.Line(i);
                var indent = line[..(line.Length - line.TrimStart().Length)];
                text.Append(indent).Append(":::exempt ").Append(OneLine(block.Exemption.Ground));
                if (block.Exemption.Until is { } until) text.Append(" until=").Append(until.ToString("yyyy-MM-dd"));
                text.Append('\n').Append(indent).Append(":::\n");
                // Jump past the whole block, nested blocks and all; an unclosed one runs to the end.
                i = Math.Min(block.ClosingLine ?? count - 1, count - 1);
                continue;
            }
            if (dropped.Contains(i)) continue;
            text.Append(markdown.Line(i)).Append('\n');
        }
        return text.ToString();
    }

    static string OneLine(string s) => s.Replace('\n', ' ').Replace('\r', ' ');
}
