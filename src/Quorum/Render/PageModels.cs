using Quorum.Load;
using Quorum.Public;

namespace Quorum.Render;

// What each template receives. Built from the public archive only; lists are pre-sorted here so templates stay
// free of logic.

public sealed record Crumb(string Title, string Url);

public sealed record LayoutModel(
    PublicSite Site,
    string Title,
    string? Description,
    string CanonicalUrl,
    string Section,
    IReadOnlyList<Crumb> Breadcrumbs,
    string? EditPath,
    IReadOnlyList<PublicPage> Pages,
    string BodyHtml,
    bool NoIndex,
    IReadOnlyList<Quorum.Feeds.FeedLink>? Feeds = null,
    string? JsonLdHtml = null);

public sealed record YearGroup(int Year, IReadOnlyList<PublicMeeting> Meetings);

public sealed record HomeModel(PublicSite Site, IReadOnlyList<PublicMeeting> LatestMeetings, IReadOnlyList<PublicAction> OpenActions,
    int OpenActionCount, IReadOnlyList<PublicBody> Bodies, IReadOnlyList<PublicDecision> LatestDecisions, IReadOnlyList<PublicPage> Pages);

public sealed record MeetingsModel(IReadOnlyList<YearGroup> Years, int Count);

public sealed record MeetingModel(PublicMeeting Meeting, bool HasAttendance);

public sealed record MembersModel(IReadOnlyList<PublicMember> Members);

public sealed record AttendanceCounts(int Present, int InAttendance, int Apologies);

public sealed record MemberModel(PublicMember Member, AttendanceCounts Counts, IReadOnlyList<PublicAttendance> Attendance,
    IReadOnlyList<PublicAction> OpenActions, Recent<PublicAction> ClosedActions, Recent<PublicItem> MentionedIn, Recent<PublicDecision> Decisions);

/// <summary>
/// The part of a growing list a page shows: what changed in the year to the newest minutes (<see cref="Since"/> on),
/// and how many earlier entries it leaves to their meetings' pages, search and the data files. Registers that listed
/// everything grew with the archive (a decade of actions was a 39 MB page).
/// </summary>
public sealed record Recent<T>(IReadOnlyList<T> Shown, int Earlier, DateOnly Since)
{
    public int Total => Shown.Count + Earlier;

    public static Recent<T> Of(IEnumerable<T> all, Func<T, DateOnly> date, DateOnly since)
    {
        var list = all.ToList();
        var shown = list.Where(x => date(x) >= since).ToList();
        return new(shown, list.Count - shown.Count, since);
    }

    /// <summary>As <see cref="Of"/> of the list sorted newest first (a stable sort): only the entries shown are sorted.</summary>
    public static Recent<T> NewestFirst(IReadOnlyList<T> all, Func<T, DateOnly> date, DateOnly since)
    {
        var shown = all.Where(x => date(x) >= since).OrderByDescending(date).ToList();
        return new(shown, all.Count - shown.Count, since);
    }
}

public sealed record BodyActions(PublicBody Body, IReadOnlyList<PublicAction> Open, Recent<PublicAction> Closed);

public sealed record ActionsModel(IReadOnlyList<BodyActions> Bodies, int OpenCount, int ClosedCount, DateOnly Since)
{
    public int EarlierClosedCount => Bodies.Sum(b => b.Closed.Earlier);
}

public sealed record ActionModel(PublicAction Action, bool IsOpen);

public sealed record MeetingDecisions(PublicMeeting Meeting, IReadOnlyList<PublicDecision> Decisions);

public sealed record DecisionsModel(IReadOnlyList<MeetingDecisions> Meetings, int Count, int EarlierCount, DateOnly Since);

public sealed record BodyMember(PublicMember Member, PublicRole Role);

public sealed record BodyModel(PublicBody Body, IReadOnlyList<PublicMeeting> Meetings, IReadOnlyList<BodyMember> Roles, IReadOnlyList<PublicMember> Attendees);

public sealed record BodiesModel(IReadOnlyList<PublicBody> Bodies);

public sealed record PageModel(PublicPage Page);

public sealed record EmptyModel(PublicSite Site);

static class PageModelExtensions
{
    public static bool IsOpen(this PublicAction a) => a.Status == ActionStatus.Open;
}
