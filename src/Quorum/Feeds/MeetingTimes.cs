using System.Globalization;
using NodaTime;
using Quorum.Public;

namespace Quorum.Feeds;

/// <summary>
/// Meeting times are local times in the UK ("HH:MM" in the minutes). This turns them into instants with the right
/// offset (GMT or BST) from the time zone database NodaTime carries, so the result never depends on the machine.
/// </summary>
public static class MeetingTimes
{
    public const string TimeZoneId = "Europe/London";
    static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb[TimeZoneId];

    public static TimeOnly? Parse(string? time) =>
        TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>Start and end as local date-times, each null when the minutes give no such time. An end at or before the start is taken to be on the next day.</summary>
    public static (DateTime? Start, DateTime? End) Local(DateOnly date, string? start, string? end)
    {
        DateTime? from = Parse(start) is { } s ? date.ToDateTime(s) : null;
        DateTime? to = Parse(end) is { } e ? date.ToDateTime(e) : null;
        if (from is not null && to <= from) to = to.Value.AddDays(1);
        return (from, to);
    }

    public static DateTimeOffset InLondon(DateTime local) =>
        LocalDateTime.FromDateTime(local).InZoneLeniently(London).ToDateTimeOffset();

    /// <summary>ISO 8601 with the offset of the day: <c>2009-07-02T10:00:00+01:00</c>.</summary>
    public static string? Iso(DateTime? local) =>
        local is { } l ? InLondon(l).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : null;

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The body's name on a date: a former name up to and including its last day, else the current name.</summary>
    public static string BodyNameOn(PublicBody body, DateOnly date) =>
        body.FormerNames.OrderBy(f => f.Until).FirstOrDefault(f => date <= f.Until)?.Name ?? body.Name;
}
