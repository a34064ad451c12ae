using Quorum.Diagnostics;
using Quorum.Load;
using Quorum.Resolve;

namespace Quorum.Redact;

/// <summary>One piece of content a build on a given date withholds: for the clerk or FOI officer, never for the site.</summary>
public sealed record WithheldPiece(SourceLocation Location, string What, string Ground, DateOnly? Until)
{
    public string Release => Until is { } d ? "until " + Markdown.Exemptions.ExemptionNotice.LongDate(d) : "indefinitely";

    public override string ToString() => $"{Location}: {What} — {Ground}; {Release}";
}

/// <summary>
/// <c>quorum withheld</c>: lists what the redactor withholds on a date, by the same rules
/// (<see cref="RawExemption.AppliesOn"/>, <see cref="Redactor.ActionExemption"/>), so the list and the site cannot disagree.
/// </summary>
public static class WithheldReport
{
    public static IReadOnlyList<WithheldPiece> For(Archive archive, DateOnly date)
    {
        var pieces = new List<WithheldPiece>();
        foreach (var meeting in archive.Meetings)
        {
            if (!meeting.Raw.Publish)
            {
                pieces.Add(new(meeting.Raw.Location, $"meeting {meeting.Slug}, all of it (publish: false)", "not for publication", null));
                continue;
            }
            var cut = new List<RawRange>();
            foreach (var item in meeting.Raw.Items)
            {
                if (Applies(item.Exemption, date) is { } e)
                {
                    var subs = item.SubItems.Count > 0 ? $" and its {item.SubItems.Count} sub-item(s)" : "";
                    pieces.Add(new(item.Location, $"item {item.Number} '{item.Title}': its text{subs}", e.Ground, e.Until));
                    cut.Add(new RawRange(item.Content.StartLine, item.SubItems.LastOrDefault()?.Content.EndLine ?? item.Content.EndLine));
                    continue;
                }
                foreach (var sub in item.SubItems)
                    if (Applies(sub.Exemption, date) is { } s)
                    {
                        pieces.Add(new(sub.Location, $"sub-item {sub.Number} '{sub.Title}': its text", s.Ground, s.Until));
                        cut.Add(sub.Content);
                    }
            }
            Blocks(meeting.Raw.Markdown, cut, date, $"in {meeting.Slug}", pieces);
            foreach (var action in meeting.ActionsRaised)
                if (Redactor.ActionExemption(action, date) is { } e)
                {
                    var how = action.Raw.Exemption is null ? $", as it arose under exempt item {action.Item?.Number}" : "";
                    pieces.Add(new(action.Raw.Exemption?.Location ?? action.Raw.Location,
                        $"action {action.Id}: its text, owners and due date{how}", e.Ground, e.Until));
                }
            foreach (var (update, action) in meeting.Updates)
                if (action is not null && action.Meeting.Raw.Publish && update.Note is not null && Redactor.ActionExemption(action, date) is { } e)
                    pieces.Add(new(update.Location, $"the note of an update to exempt action {action.Id}", e.Ground, e.Until));
        }
        foreach (var member in archive.Members.Values)
            Blocks(member.Raw.Biography, [], date, $"of {member.Name}'s biography", pieces);
        foreach (var page in archive.Pages)
            Blocks(page.Markdown, [], date, $"of the page '{page.Title}'", pieces);
        return pieces.OrderBy(p => p.Location.Path, StringComparer.Ordinal).ThenBy(p => p.Location.Line).ToList();
    }

    /// <summary>Exempt blocks in force that are not already inside something withheld whole.</summary>
    static void Blocks(RawMarkdown markdown, List<RawRange> cut, DateOnly date, string where, List<WithheldPiece> pieces)
    {
        var covered = new List<RawRange>(cut);
        foreach (var block in markdown.ExemptBlocks.OrderBy(b => b.OpeningLine))
        {
            if (!block.Exemption.AppliesOn(date)) continue;
            if (covered.Any(r => block.OpeningLine >= r.StartLine && block.OpeningLine < r.EndLine)) continue;
            pieces.Add(new(block.Exemption.Location, $"an ':::exempt' block {where}", block.Exemption.Ground, block.Exemption.Until));
            covered.Add(new RawRange(block.OpeningLine, (block.ClosingLine ?? markdown.LineCount) + 1));
        }
    }

    static RawExemption? Applies(RawExemption? e, DateOnly date) => e is not null && e.AppliesOn(date) ? e : null;
}
