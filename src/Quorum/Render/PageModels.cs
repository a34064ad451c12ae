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
    IReadOnlyList<PublicAction> OpenActions, IReadOnlyList<PublicAction> ClosedActions,
    IReadOnlyList<PublicItem> MentionedIn, IReadOnlyList<PublicDecision> Decisions);

public sealed record BodyActions(PublicBody Body, IReadOnlyList<PublicAction> Open, IReadOnlyList<PublicAction> Closed);

public sealed record ActionsModel(IReadOnlyList<BodyActions> Bodies, int OpenCount, int ClosedCount);

public sealed record ActionModel(PublicAction Action, bool IsOpen);

public sealed record MeetingDecisions(PublicMeeting Meeting, IReadOnlyList<PublicDecision> Decisions);

public sealed record DecisionsModel(IReadOnlyList<MeetingDecisions> Meetings, int Count);

public sealed record BodyMember(PublicMember Member, PublicRole Role);

public sealed record BodyModel(PublicBody Body, IReadOnlyList<PublicMeeting> Meetings, IReadOnlyList<BodyMember> Roles, IReadOnlyList<PublicMember> Attendees);

public sealed record BodiesModel(IReadOnlyList<PublicBody> Bodies);

public sealed record PageModel(PublicPage Page);

public sealed record EmptyModel(PublicSite Site);

static class PageModelExtensions
{
    public static bool IsOpen(this PublicAction a) => a.Status == ActionStatus.Open;
}
