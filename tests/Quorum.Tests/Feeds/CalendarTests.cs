using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;

namespace Quorum.Tests.Feeds;

public class CalendarTests
{
    static Calendar Load(Built.Site site, string path) => Calendar.Load(Built.Site.Utf8(site.Bytes(path)))!;

    static CalendarEvent Event(Calendar calendar, string uid) => calendar.Events.Single(e => e.Uid == uid);

    [Fact]
    public void The_site_calendar_has_every_published_meeting_and_the_next_one()
    {
        var calendar = Load(Built.Demo, "calendar/meetings.ics");
        Assert.Equal(
            ["meeting-2009-01-08-local-cio-council@minutes.example.org", "meeting-2009-07-02-local-cio-council@minutes.example.org",
             "meeting-2009-10-20-local-cio-council@minutes.example.org"],
            calendar.Events.Select(e => e.Uid));
        Assert.Equal("Europe/London", Assert.Single(calendar.TimeZones).TzId);

        // No start time in the minutes: an all-day event.
        var january = Event(calendar, "meeting-2009-01-08-local-cio-council@minutes.example.org");
        Assert.False(january.DtStart!.HasTime);
        Assert.Equal(new DateTime(2009, 1, 8), january.DtStart.Value);
        Assert.Equal(new DateTime(2009, 1, 9), january.DtEnd!.Value);
        Assert.Equal("Local Government CIO Council — 8 January 2009", january.Summary);
        Assert.Equal("Sunningdale Park, Berkshire", january.Location);
        Assert.Equal("https://minutes.example.org/meetings/2009-01-08-local-cio-council/", january.Url!.ToString());
        Assert.Equal(new DateTime(2009, 1, 8, 0, 0, 0, DateTimeKind.Utc), january.DtStamp!.AsUtc);

        // July gives an end time only: still all day.
        Assert.False(Event(calendar, "meeting-2009-07-02-local-cio-council@minutes.example.org").DtStart!.HasTime);

        // The next meeting: 09:00 to 13:00 in London (BST), announced on 2 July.
        var next = Event(calendar, "meeting-2009-10-20-local-cio-council@minutes.example.org");
        Assert.True(next.DtStart!.HasTime);
        Assert.Equal("Europe/London", next.DtStart.TzId);
        Assert.Equal(new DateTime(2009, 10, 20, 9, 0, 0), next.DtStart.Value);
        Assert.Equal(new DateTime(2009, 10, 20, 8, 0, 0, DateTimeKind.Utc), next.DtStart.AsUtc);
        Assert.Equal(new DateTime(2009, 10, 20, 13, 0, 0), next.DtEnd!.Value);
        Assert.Equal("Cabinet Office, London, Room G45", next.Location);
        Assert.Equal("Local CIO Council meeting", next.Summary);
        Assert.Equal("https://minutes.example.org/meetings/2009-07-02-local-cio-council/#next-meeting", next.Url!.ToString());
        Assert.Equal(new DateTime(2009, 7, 2, 0, 0, 0, DateTimeKind.Utc), next.DtStamp!.AsUtc);

        var body = Load(Built.Demo, "calendar/bodies/local-cio-council.ics");
        Assert.Equal(calendar.Events.Select(e => e.Uid), body.Events.Select(e => e.Uid));
    }

    [Fact]
    public void Times_are_local_to_london_in_winter_and_summer()
    {
        var calendar = Load(Built.Fixture, "calendar/meetings.ics");
        var march = Event(calendar, $"meeting-2024-03-05-town-council@{FeedFixture.Host}");
        Assert.Equal("Europe/London", march.DtStart!.TzId);
        Assert.Equal(new DateTime(2024, 3, 5, 18, 30, 0, DateTimeKind.Utc), march.DtStart.AsUtc); // GMT
        Assert.Equal(new DateTime(2024, 3, 5, 20, 0, 0, DateTimeKind.Utc), march.DtEnd!.AsUtc);
        Assert.Equal(FeedFixture.TrickyVenue, march.Location);
        Assert.Equal("Testbury Parish Council — 5 March 2024", march.Summary);

        var july = Event(calendar, $"meeting-2024-07-09-town-council@{FeedFixture.Host}");
        Assert.Equal(new DateTime(2024, 7, 9, 18, 0, 0, DateTimeKind.Utc), july.DtStart!.AsUtc); // BST
        Assert.Null(july.DtEnd);
        Assert.Contains("Draft minutes", july.Description);

        // Announced by March and published since: one event, not two. Announced by July: on the calendar.
        Assert.Equal(3, calendar.Events.Count);
        var october = Event(calendar, $"meeting-2024-10-01-town-council@{FeedFixture.Host}");
        Assert.Equal(new DateTime(2024, 10, 1, 18, 0, 0, DateTimeKind.Utc), october.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2024, 10, 1, 20, 0, 0, DateTimeKind.Utc), october.DtEnd!.AsUtc);
        Assert.Equal("Town Hall", october.Location);
        Assert.Equal("Testbury Town Council meeting", october.Summary);

        // A body with no published meetings still has a valid calendar: its time zone and no events.
        var planning = Load(Built.Fixture, "calendar/bodies/planning.ics");
        Assert.Empty(planning.Events);
        Assert.Single(planning.TimeZones);
    }

    [Fact]
    public void The_files_follow_rfc_5545_line_rules()
    {
        foreach (var (path, bytes) in Built.Demo.MachineReadable().Concat(Built.Fixture.MachineReadable()).Where(f => f.Key.EndsWith(".ics", StringComparison.Ordinal)))
        {
            var text = Built.Site.Utf8(bytes);
            Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
            Assert.EndsWith("END:VCALENDAR\r\n", text);
            Assert.DoesNotContain("\r\n\r\n", text);
            var lines = text[..^2].Split("\r\n");
            foreach (var line in lines)
            {
                Assert.DoesNotContain("\n", line);
                Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{path}: a line of more than 75 octets: {line}");
            }
            Assert.Contains("VERSION:2.0", lines);
            Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
            Assert.Contains("BEGIN:VTIMEZONE", lines);
            Assert.Contains("TZID:Europe/London", lines);
            // Every event has the properties RFC 5545 requires.
            var events = text.Split("BEGIN:VEVENT").Skip(1).ToList();
            foreach (var e in events)
            {
                Assert.Contains("\r\nUID:", e);
                Assert.Contains("\r\nDTSTAMP:", e);
                Assert.Contains("\r\nDTSTART", e);
            }
        }
        var fixture = Built.Site.Utf8(Built.Fixture.Bytes("calendar/meetings.ics"));
        Assert.Contains("\r\nDTSTART;TZID=Europe/London:20240305T183000\r\n", fixture);
        Assert.Contains("\r\nDTEND;TZID=Europe/London:20240305T200000\r\n", fixture);
        Assert.Contains("\r\nDTSTAMP:20240305T000000Z\r\n", fixture);
        Assert.Contains("\r\nLOCATION:Hall \"A\"\\, <Room 1> & annex </script>\r\n", fixture);
    }
}
