using Quorum.Load;

namespace Quorum.Resolve;

/// <summary>
/// The resolve phase: follows every id to what it names. It is forgiving (an unknown id is skipped, the first
/// of two duplicates wins) because reporting is the check phase's job, which runs over the same archive.
/// </summary>
public static class Resolver
{
    public static Archive Resolve(RawInput input)
    {
        var (bodies, members) = BodiesAndMembers(input);

        // Each meeting resolves by itself, so they do it side by side (one core was idle for resolve's 50 ms at
        // 1,000 meetings); what crosses meetings follows, in order.
        var ordered = InOrder(input.Meetings).ToArray();
        var own = new Meeting[ordered.Length];
        Parallel.For(0, ordered.Length, i => own[i] = ResolveOwn(ordered[i], bodies, members));
        var meetings = own.ToList();
        return AcrossMeetings(input, bodies, members, NameIndex(members.Values), meetings);
    }

    /// <summary>Bodies and members by id (the first of two with one id wins).</summary>
    internal static (Dictionary<string, Body> Bodies, Dictionary<string, Member> Members) BodiesAndMembers(RawInput input)
    {
        var bodies = new Dictionary<string, Body>(StringComparer.Ordinal);
        foreach (var b in input.Bodies) bodies.TryAdd(b.Id, new Body(b));
        var members = new Dictionary<string, Member>(StringComparer.Ordinal);
        foreach (var m in input.Members) members.TryAdd(m.Id, new Member(m));
        return (bodies, members);
    }

    /// <summary>Meetings oldest first (then by slug and file), the order every later phase takes them in.</summary>
    internal static IEnumerable<RawMeeting> InOrder(IEnumerable<RawMeeting> meetings) =>
        meetings.OrderBy(m => m.Date).ThenBy(m => m.Slug, StringComparer.Ordinal).ThenBy(m => m.SourcePath, StringComparer.Ordinal);

    /// <summary>
    /// What crosses meetings, from meetings resolved on their own (<see cref="ResolveOwn"/>): the first meeting to
    /// raise an id has it, and every update follows its id; then the archive.
    /// </summary>
    internal static Archive AcrossMeetings(RawInput input, Dictionary<string, Body> bodies, Dictionary<string, Member> members,
        Dictionary<string, Member> membersByName, List<Meeting> meetings)
    {
        var actions = new Dictionary<string, ActionRecord>(StringComparer.Ordinal);
        foreach (var meeting in meetings)
            foreach (var action in meeting.ActionsRaised)
                actions.TryAdd(action.Id, action);
        ResolveUpdates(meetings, actions);

        return new Archive
        {
            Site = input.Site,
            Bodies = bodies,
            Members = members,
            MembersByName = membersByName,
            Meetings = meetings,
            Actions = actions,
            Pages = input.Pages.OrderBy(p => p.Slug, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>What a meeting resolves to by itself: its body, attendance and the actions it raises (everything but its updates).</summary>
    internal static Meeting ResolveOwn(RawMeeting raw, IReadOnlyDictionary<string, Body> bodies, IReadOnlyDictionary<string, Member> members)
    {
        var meeting = new Meeting(raw, bodies.GetValueOrDefault(raw.Body.Value));
        foreach (var (group, a) in meeting.Raw.Attendance.All)
            if (members.TryGetValue(a.MemberId.Value, out var member) && meeting.Attendance.All(x => x.Member != member))
                meeting.Attendance.Add(new Attendee(member, group, a.Note));
        foreach (var r in meeting.Raw.Actions)
        {
            var action = new ActionRecord(r, meeting)
            {
                Item = r.Item is { } item ? meeting.AllItems.FirstOrDefault(i => i.Number == item.Value) : null,
            };
            action.Owners.AddRange(ResolveOwners(r, meeting, members));
            meeting.ActionsRaised.Add(action);
        }
        return meeting;
    }

    /// <summary>Each meeting's updates to the actions they name (the first meeting to raise an id has it), oldest first.</summary>
    internal static void ResolveUpdates(IReadOnlyList<Meeting> meetings, IReadOnlyDictionary<string, ActionRecord> actions)
    {
        foreach (var meeting in meetings)
            foreach (var update in meeting.Raw.Updates)
            {
                var action = actions.GetValueOrDefault(update.ActionId.Value);
                meeting.Updates.Add((update, action));
                action?.Updates.Add(new ActionUpdate(meeting, update));
            }
    }

    static IEnumerable<Member> ResolveOwners(RawAction raw, Meeting meeting, IReadOnlyDictionary<string, Member> members)
    {
        var seen = new HashSet<Member>();
        foreach (var owner in raw.Owners)
        {
            var list = owner.Value == Owners.All
                ? meeting.Attendance.Where(a => a.Group == AttendanceGroup.Present).Select(a => a.Member)
                : members.TryGetValue(owner.Value, out var m) ? [m] : [];
            foreach (var member in list)
                if (seen.Add(member)) yield return member;
        }
    }

    /// <summary>Names and aliases that identify exactly one member; the check phase reports the ambiguous ones.</summary>
    public static Dictionary<string, Member> NameIndex(IEnumerable<Member> members)
    {
        var claims = new Dictionary<string, HashSet<Member>>(StringComparer.Ordinal);
        foreach (var m in members)
            foreach (var name in m.Raw.Aliases.Select(a => a.Value).Prepend(m.Name))
            {
                if (!claims.TryGetValue(name, out var set)) claims[name] = set = [];
                set.Add(m);
            }
        return claims.Where(c => c.Value.Count == 1).ToDictionary(c => c.Key, c => c.Value.First(), StringComparer.Ordinal);
    }
}
