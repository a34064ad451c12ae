using Quorum.Data;
using Quorum.Feeds;
using Quorum.Load;
using Quorum.Public;

namespace Quorum.Render;

/// <summary>Every page of the site with its template, model, title and breadcrumbs: the URL table of FORMAT.md in code.</summary>
static class PageList
{
    public static IReadOnlyList<SiteRenderer.Page> For(PublicArchive a, SiteUrls u)
    {
        var home = new Crumb("Home", u.Home);
        var membersCrumb = new Crumb("Members", u.Members);
        var actionsCrumb = new Crumb("Actions", u.Actions);
        var bodiesCrumb = new Crumb("Bodies", u.BasePath + "bodies/");
        var openActions = a.Actions.Where(x => x.IsOpen()).ToList();
        var since = RecentSince(a);
        // Four runs of pages made side by side (about 40 ms one after the other at 1,000 meetings, with a core idle),
        // then put together in this order, which is the order they are rendered and listed in sitemap.xml.
        List<SiteRenderer.Page> meetings = [], members = [], actions = [], rest = [];
        Parallel.Invoke(
            () => meetings = Meetings(a, u, home, openActions),
            () => members = Members(a, u, home, membersCrumb, since),
            () => actions = Actions(a, u, home, actionsCrumb, openActions, since),
            () => rest = Rest(a, u, home, bodiesCrumb, since));
        return [.. meetings, .. members, .. actions, .. rest];
    }

    static List<SiteRenderer.Page> Meetings(PublicArchive a, SiteUrls u, Crumb home, List<PublicAction> openActions)
    {
        var pages = new List<SiteRenderer.Page>(a.Meetings.Count + 2);
        pages.Add(new(u.Home, "home", new HomeModel(a.Site,
            a.Meetings.Reverse().Take(10).ToList(), openActions.AsEnumerable().Reverse().Take(15).ToList(), openActions.Count,
            a.Bodies, a.Decisions.Take(5).ToList(), a.Pages), a.Site.Title, "home", [], JsonLd: () => JsonLd.WebSite(a, u)));

        var years = a.Meetings.GroupBy(m => m.Date.Year).OrderByDescending(g => g.Key)
            .Select(g => new YearGroup(g.Key, g.OrderByDescending(m => m.Date).ThenBy(m => m.Slug, StringComparer.Ordinal).ToList())).ToList();
        pages.Add(new(u.Meetings, "meetings", new MeetingsModel(years, a.Meetings.Count), "Meetings", "meetings", [home]));
        foreach (var m in a.Meetings) pages.Add(Meeting(a, u, m));
        return pages;
    }

    static List<SiteRenderer.Page> Members(PublicArchive a, SiteUrls u, Crumb home, Crumb membersCrumb, DateOnly since)
    {
        var pages = new List<SiteRenderer.Page>(a.Members.Count + 1);
        pages.Add(new(u.Members, "members", new MembersModel(a.Members), "Members", "members", [home]));
        foreach (var m in a.Members)
        {
            var attendance = m.Attendance.OrderByDescending(x => x.Meeting.Date).ThenBy(x => x.Meeting.Slug, StringComparer.Ordinal).ToList();
            var counts = new AttendanceCounts(
                m.Attendance.Count(x => x.Group == AttendanceGroup.Present),
                m.Attendance.Count(x => x.Group == AttendanceGroup.InAttendance),
                m.Attendance.Count(x => x.Group == AttendanceGroup.Apologies));
            pages.Add(new(u.Member(m.Id), "member", new MemberModel(m, counts, attendance,
                m.ActionsOwned.Where(x => x.IsOpen()).ToList(),
                Recent<PublicAction>.Of(m.ActionsOwned.Where(x => !x.IsOpen()), x => x.LastChanged, since),
                Recent<PublicItem>.NewestFirst(m.MentionedIn, i => i.Meeting.Date, since),
                Recent<PublicDecision>.Of(m.DecisionsMentioning, d => d.Item.Meeting.Date, since)),
                m.Name, "members", [home, membersCrumb], m.Organisation is null ? null : $"{m.Name}, {m.Organisation}.", m.SourcePath,
                Feeds: FeedPaths.ForMember(m, u), JsonLd: () => JsonLd.Person(m, a.Site, u)));
        }
        return pages;
    }

    static List<SiteRenderer.Page> Actions(PublicArchive a, SiteUrls u, Crumb home, Crumb actionsCrumb, List<PublicAction> openActions, DateOnly since)
    {
        var pages = new List<SiteRenderer.Page>(a.Actions.Count + 1);
        // Each body's actions in the register's order, found in one pass rather than one pass of every action per body.
        var actionsOf = a.Actions.ToLookup(x => x.Meeting.Body);
        var byBody = a.Bodies.Select(b => new BodyActions(b,
                actionsOf[b].Where(x => x.IsOpen()).ToList(),
                Recent<PublicAction>.Of(actionsOf[b].Where(x => !x.IsOpen()), x => x.LastChanged, since)))
            .Where(b => b.Open.Count + b.Closed.Total > 0).ToList();
        pages.Add(new(u.Actions, "actions", new ActionsModel(byBody, openActions.Count, a.Actions.Count - openActions.Count, since),
            "Actions", "actions", [home]));
        foreach (var x in a.Actions)
            pages.Add(new(u.Action(x), "action", new ActionModel(x, x.IsOpen()), $"Action {x.Id}", "actions", [home, actionsCrumb]));
        return pages;
    }

    static List<SiteRenderer.Page> Rest(PublicArchive a, SiteUrls u, Crumb home, Crumb bodiesCrumb, DateOnly since)
    {
        var pages = new List<SiteRenderer.Page>();
        var recentDecisions = Recent<PublicDecision>.Of(a.Decisions, d => d.Item.Meeting.Date, since);
        var decisions = recentDecisions.Shown.GroupBy(d => d.Item.Meeting).Select(g => new MeetingDecisions(g.Key, g.ToList())).ToList();
        pages.Add(new(u.Decisions, "decisions", new DecisionsModel(decisions, recentDecisions.Shown.Count, recentDecisions.Earlier, since),
            "Decisions", "decisions", [home],
            Feeds: FeedPaths.ForDecisions(a.Site, u)));

        pages.Add(new(u.BasePath + "bodies/", "bodies", new BodiesModel(a.Bodies), "Bodies", "bodies", [home]));
        foreach (var b in a.Bodies)
        {
            var attendees = b.Meetings.SelectMany(m => m.Present.Concat(m.InAttendance)).Select(x => x.Member).Distinct()
                .OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
            pages.Add(new(u.Body(b.Id), "body", new BodyModel(b, b.Meetings.AsEnumerable().Reverse().ToList(),
                b.Roles.Select(r => new BodyMember(r.Member, r.Role)).OrderBy(r => r.Member.Name, StringComparer.Ordinal).ToList(), attendees),
                b.Name, "bodies", [home, bodiesCrumb], b.Description, b.SourcePath,
                Feeds: FeedPaths.ForBody(b, u), JsonLd: () => JsonLd.Body(b, a.Site, u)));
        }

        foreach (var p in a.Pages)
            pages.Add(new(u.Page(p.Slug), "page", new PageModel(p), p.Title, "page", [home], null, p.SourcePath));
        pages.Add(new(FeedPaths.Url(u, FeedPaths.DataPage), "data", DataPage.Model(a, u), DataPage.Title, "data", [home]));
        pages.Add(new(u.Search, "search", new EmptyModel(a.Site), "Search", "search", [home]));
        pages.Add(new(u.BasePath + "404.html", "404", new EmptyModel(a.Site), "Page not found", "", [], InSitemap: false, File: "404.html"));
        return pages;
    }

    /// <summary>
    /// Registers and members' pages list every open action, and what closed, was decided or was said on or after this
    /// date: a year before the newest minutes. The rest stays on the meetings' pages, in search and in /data/.
    /// </summary>
    public static DateOnly RecentSince(PublicArchive a) => (a.Meetings.Count > 0 ? a.Meetings.Max(m => m.Date) : a.BuildDate).AddYears(-1);

    /// <summary>One meeting's page, as in <see cref="For"/> (<c>quorum serve</c> renders the edited one before making the rest).</summary>
    public static SiteRenderer.Page Meeting(PublicArchive a, SiteUrls u, PublicMeeting m) =>
        new(u.Meeting(m.Slug), "meeting", new MeetingModel(m, m.Present.Count + m.InAttendance.Count + m.Apologies.Count > 0),
            m.Title, "meetings", [new Crumb("Home", u.Home), new Crumb("Meetings", u.Meetings)],
            $"Minutes of the {m.BodyName} meeting of {ThemeHelpers.LongDate(m.Date)}.", m.SourcePath,
            Feeds: FeedPaths.ForBody(m.Body, u), JsonLd: () => JsonLd.Meeting(m, a.Site, u));
}
