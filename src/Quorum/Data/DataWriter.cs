using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Quorum.Feeds;
using Quorum.Load;
using Quorum.Public;
using Quorum.Render;

namespace Quorum.Data;

/// <summary>
/// The open-data downloads under <c>/data/</c>: meetings, members, bodies and actions as JSON (each with a JSON
/// Schema), and actions and attendance as CSV. Built from the public archive only, so withheld text cannot reach
/// them; records are in a fixed order and nothing depends on the time of the build.
/// </summary>
public sealed class DataWriter
{
    static readonly UTF8Encoding Utf8 = new(false);

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Readable UTF-8, but <, >, &, ' and the like still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        TypeInfoResolver = DataJsonContext.Default,
    };

    /// <summary><see cref="Json"/>'s layout and encoder for a writer of our own (<see cref="WriteEnvelope"/>).</summary>
    static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = Json.Encoder, Indented = Json.WriteIndented, IndentSize = Json.IndentSize, NewLine = Json.NewLine, SkipValidation = true,
    };

    public void Write(PublicArchive archive, ISiteOutput output)
    {
        var site = archive.Site;
        var urls = new SiteUrls(site.BasePath);
        string Abs(string sitePath) => FeedPaths.Absolute(site, sitePath);

        WriteJson(output, archive, DataCatalogue.Meetings, archive.Meetings.Select(m => Meeting(m, urls, Abs)));
        WriteJson(output, archive, DataCatalogue.Members, archive.Members.Select(m => Person(m, urls, Abs)));
        WriteJson(output, archive, DataCatalogue.Bodies, archive.Bodies.Select(b => Organization(b, urls, Abs)));
        WriteJson(output, archive, DataCatalogue.Actions, archive.Actions.Select(a => Action(a, urls, Abs)));
        output.Write(DataCatalogue.ActionsCsv.Path, ActionsCsv(archive, urls, Abs).WriteTo);
        output.Write(DataCatalogue.AttendanceCsv.Path, AttendanceCsv(archive).WriteTo);
        foreach (var (file, schema) in DataSchemas.All)
            output.Write(file.Path, Utf8.GetBytes(schema));
    }

    static void WriteJson<T>(ISiteOutput output, PublicArchive archive, DataFile file, IEnumerable<T> records)
    {
        var site = archive.Site;
        var envelope = new DataFileEnvelope<T>($"{site.Title}: {file.Name.ToLowerInvariant()}", site.BaseUrl, site.LicenceUrl, site.Licence,
            FeedPaths.Absolute(site, site.BasePath + DataCatalogue.SchemaFor(file).Path), records);
        // Streamed: actions.json alone is 60 MB at 5,000 meetings, five times that as strings.
        output.Write(file.Path, stream =>
        {
            var record = (JsonTypeInfo<T>)Json.GetTypeInfo(typeof(T));
            WriteEnvelope(stream, envelope, record.SerializeHandler
                ?? throw new InvalidOperationException($"the JSON source generator wrote no direct code for {typeof(T).Name}"));
            stream.WriteByte((byte)'\n');
        });
    }

    /// <summary>
    /// The envelope as the serializer writes it, each record by the source generator's direct writing code (its "fast
    /// path"), flushed to the stream as it goes. The serializer itself takes that path only when its options are the
    /// context's, and the readable encoder here is not among them, so it walked every record's contract instead.
    /// </summary>
    static void WriteEnvelope<T>(Stream stream, DataFileEnvelope<T> envelope, Action<Utf8JsonWriter, T> write)
    {
        using var json = new Utf8JsonWriter(stream, WriterOptions);
        json.WriteStartObject();
        json.WriteString("title", envelope.Title);
        json.WriteString("source", envelope.Source);
        json.WriteString("license", envelope.License);
        json.WriteString("license_name", envelope.LicenseName);
        json.WriteString("schema", envelope.Schema);
        json.WriteStartArray("data");
        foreach (var item in envelope.Data)
        {
            write(json, item);
            if (json.BytesPending > 1 << 16) json.Flush(); // the writer holds everything until flushed
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    static string Date(DateOnly d) => MeetingTimes.IsoDate(d);
    static string? Date(DateOnly? d) => d is { } x ? Date(x) : null;
    static string Status(ActionStatus s) => s == ActionStatus.Open ? "open" : "closed";
    static ExemptionData? Exemption(PublicExemption? e) => e is null ? null : new(e.Ground, Date(e.Until));
    static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    static MeetingData Meeting(PublicMeeting m, SiteUrls urls, Func<string, string> abs)
    {
        var (start, end) = MeetingTimes.Local(m.Date, m.Start, m.End);
        IReadOnlyList<AttendeeData> Group(IReadOnlyList<PublicAttendee> g) => g.Select(a => new AttendeeData(a.Member.Id, a.Note)).ToList();
        NextMeetingData? next = null;
        if (m.NextMeeting is { } n)
        {
            var (ns, ne) = MeetingTimes.Local(n.Date, n.Start, n.End);
            next = new(Date(n.Date), MeetingTimes.Iso(ns), MeetingTimes.Iso(ne), n.Venue);
        }
        return new MeetingData(
            m.Slug, m.Slug, abs(urls.Meeting(m.Slug)), m.Title, m.Number, m.Body.Id, m.BodyName, Date(m.Date),
            MeetingTimes.Iso(start), MeetingTimes.Iso(end), m.Venue, m.IsDraft ? "draft" : "approved",
            m.AllItems.Select(i => new AgendaItemData(i.Number, i.Title, i.Anchor, abs(urls.Item(i)), i.Parent?.Number,
                i.Exemption is not null, Exemption(i.Exemption))).ToList(),
            m.AllItems.SelectMany(i => i.Decisions).Select(d => new DecisionData(d.Item.Number, d.Anchor, abs(urls.Decision(d)),
                d.Plain)).ToList(),
            new AttendanceData(Group(m.Present), Group(m.InAttendance), Group(m.Apologies)),
            m.ActionsRaised.Select(a => a.Id).ToList(),
            next);
    }

    static PersonData Person(PublicMember m, SiteUrls urls, Func<string, string> abs) => new(
        m.Id, m.Name, m.Aliases.Select(a => new OtherNameData(a)).ToList(), abs(urls.Member(m.Id)), m.Organisation,
        NullIfEmpty(PlainText.Of(m.Biography)),
        m.Roles.Select(r => new PersonMembershipData(r.BodyId, r.BodyName, r.Role, Date(r.From), Date(r.Until))).ToList(),
        abs(FeedPaths.Url(urls, FeedPaths.MemberActions(m.Id))));

    static OrganizationData Organization(PublicBody b, SiteUrls urls, Func<string, string> abs) => new(
        b.Id, b.Name, b.FormerNames.Select(f => new OtherNameData(f.Name, Date(f.Until))).ToList(), b.Description, abs(urls.Body(b.Id)),
        b.Roles.OrderBy(r => r.Member.Name, StringComparer.Ordinal).ThenBy(r => r.Member.Id, StringComparer.Ordinal)
            .Select(r => new OrganizationMembershipData(r.Member.Id, r.Role.Role, Date(r.Role.From), Date(r.Role.Until))).ToList(),
        b.Meetings.Select(m => m.Slug).ToList(),
        [
            new(abs(FeedPaths.Url(urls, FeedPaths.Body(b.Id))), "Atom feed of new minutes"),
            new(abs(FeedPaths.Url(urls, FeedPaths.BodyCalendar(b.Id))), "iCalendar file of meetings"),
        ]);

    static ActionData Action(PublicAction a, SiteUrls urls, Func<string, string> abs) => new(
        a.Id, a.Slug, abs(urls.Action(a)), a.Meeting.Slug, Date(a.Meeting.Date), a.Meeting.Body.Id, a.Item?.Number,
        a.Text?.PlainOneLine,
        a.Owners.Select(o => o.Id).ToList(), Date(a.Due), Status(a.Status), a.Exemption is not null, Exemption(a.Exemption),
        a.Timeline.Select(u => new ActionUpdateData(u.Meeting.Slug, Date(u.Meeting.Date), u.Status is { } s ? Status(s) : null,
            u.Note?.PlainOneLine, u.NoteWithheld)).ToList());

    static Csv ActionsCsv(PublicArchive archive, SiteUrls urls, Func<string, string> abs)
    {
        var csv = new Csv("id", "url", "meeting_id", "meeting_date", "organization_id", "item", "status", "owner_ids", "due_date",
            "text", "withheld", "exemption_ground", "exemption_until", "last_update_date", "last_update_note");
        foreach (var a in archive.Actions)
        {
            var last = a.Timeline.LastOrDefault();
            csv.Row(a.Id, abs(urls.Action(a)), a.Meeting.Slug, Date(a.Meeting.Date), a.Meeting.Body.Id, a.Item?.Number,
                Status(a.Status), string.Join(";", a.Owners.Select(o => o.Id)), Date(a.Due),
                a.Text?.PlainOneLine,
                a.Exemption is null ? "false" : "true", a.Exemption?.Ground, Date(a.Exemption?.Until),
                last is null ? null : Date(last.Meeting.Date),
                last?.Note?.PlainOneLine);
        }
        return csv;
    }

    static Csv AttendanceCsv(PublicArchive archive)
    {
        var csv = new Csv("meeting_id", "meeting_date", "organization_id", "person_id", "person_name", "attendance", "note");
        foreach (var m in archive.Meetings)
            foreach (var (group, attendees) in new[] { ("present", m.Present), ("in_attendance", m.InAttendance), ("apologies", m.Apologies) })
                foreach (var a in attendees)
                    csv.Row(m.Slug, Date(m.Date), m.Body.Id, a.Member.Id, a.Member.Name, group, a.Note);
        return csv;
    }
}
