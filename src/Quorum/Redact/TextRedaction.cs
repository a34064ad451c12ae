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
        var lines = markdown.Lines;
        var end = Math.Min(range.EndLine, lines.Count);
        var blocks = markdown.ExemptBlocks
            .Where(b => b.OpeningLine >= range.StartLine && b.OpeningLine < end)
            .OrderBy(b => b.OpeningLine)
            .ToList();
        // Lapsed exemptions lose only their fence lines; their text stays.
        var dropped = new HashSet<int>();
        foreach (var b in blocks.Where(b => !b.Exemption.AppliesOn(buildDate)))
        {
            dropped.Add(b.OpeningLine);
            if (b.ClosingLine is { } c) dropped.Add(c);
        }
        var inForce = blocks.Where(b => b.Exemption.AppliesOn(buildDate)).ToDictionary(b => b.OpeningLine);

        var text = new StringBuilder();
        for (var i = range.StartLine; i < end; i++)
        {
            if (inForce.TryGetValue(i, out var block))
            {
                var indent = lines[i][..(lines[i].Length - lines[i].TrimStart().Length)];
                text.Append(indent).Append(":::exempt ").Append(OneLine(block.Exemption.Ground));
                if (block.Exemption.Until is { } until) text.Append(" until=").Append(until.ToString("yyyy-MM-dd"));
                text.Append('\n').Append(indent).Append(":::\n");
                // Jump past the whole block, nested blocks and all; an unclosed one runs to the end.
                i = Math.Min(block.ClosingLine ?? lines.Count - 1, lines.Count - 1);
                continue;
            }
            if (dropped.Contains(i)) continue;
            text.Append(lines[i]).Append('\n');
        }
        return text.ToString();
    }

    static string OneLine(string s) => s.Replace('\n', ' ').Replace('\r', ' ');
}
