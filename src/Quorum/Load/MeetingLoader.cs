using System.Text.RegularExpressions;
using Quorum.Diagnostics;

namespace Quorum.Load;

/// <summary>Reads <c>meetings/**/&lt;slug&gt;.md</c>: the front-matter (attendance, actions, updates) and the minutes.</summary>
public static partial class MeetingLoader
{
    static readonly string[] Keys =
        ["body", "date", "number", "title", "start", "end", "venue", "status", "publish", "attendance", "actions", "updates", "next_meeting"];

    public static RawMeeting? Load(SourceFile file, DiagnosticBag diagnostics)
    {
        var slug = Path.GetFileNameWithoutExtension(file.FullPath);
        var at = SourceLocation.File(file.DisplayPath);
        if (!Ids.IsValid(slug))
            diagnostics.Error(DiagnosticCodes.InvalidId, at, $"'{slug}' cannot be a meeting's URL: name the file <yyyy-mm-dd>-<body-id>.md");
        if (InputLoader.FrontMatter(file, diagnostics) is not var (map, y, doc)) return null;
        y.KnownKeys(map, "a meeting", Keys);

        var body = y.String(map, "body", true, map, "a meeting");
        var date = y.Date(map, "date", true, map, "a meeting");
        var status = y.String(map, "status");
        if (status is not null && status.Value is not ("approved" or "draft"))
            diagnostics.Error(DiagnosticCodes.InvalidValue, status.Location,
                $"'status' must be approved or draft, not '{status.Value}'{Suggestions.DidYouMean(status.Value, ["approved", "draft"])}");
        var publish = y.Bool(map, "publish") ?? true;
        var attendance = Attendance(map, y);
        var actions = y.List(map, "actions").Select(n => Action(n, y)).OfType<RawAction>().ToList();
        var updates = y.List(map, "updates").Select(n => Update(n, y)).OfType<RawUpdate>().ToList();
        var next = y.Node(map, "next_meeting") is { } nn && !YamlReader.IsNull(nn) ? NextMeeting(nn, y) : null;
        var structure = MarkdownStructure.Parse(doc.Body, doc.BodyFirstLine, file.DisplayPath, diagnostics);

        if (body is not null && date is not null && !FileNamePattern().IsMatch(slug))
            diagnostics.Warning(DiagnosticCodes.FileNameMismatch, at,
                $"meeting files are named <yyyy-mm-dd>-<body-id>.md; expected '{date.Value:yyyy-MM-dd}-{body.Value}.md'");
        else if (body is not null && date is not null && slug != $"{date.Value:yyyy-MM-dd}-{body.Value}")
            diagnostics.Warning(DiagnosticCodes.FileNameMismatch, at,
                $"the file name says '{slug}' but the front-matter says {date.Value:yyyy-MM-dd} and '{body.Value}'");

        if (body is null || date is null) return null;
        return new RawMeeting(slug, file.InputPath, at, body, date.Value,
            y.String(map, "number")?.Value, y.String(map, "title")?.Value,
            y.Time(map, "start")?.Value, y.Time(map, "end")?.Value, y.String(map, "venue")?.Value,
            status?.Value == "draft", publish, attendance, actions, updates, next,
            structure.Markdown, structure.Preamble, structure.Items);
    }

    static RawAttendance Attendance(YamlMappingNode map, YamlReader y)
    {
        if (y.Node(map, "attendance") is not { } node || YamlReader.IsNull(node)) return RawAttendance.Empty;
        if (y.Mapping(node, "'attendance'") is not { } m) return RawAttendance.Empty;
        y.KnownKeys(m, "'attendance'", "present", "in_attendance", "apologies");
        return new RawAttendance(Attendees(m, "present", y), Attendees(m, "in_attendance", y), Attendees(m, "apologies", y));
    }

    /// <summary>Each entry is a member id, or a map of one member id to a note (<c>- jos-creese: Chair</c>).</summary>
    static List<RawAttendee> Attendees(YamlMappingNode map, string key, YamlReader y)
    {
        var list = new List<RawAttendee>();
        foreach (var node in y.List(map, key))
        {
            switch (node)
            {
                case YamlScalarNode s when !YamlReader.IsNull(s):
                    list.Add(new RawAttendee(new Located<string>(s.Value.Trim(), y.At(s)), null));
                    break;
                case YamlMappingNode m when m.Children.Count == 1:
                    var (k, v) = m.Children[0];
                    var note = v is YamlScalarNode vs && !YamlReader.IsNull(vs) ? vs.Value.Trim() : null;
                    list.Add(new RawAttendee(new Located<string>((k as YamlScalarNode)?.Value.Trim() ?? "", y.At(k)), note));
                    break;
                default:
                    y.Diagnostics.Error(DiagnosticCodes.InvalidValue, y.At(node),
                        $"each '{key}' entry is a member id, or one member id with a note ('- jos-creese: Chair')");
                    break;
            }
        }
        return list;
    }

    static RawAction? Action(YamlNode node, YamlReader y)
    {
        if (y.Mapping(node, "an action") is not { } m) return null;
        y.KnownKeys(m, "an action", "id", "item", "owners", "text", "due", "exempt", "exempt_until");
        var id = y.String(m, "id", true, m, "an action");
        var text = y.String(m, "text", true, m, "an action");
        var owners = y.List(m, "owners").Select(n => y.Scalar(n, "owners")).OfType<Located<string>>().ToList();
        var due = y.Date(m, "due");
        var until = y.Date(m, "exempt_until");
        var exempt = y.String(m, "exempt");
        var notExempt = exempt?.Value is "false" or "no";
        RawExemption? exemption = null;
        if (exempt is not null && !notExempt)
            exemption = new RawExemption(exempt.Value.Length > 0 ? exempt.Value : "exempt", until?.Value, exempt.Location);
        else if (until is not null && !notExempt)
            y.Diagnostics.Error(DiagnosticCodes.MissingKey, until.Location, "'exempt_until' needs an 'exempt' ground beside it");
        if (id is null || text is null) return null;
        return new RawAction(id, y.String(m, "item"), owners, text.Value, due?.Value, exemption, notExempt, y.At(m));
    }

    static RawUpdate? Update(YamlNode node, YamlReader y)
    {
        if (y.Mapping(node, "an update") is not { } m) return null;
        y.KnownKeys(m, "an update", "action", "status", "note");
        var action = y.String(m, "action", true, m, "an update");
        var status = y.String(m, "status");
        ActionStatus? parsed = status?.Value switch
        {
            null => null,
            "open" => ActionStatus.Open,
            "closed" => ActionStatus.Closed,
            _ => null,
        };
        if (status is not null && parsed is null)
            y.Diagnostics.Error(DiagnosticCodes.InvalidValue, status.Location,
                $"'status' must be open or closed, not '{status.Value}'{Suggestions.DidYouMean(status.Value, ["open", "closed"])}");
        if (action is null) return null;
        return new RawUpdate(action, parsed ?? ActionStatus.Open, y.String(m, "note")?.Value, y.At(m)) { StatusGiven = parsed is not null };
    }

    static RawNextMeeting? NextMeeting(YamlNode node, YamlReader y)
    {
        if (y.Mapping(node, "'next_meeting'") is not { } m) return null;
        y.KnownKeys(m, "'next_meeting'", "date", "start", "end", "venue");
        var date = y.Date(m, "date", true, m, "'next_meeting'");
        return date is null ? null : new RawNextMeeting(date.Value, y.Time(m, "start")?.Value, y.Time(m, "end")?.Value, y.String(m, "venue")?.Value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex FileNamePattern();
}
