using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Quorum.Public;
using Quorum.Render;

namespace Quorum.Feeds;

/// <summary>
/// iCalendar (RFC 5545) files: every published meeting, and every announced next meeting that has no published
/// minutes yet, for the whole site and for each body. Times are local to Europe/London (with its VTIMEZONE);
/// a meeting without a start time is an all-day event. DTSTAMP is required, so it is the meeting's date at
/// midnight UTC rather than the time of the build: the same archive always gives the same bytes.
/// </summary>
public sealed class CalendarWriter
{
    static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>A meeting on the calendar: published minutes, or announced by the minutes of an earlier one.</summary>
    internal sealed record CalendarEntry(string Uid, PublicBody Body, string Summary, DateOnly Date, string? Start, string? End,
        string? Venue, string Url, string Description, DateOnly Stamp);

    public void Write(PublicArchive archive, ISiteOutput output)
    {
        var entries = Entries(archive);
        // One VTIMEZONE for every file, from the earliest date on any calendar.
        var earliest = entries.Count > 0 ? entries[0].Date : new DateOnly(2000, 1, 1); // the entries are in date order
        // Each event is serialized once, for the site's calendar and its body's: Ical.Net takes about 0.1 ms an event,
        // and serializing each twice was 0.1-0.25 s of a 1,000-meeting build.
        var events = entries.Select(e => new Serialized(e.Body, new CalendarSerializer().SerializeToString(Event(e)) ?? "")).ToList();
        output.Write(FeedPaths.Calendar, Serialize(archive.Site.Title, archive.Site.Description, events.Select(e => e.Text), earliest));
        foreach (var body in archive.Bodies)
            output.Write(FeedPaths.BodyCalendar(body.Id), Serialize($"{body.Name} meetings", body.Description,
                events.Where(e => e.Body == body).Select(e => e.Text), earliest));
    }

    /// <summary>An event's text and its body: a class, as the ahead-of-time image holds no code for queries over value
    /// tuples (benchmarks/jit.sh).</summary>
    sealed record Serialized(PublicBody Body, string Text);

    /// <summary>The calendars' events, in date order (then by UID).</summary>
    internal static List<CalendarEntry> Entries(PublicArchive archive)
    {
        var site = archive.Site;
        var urls = new SiteUrls(site.BasePath);
        var host = new Uri(site.BaseUrl).Host;
        var entries = new List<CalendarEntry>();
        foreach (var m in archive.Meetings)
        {
            var url = FeedPaths.Absolute(site, urls.Meeting(m.Slug));
            entries.Add(new($"meeting-{m.Slug}@{host}", m.Body, m.Title, m.Date, m.Start, m.End, m.Venue, url,
                (m.IsDraft ? "Draft minutes (not yet approved): " : "Minutes: ") + url, m.Date));
        }

        var published = archive.Meetings.Select(m => (m.Body.Id, m.Date)).ToHashSet();
        // An announcement repeated by several meetings is one event; the latest announcement's details win.
        var announced = archive.Meetings
            .Where(m => m.NextMeeting is not null && !published.Contains((m.Body.Id, m.NextMeeting.Date)))
            .GroupBy(m => (m.Body.Id, m.NextMeeting!.Date))
            .Select(g => g.OrderBy(m => m.Date).ThenBy(m => m.Slug, StringComparer.Ordinal).Last());
        foreach (var m in announced)
        {
            var next = m.NextMeeting!;
            var name = MeetingTimes.BodyNameOn(m.Body, next.Date);
            var url = FeedPaths.Absolute(site, urls.Meeting(m.Slug)) + "#next-meeting";
            // The UID a meeting file named in the usual way (<date>-<body>.md) will have once its minutes are published.
            entries.Add(new($"meeting-{MeetingTimes.IsoDate(next.Date)}-{m.Body.Id}@{host}", m.Body, $"{name} meeting",
                next.Date, next.Start, next.End, next.Venue, url,
                $"Announced in the minutes of the {m.BodyName} meeting of {ThemeHelpers.LongDate(m.Date)}: {url}", m.Date));
        }
        return entries.OrderBy(e => e.Date).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();
    }

    /// <summary>A calendar file: its properties and time zone as Ical.Net writes them, with the events' text inside.</summary>
    static byte[] Serialize(string name, string? description, IEnumerable<string> events, DateOnly earliest)
    {
        var calendar = new Calendar { ProductId = "-//Quorum//Quorum minutes//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        if (description is not null) calendar.AddProperty("X-WR-CALDESC", PlainText.OneLine(description));
        calendar.AddProperty("X-WR-TIMEZONE", MeetingTimes.TimeZoneId);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(MeetingTimes.TimeZoneId,
            new DateTime(earliest.Year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), includeHistoricalData: false));
        // The events come last, after the time zone, just before the calendar's end, as Ical.Net places them.
        var empty = new CalendarSerializer().SerializeToString(calendar) ?? "";
        int end = empty.LastIndexOf(CalendarEnd, StringComparison.Ordinal);
        if (end < 0) throw new InvalidOperationException("Ical.Net wrote a calendar without END:VCALENDAR");
        var text = new StringBuilder(empty, 0, end, empty.Length + 512);
        foreach (var e in events) text.Append(e);
        text.Append(empty, end, empty.Length - end);
        return Utf8.GetBytes(text.ToString());
    }

    const string CalendarEnd = "END:VCALENDAR";

    static CalendarEvent Event(CalendarEntry e)
    {
        var evt = new CalendarEvent
        {
            Uid = e.Uid,
            Summary = e.Summary,
            Description = e.Description,
            Url = new Uri(e.Url),
            DtStamp = new CalDateTime(e.Stamp.Year, e.Stamp.Month, e.Stamp.Day, 0, 0, 0, "UTC"),
        };
        if (e.Venue is not null) evt.Location = e.Venue;
        var (start, end) = MeetingTimes.Local(e.Date, e.Start, e.End);
        if (start is { } s)
        {
            evt.DtStart = new CalDateTime(s.Year, s.Month, s.Day, s.Hour, s.Minute, 0, MeetingTimes.TimeZoneId);
            if (end is { } t) evt.DtEnd = new CalDateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, MeetingTimes.TimeZoneId);
        }
        else
        {
            // No start time (an end time alone does not make a timed event): all day.
            evt.DtStart = new CalDateTime(e.Date);
            evt.DtEnd = new CalDateTime(e.Date.AddDays(1));
        }
        return evt;
    }
}
