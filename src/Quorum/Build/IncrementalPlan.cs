using Quorum.Public;
using Quorum.Render;

namespace Quorum.Build;

/// <summary>
/// Which pages a change to some meeting files can alter, worked out from what the pages show (the page models of
/// <c>PageList</c> and the default theme's templates). Meeting, member and action pages are rendered only when named
/// here; every other page (home, the registers, body pages, free pages, data, search, 404) is always re-rendered, as are
/// the feeds, calendars, data files, search index and sitemap. Each changed meeting is looked at as it was before the
/// change (in the <see cref="PlanSnapshot"/> of the last good build) and as it is after, so whatever it stops naming is
/// covered too. When the change reaches further than this can tell (an action id appears or disappears, so cross-links
/// in any minutes change), the answer is "everything".
/// </summary>
static class IncrementalPlan
{
    /// <summary>Template names of the pages rendered only when affected; the rest are rendered on every rebuild.</summary>
    public static readonly HashSet<string> EntityTemplates = new(["meeting", "member", "action"], StringComparer.Ordinal);

    /// <summary>The URLs of the meeting, member and action pages to re-render, or null for every page.</summary>
    public static HashSet<string>? AffectedUrls(PlanSnapshot before, PublicArchive after, IReadOnlyCollection<string> changedMeetingSlugs)
    {
        var now = PlanSnapshot.Signature(after);
        if (before.Site != after.Site || before.RecentSince != now.RecentSince || !before.Members.SequenceEqual(now.Members, StringComparer.Ordinal) ||
            !before.Bodies.SequenceEqual(now.Bodies, StringComparer.Ordinal) || !before.ActionIds.SequenceEqual(now.ActionIds, StringComparer.Ordinal))
            return null;

        var urls = new SiteUrls(after.Site.BasePath);
        var affected = new HashSet<string>(StringComparer.Ordinal);
        var changed = changedMeetingSlugs.ToHashSet(StringComparer.Ordinal);
        foreach (var slug in changed)
            if (before.Dependents.TryGetValue(slug, out var old)) affected.UnionWith(old);
        foreach (var m in after.Meetings.Where(m => changed.Contains(m.Slug)))
            affected.UnionWith(Dependents(m, MentionedMembers(m), urls));
        return affected;
    }

    /// <summary>The meeting, member and action pages that show something of this meeting.</summary>
    public static IEnumerable<string> Dependents(PublicMeeting m, IEnumerable<string> mentionedMemberIds, SiteUrls urls)
    {
        // Its page, and its neighbours' (their "previous/next meeting" links show its title and date).
        yield return urls.Meeting(m.Slug);
        if (m.Previous is not null) yield return urls.Meeting(m.Previous.Slug);
        if (m.Next is not null) yield return urls.Meeting(m.Next.Slug);
        // Who it names: attendance, and mentions in the minutes (decisions are inside items).
        foreach (var a in m.Present.Concat(m.InAttendance).Concat(m.Apologies)) yield return urls.Member(a.Member.Id);
        foreach (var id in mentionedMemberIds) yield return urls.Member(id);
        // The actions it raises: their pages, their owners' pages (action cards), and the meetings that update them
        // (whose progress cards link to them and may withhold their notes).
        foreach (var action in m.ActionsRaised)
        {
            yield return urls.Action(action);
            foreach (var owner in action.Owners) yield return urls.Member(owner.Id);
            foreach (var update in action.Timeline) yield return urls.Meeting(update.Meeting.Slug);
        }
        // The earlier actions it updates: their pages (timeline), the meetings that raised them and their owners'
        // pages (both show the action's status).
        foreach (var update in m.Updates)
        {
            if (update.Action is not { } action) continue;
            yield return urls.Action(action);
            yield return urls.Meeting(action.Meeting.Slug);
            foreach (var owner in action.Owners) yield return urls.Member(owner.Id);
        }
    }

    /// <summary>The members whose names the redactor linked in the meeting's items: what members' "mentions" and "decisions" lists are made of.</summary>
    static IEnumerable<string> MentionedMembers(PublicMeeting m) =>
        m.AllItems.SelectMany(i => i.MentionedMembers).Distinct(StringComparer.Ordinal);
}

/// <summary>
/// What the plan needs to remember of the last good build: enough to tell what a change reaches, so that the archive
/// itself can be let go before the next redact (a dev server holds one archive at a time, not two).
/// </summary>
sealed class PlanSnapshot
{
    public required PublicSite Site { get; init; }
    public required string[] Members { get; init; }
    public required string[] Bodies { get; init; }
    public required string[] ActionIds { get; init; }
    /// <summary>Where registers' and members' lists start (<see cref="PageList.RecentSince"/>): when it moves, they all change.</summary>
    public required DateOnly RecentSince { get; init; }
    /// <summary>For each meeting slug, the URLs of the pages that show something of it.</summary>
    public required Dictionary<string, string[]> Dependents { get; init; }

    public static PlanSnapshot Of(PublicArchive archive)
    {
        var urls = new SiteUrls(archive.Site.BasePath);
        var signature = Signature(archive);
        // Who each meeting mentions, from the members' lists (made from the same links, cheaper than walking every document).
        var mentions = new Dictionary<PublicMeeting, List<string>>();
        foreach (var member in archive.Members)
            foreach (var meeting in member.MentionedIn.Select(i => i.Meeting).Concat(member.DecisionsMentioning.Select(d => d.Item.Meeting)).Distinct())
            {
                if (!mentions.TryGetValue(meeting, out var list)) mentions[meeting] = list = [];
                list.Add(member.Id);
            }
        var dependents = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var m in archive.Meetings)
            dependents[m.Slug] = IncrementalPlan.Dependents(m, mentions.GetValueOrDefault(m) ?? [], urls).Distinct(StringComparer.Ordinal).ToArray();
        return new PlanSnapshot
        {
            Site = archive.Site, Members = signature.Members, Bodies = signature.Bodies, ActionIds = signature.ActionIds, RecentSince = signature.RecentSince,
            Dependents = dependents,
        };
    }

    /// <summary>What every page can depend on: members' and bodies' ids and names, which action ids exist (cross-links), and where the lists of recent entries start.</summary>
    internal static (string[] Members, string[] Bodies, string[] ActionIds, DateOnly RecentSince) Signature(PublicArchive a) =>
        (a.Members.Select(m => m.Id + "\n" + m.Name).ToArray(),
         a.Bodies.Select(b => b.Id + "\n" + b.Name).ToArray(),
         a.Actions.Select(x => x.Id).Order(StringComparer.Ordinal).ToArray(),
         PageList.RecentSince(a));
}
