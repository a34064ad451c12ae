using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Quorum.Diagnostics;
using Quorum.Load;
using Quorum.Redact;
using Quorum.Resolve;

namespace Quorum.Scaffold;

/// <summary>
/// <c>quorum new meeting</c>: writes <c>meetings/&lt;yyyy&gt;/&lt;date&gt;-&lt;body&gt;.md</c> as a draft, with the attendance of the
/// body's most recent earlier meeting (same people, same groups) and the body's actions still open on that date listed
/// as updates to fill in. It never overwrites a file.
/// </summary>
public static partial class MeetingScaffold
{
    public sealed record Result(string FullPath, string Text, Meeting? Previous, int Attendees, int OpenActions);

    /// <summary>Builds the file's text and writes it. Throws <see cref="ScaffoldException"/> for a problem the user can fix.</summary>
    public static Result Create(string inputDirectory, string bodyId, DateOnly date)
    {
        var result = Plan(inputDirectory, bodyId, date);
        Directory.CreateDirectory(Path.GetDirectoryName(result.FullPath)!);
        try
        {
            // CreateNew: never overwrite, even a file that appeared since the check in Plan.
            using var stream = new FileStream(result.FullPath, FileMode.CreateNew, FileAccess.Write);
            stream.Write(new UTF8Encoding(false).GetBytes(result.Text));
        }
        catch (IOException) when (File.Exists(result.FullPath))
        {
            throw new ScaffoldException($"{Display(result.FullPath)} already exists; it is not overwritten");
        }
        return result;
    }

    /// <summary>Everything <see cref="Create"/> does except writing.</summary>
    public static Result Plan(string inputDirectory, string bodyId, DateOnly date)
    {
        var raw = InputLoader.Load(inputDirectory, new DiagnosticBag())
            ?? throw new ScaffoldException(Directory.Exists(inputDirectory)
                ? $"{inputDirectory}/ has no site.yml: is it the input folder? (use --input DIR)"
                : $"the input folder {inputDirectory}/ does not exist (use --input DIR)");
        var archive = Resolver.Resolve(raw);
        if (!archive.Bodies.TryGetValue(bodyId, out var body))
        {
            var ids = archive.Bodies.Keys.Order(StringComparer.Ordinal).ToList();
            var hint = Suggestions.DidYouMean(bodyId, ids);
            if (hint.Length == 0)
                hint = ids.Count == 0 ? $"; there are no bodies in {Display(Path.Combine(inputDirectory, "bodies"))}/"
                    : "; the bodies are: " + string.Join(", ", ids);
            throw new ScaffoldException($"unknown body '{bodyId}'{hint}");
        }

        var slug = $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{body.Id}";
        var fullPath = Path.Combine(Path.GetFullPath(inputDirectory), "meetings", date.Year.ToString(CultureInfo.InvariantCulture), slug + ".md");
        if (File.Exists(fullPath))
            throw new ScaffoldException($"{Display(fullPath)} already exists; it is not overwritten");
        if (archive.Meetings.FirstOrDefault(m => m.Slug == slug) is { } same)
            throw new ScaffoldException($"the meeting {slug} already exists as {Display(Path.Combine(inputDirectory, same.Raw.SourcePath))}; it is not overwritten");

        var ofBody = archive.Meetings.Where(m => m.Body == body).ToList();
        var previous = ofBody.LastOrDefault(m => m.Date < date);
        var open = OpenActions(archive, body, date);
        var text = Text(body, date, previous, previous is not null && previous == ofBody[^1], open);
        return new Result(fullPath, text, previous, previous?.Attendance.Count ?? 0, open.Count);
    }

    /// <summary>The actions raised at the body's meetings before <paramref name="date"/> whose last status before then is open.</summary>
    static List<ActionRecord> OpenActions(Archive archive, Body body, DateOnly date) =>
        archive.Meetings.Where(m => m.Body == body && m.Date < date)
            .SelectMany(m => m.ActionsRaised)
            .Where(a => a.Updates.Where(u => u.Meeting.Date < date && u.Update.StatusGiven).Select(u => u.Update.Status)
                .DefaultIfEmpty(ActionStatus.Open).Last() == ActionStatus.Open)
            .Distinct()
            .ToList();

    static string Text(Body body, DateOnly date, Meeting? previous, bool previousIsLatest, List<ActionRecord> open)
    {
        var sb = new StringBuilder("---\n");
        sb.Append("body: ").Append(body.Id).Append('\n');
        sb.Append("date: ").Append(Iso(date)).Append('\n');
        if (previousIsLatest && int.TryParse(previous!.Raw.Number, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            sb.Append("number: ").Append((number + 1).ToString(CultureInfo.InvariantCulture)).Append('\n');
        var next = previous?.Raw.NextMeeting is { } n && n.Date == date ? n : null;
        if (next is not null)
        {
            sb.Append("# start, end and venue as announced at the meeting of ").Append(Iso(previous!.Date)).Append('\n');
            if (next.Start is not null) sb.Append("start: \"").Append(next.Start).Append("\"\n");
            if (next.End is not null) sb.Append("end: \"").Append(next.End).Append("\"\n");
            if (next.Venue is not null) sb.Append("venue: ").Append(Scalar(next.Venue)).Append('\n');
        }
        else
        {
            sb.Append("# start: \"").Append(previous?.Raw.Start ?? "10:00").Append("\"\n");
            sb.Append("# end: \"").Append(previous?.Raw.End ?? "12:00").Append("\"\n");
            sb.Append("# venue: ").Append(previous?.Raw.Venue is { } v ? Scalar(v) : "").Append('\n');
        }
        sb.Append("status: draft\n");

        sb.Append("# Attendance as at ").Append(previous is null ? "no earlier meeting of this body: add the people" :
            $"the meeting of {Iso(previous.Date)} ({previous.Slug}): move people between the groups as these minutes record").Append(".\n");
        sb.Append("attendance:\n");
        foreach (var group in new[] { AttendanceGroup.Present, AttendanceGroup.InAttendance, AttendanceGroup.Apologies })
        {
            var people = previous?.Attendance.Where(a => a.Group == group).ToList() ?? [];
            sb.Append("  ").Append(Check.Checker.GroupKey(group)).Append(':').Append(people.Count == 0 ? " []\n" : "\n");
            foreach (var a in people)
            {
                sb.Append("    - ").Append(a.Member.Id);
                // A role (Chair, Secretary) carries over; a note about that one meeting ("New member", "Unwell") does not.
                if (a.Note is { } note && IsRole(a.Member, body, note, date)) sb.Append(": ").Append(Scalar(note));
                else if (a.Note is not null) sb.Append("  # on ").Append(Iso(previous!.Date)).Append(": ").Append(OneLine(a.Note, 60));
                sb.Append('\n');
            }
        }

        if (open.Count == 0)
            sb.Append("# No action of the ").Append(body.NameOn(date)).Append(" is open on ").Append(Iso(date)).Append(".\n");
        else
        {
            sb.Append("# The actions of the ").Append(body.NameOn(date)).Append(" open on ").Append(Iso(date))
                .Append(": set 'status: closed' for those done, add a note, delete those not discussed.\n");
            sb.Append("updates:\n");
            foreach (var action in open)
            {
                sb.Append("  - action: ").Append(Scalar(action.Id)).Append("  # ").Append(About(action, date)).Append('\n');
                sb.Append("    status: open\n");
                sb.Append("    # note: \n");
            }
        }
        sb.Append("---\n\n");
        sb.Append("## 1. Apologies and welcome\n\n");
        sb.Append("## 2. Minutes of the previous meeting and matters arising\n");
        return sb.ToString();
    }

    static bool IsRole(Member member, Body body, string note, DateOnly date) =>
        member.Raw.Roles.Any(r => r.Body.Value == body.Id && string.Equals(r.Role, note.Trim(), StringComparison.OrdinalIgnoreCase)
                                  && (r.From is not { } from || from <= date) && (r.Until is not { } until || date <= until));

    /// <summary>A reminder of what the action was: where it was raised, and its text unless it is withheld.</summary>
    static string About(ActionRecord action, DateOnly date)
    {
        var where = $"raised {Iso(action.Meeting.Date)}" + (action.Item is { } item ? $", item {item.Number}" : "");
        var exemption = Redactor.ActionExemption(action, date);
        return exemption is not null ? $"{where} (exempt: {OneLine(exemption.Ground, 60)})" : $"{where}: {OneLine(action.Raw.Text, 80)}";
    }

    static string OneLine(string text, int max)
    {
        var s = Whitespace().Replace(text, " ").Trim();
        return s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";
    }

    /// <summary>A YAML scalar: plain when that reads back as the same string, else double-quoted.</summary>
    static string Scalar(string s) =>
        PlainSafe().IsMatch(s) && !s.Contains(": ", StringComparison.Ordinal) && !s.Contains(" #", StringComparison.Ordinal)
        && s is not ("true" or "false" or "yes" or "no" or "null" or "on" or "off")
            ? s
            : "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Display(string path) => Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(path)).Replace('\\', '/');

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9 ./()',&/-]*[A-Za-z0-9.)]$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>A problem with <c>quorum new</c>'s arguments or the input folder, reported as one line.</summary>
public sealed class ScaffoldException(string message) : Exception(message);
