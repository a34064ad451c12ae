using System.Text.RegularExpressions;
using Quorum.Diagnostics;
using Quorum.Load;
using Quorum.Resolve;

namespace Quorum.Check;

/// <summary>The check phase: every rule over the resolved archive, reporting all problems in one run.</summary>
public static partial class Checker
{
    /// <summary>Top-level paths of the URL table (and of feeds and data), which a free page's slug must not take.</summary>
    public static readonly string[] ReservedSlugs =
        ["meetings", "members", "actions", "decisions", "bodies", "search", "assets", "data", "feeds", "calendar", "404", "sitemap", "robots"];

    public static void Check(Archive archive, DiagnosticBag d)
    {
        var context = new Context(archive);
        // Each meeting's own rules, and its actions' slugs (a regular expression each: 12,575 at 1,000 meetings), on
        // every core: the diagnostics are sorted before they are shown, so the order they are found in is no matter.
        var slugs = new string[archive.Meetings.Count][];
        Parallel.For(0, archive.Meetings.Count, i =>
        {
            Meeting(archive.Meetings[i], context, d);
            slugs[i] = ActionSlugs(archive.Meetings[i]);
        });
        var slugsOf = archive.Meetings.Zip(slugs).ToDictionary(p => p.First, p => p.Second);
        AcrossMeetings(archive, d, m => slugsOf[m], () => ActionIdsByDigits(archive));
        Members(archive, context, d);
        Pages(archive, d);
    }

    /// <summary>What the rules of one meeting look up besides the meeting: the ids of bodies and members, and members' names.</summary>
    internal sealed class Context(Archive archive)
    {
        public Archive Archive { get; } = archive;
        public List<string> BodyIds { get; } = archive.Bodies.Keys.ToList();
        public List<string> MemberIds { get; } = archive.Members.Keys.ToList();
    }

    /// <summary>
    /// Every rule about one meeting alone, given the bodies and members (<see cref="Context"/>): its body, the members it
    /// names, the items its actions arose under, its attendance, its action ids' numbering and its item numbers.
    /// </summary>
    internal static void Meeting(Meeting meeting, Context context, DiagnosticBag d)
    {
        var archive = context.Archive;
        var raw = meeting.Raw;
        HashSet<string>? itemNumbers = null;
        if (meeting.Body is null)
            d.Error(DiagnosticCodes.UnknownBody, raw.Body.Location,
                $"unknown body '{raw.Body.Value}'{Suggestions.DidYouMean(raw.Body.Value, context.BodyIds)}" +
                (context.BodyIds.Count == 0 ? "; add it as bodies/" + raw.Body.Value + ".yml" : ""));
        foreach (var (_, a) in raw.Attendance.All) Member(a.MemberId, context.MemberIds, archive, d);
        foreach (var action in raw.Actions)
        {
            foreach (var owner in action.Owners)
                if (owner.Value != Owners.All) Member(owner, context.MemberIds, archive, d);
            if (action.Item is { } item && !(itemNumbers ??= meeting.AllItems.Select(i => i.Number).ToHashSet(StringComparer.Ordinal)).Contains(item.Value))
                // A warning: FORMAT.md's own example does this (its minutes are abridged), and the action is
                // still published, only without a link to its item.
                d.Warning(DiagnosticCodes.UnknownItem, item.Location,
                    $"action {action.Id.Value} arose under item '{item.Value}', but this meeting has no such item" +
                    Suggestions.DidYouMean(item.Value, meeting.AllItems.Select(i => i.Number)) + "; it is published without an item link");
        }
        Attendance(meeting, d);
        Outliers(raw.Actions, d);
        Items(meeting, d);
    }

    /// <summary>
    /// The rules across meetings: updates to actions no meeting raised, action ids used twice or sharing a page, and
    /// meeting files sharing a URL. <paramref name="actionSlugs"/> gives each meeting's actions' slugs, in order.
    /// </summary>
    internal static void AcrossMeetings(Archive archive, DiagnosticBag d, Func<Meeting, string[]> actionSlugs, Func<ILookup<string, string>> actionIdsByDigits)
    {
        ILookup<string, string>? byDigits = null; // made when first needed
        var firstById = new Dictionary<string, RawAction>(archive.Actions.Count, StringComparer.Ordinal);
        var firstBySlug = new Dictionary<string, RawAction>(archive.Actions.Count, StringComparer.Ordinal);
        var firstMeeting = new Dictionary<string, RawMeeting>(archive.Meetings.Count, StringComparer.Ordinal);
        foreach (var meeting in archive.Meetings)
        {
            foreach (var (update, action) in meeting.Updates)
                if (action is null)
                    d.Warning(DiagnosticCodes.UnknownAction, update.ActionId.Location,
                        $"update to action '{update.ActionId.Value}', which no meeting in the input raised" +
                        Suggestions.DidYouMean(update.ActionId.Value, (byDigits ??= actionIdsByDigits())[Digits(update.ActionId.Value)]) +
                        " (fine if it was raised at a meeting that is not in the input)");

            var actions = meeting.Raw.Actions;
            string[]? slugs = null;
            for (var i = 0; i < actions.Count; i++)
            {
                var action = actions[i];
                var id = action.Id.Value;
                if (firstById.TryGetValue(id, out var earlier))
                {
                    d.Error(DiagnosticCodes.DuplicateActionId, action.Id.Location,
                        $"action id '{id}' is already used at {earlier.Id.Location}; action ids are unique across the whole input");
                    continue;
                }
                firstById[id] = action;
                var slug = (slugs ??= actionSlugs(meeting))[i];
                if (slug.Length == 0)
                    d.Error(DiagnosticCodes.InvalidValue, action.Id.Location, $"action id '{id}' needs at least one letter or digit");
                else if (firstBySlug.TryGetValue(slug, out var same))
                    d.Error(DiagnosticCodes.DuplicateSlug, action.Id.Location,
                        $"action ids '{id}' and '{same.Id.Value}' ({same.Id.Location}) would share the page /actions/{slug}/");
                else firstBySlug[slug] = action;
            }

            if (firstMeeting.TryGetValue(meeting.Slug, out var other))
                d.Error(DiagnosticCodes.DuplicateSlug, meeting.Raw.Location,
                    $"two meeting files are named '{meeting.Slug}.md' ({other.SourcePath}); both would publish at /meetings/{meeting.Slug}/");
            else firstMeeting[meeting.Slug] = meeting.Raw;
        }
    }

    /// <summary>The slugs (page names) of a meeting's actions, in order.</summary>
    internal static string[] ActionSlugs(Meeting meeting) => meeting.Raw.Actions.Select(a => Ids.ActionSlug(a.Id.Value)).ToArray();

    /// <summary>Action ids by their digits, for suggestions (ids that differ in their digits are different actions, not typos of each other).</summary>
    internal static ILookup<string, string> ActionIdsByDigits(Archive archive) => archive.Actions.Keys.ToLookup(Digits, StringComparer.Ordinal);

    /// <summary>The rules about members alone: the bodies their roles name, and names and aliases that would name two members.</summary>
    internal static void Members(Archive archive, Context context, DiagnosticBag d)
    {
        foreach (var member in archive.Members.Values)
            foreach (var role in member.Raw.Roles)
            {
                if (!archive.Bodies.ContainsKey(role.Body.Value))
                    d.Error(DiagnosticCodes.UnknownBody, role.Body.Location,
                        $"unknown body '{role.Body.Value}'{Suggestions.DidYouMean(role.Body.Value, context.BodyIds)}");
                if (role.From is { } from && role.Until is { } until && until < from)
                    d.Error(DiagnosticCodes.InvalidValue, role.Body.Location, $"the role '{role.Role}' ends ({until:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
            }
        Names(archive, d);
    }

    static void Member(Located<string> id, List<string> memberIds, Archive archive, DiagnosticBag d)
    {
        if (archive.Members.ContainsKey(id.Value)) return;
        // Editors often write the name instead of the id: point them at the id.
        var byName = archive.MembersByName.GetValueOrDefault(id.Value);
        var hint = byName is not null ? $"; '{id.Value}' is the name of member '{byName.Id}': use the id"
            : Suggestions.DidYouMean(id.Value, memberIds);
        d.Error(DiagnosticCodes.UnknownMember, id.Location, $"unknown member '{id.Value}'{hint}");
    }

    static void Attendance(Meeting meeting, DiagnosticBag d)
    {
        var first = new Dictionary<string, (AttendanceGroup Group, SourceLocation At)>(StringComparer.Ordinal);
        foreach (var (group, a) in meeting.Raw.Attendance.All)
        {
            if (first.TryGetValue(a.MemberId.Value, out var earlier))
                d.Error(DiagnosticCodes.DuplicateAttendee, a.MemberId.Location,
                    earlier.Group == group
                        ? $"'{a.MemberId.Value}' is listed twice under {GroupKey(group)} (first at line {earlier.At.Line})"
                        : $"'{a.MemberId.Value}' is both in {GroupKey(earlier.Group)} (line {earlier.At.Line}) and in {GroupKey(group)}; a person can be in one group only");
            else first[a.MemberId.Value] = (group, a.MemberId.Location);
        }
    }

    public static string GroupKey(AttendanceGroup g) => g switch
    {
        AttendanceGroup.Present => "present",
        AttendanceGroup.InAttendance => "in_attendance",
        _ => "apologies",
    };

    /// <summary>
    /// An action id whose prefix differs from all its meeting's others by a typo ("LF CIO 03/22" among
    /// "LG CIO 03/…") is an error: action ids become permanent URLs, so a typo published is a typo for ever.
    /// </summary>
    static void Outliers(IReadOnlyList<RawAction> actions, DiagnosticBag d)
    {
        if (actions.Count < 3) return;
        var prefixes = actions.Select(a => Prefix(a.Id.Value)).ToList();
        var majority = prefixes.GroupBy(p => p, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        if (majority.Count() * 2 <= actions.Count) return;
        for (var i = 0; i < actions.Count; i++)
        {
            var prefix = prefixes[i];
            if (prefix == majority.Key) continue;
            var distance = Suggestions.Distance(prefix, majority.Key);
            if (distance is 0 or > 2) continue;
            var id = actions[i].Id.Value;
            d.Error(DiagnosticCodes.ActionIdOutlier, actions[i].Id.Location,
                $"action id '{id}' does not follow the numbering of this meeting's other actions ('{majority.Key}…'); did you mean '{majority.Key + id[prefix.Length..]}'?");
        }
    }

    static string Prefix(string id) => TrailingNumber().Replace(id, "");

    /// <summary>The digits of an action id: ids that differ in their digits are different actions, not typos of each other.</summary>
    static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

    static void Names(Archive archive, DiagnosticBag d)
    {
        var owners = new Dictionary<string, (Member Member, SourceLocation At, bool IsName)>(StringComparer.Ordinal);
        foreach (var member in archive.Members.Values.OrderBy(m => m.Raw.SourcePath, StringComparer.Ordinal))
        {
            var mine = new HashSet<string>(StringComparer.Ordinal);
            var names = member.Raw.Aliases.Select(a => (a.Value, a.Location, IsName: false))
                .Prepend((member.Name, member.Raw.Location, IsName: true));
            foreach (var (name, at, isName) in names)
            {
                if (!mine.Add(name)) continue;
                if (owners.TryGetValue(name, out var other) && other.Member != member)
                {
                    var what = isName ? "name" : "alias";
                    d.Error(DiagnosticCodes.DuplicateAlias, at,
                        $"the {what} '{name}' is also {(other.IsName ? "the name" : "an alias")} of member '{other.Member.Id}' ({other.At}); " +
                        "a name or alias must identify exactly one member");
                }
                else owners.TryAdd(name, (member, at, isName));
            }
        }
    }

    static void Items(Meeting meeting, DiagnosticBag d)
    {
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var item in meeting.AllItems)
        {
            if (seen.TryGetValue(item.Number, out var first))
                d.Error(DiagnosticCodes.DuplicateItemNumber, item.Location,
                    $"item number {item.Number} is already used at line {first.Line}; each item needs its own number (its anchor is #{Markdown.Items.ItemHeading.AnchorFor(item.Number)})");
            else seen[item.Number] = item.Location;
        }
    }

    internal static void Pages(Archive archive, DiagnosticBag d)
    {
        foreach (var page in archive.Pages)
            if (Array.IndexOf(ReservedSlugs, page.Slug) >= 0)
                d.Error(DiagnosticCodes.DuplicateSlug, page.Location, $"the page '{page.Slug}' would take the site's own /{page.Slug}/; rename the file");
    }

    [GeneratedRegex(@"[0-9]+[A-Za-z]*$")]
    private static partial Regex TrailingNumber();
}
