using Quorum.Load;

namespace Quorum.Resolve;

/// <summary>
/// <see cref="Resolver.Resolve"/> for <c>quorum serve</c>, which resolves the archive again after every save: while
/// the bodies and members are the very records of the last resolve (the <see cref="LoadCache"/> hands back the same
/// object for a file that did not change), a meeting whose record is also the same keeps its resolved attendance and
/// actions, which depend on nothing else; only what crosses meetings (which meeting's action an id names, and so every
/// update) is worked out again. The result is what <see cref="Resolver.Resolve"/> makes of the same input.
/// </summary>
public sealed class IncrementalResolver
{
    RawBody[] _bodies = [];
    RawMember[] _members = [];
    Dictionary<string, Body>? _bodyById;
    Dictionary<string, Member>? _memberById;
    Dictionary<string, Member>? _membersByName;
    Dictionary<RawMeeting, Meeting> _meetings = new(ReferenceEqualityComparer.Instance);

    /// <summary>How many meetings the last resolve took from the one before (the rest were resolved afresh).</summary>
    public int LastReused { get; private set; }

    public Archive Resolve(RawInput input)
    {
        if (_bodyById is null || _memberById is null || _membersByName is null ||
            !SameRecords(_bodies, input.Bodies) || !SameRecords(_members, input.Members))
        {
            // Another body or member: every meeting's attendance and owners may resolve differently.
            _bodies = input.Bodies.ToArray();
            _members = input.Members.ToArray();
            (_bodyById, _memberById) = Resolver.BodiesAndMembers(input);
            _membersByName = Resolver.NameIndex(_memberById.Values);
            _meetings = new Dictionary<RawMeeting, Meeting>(ReferenceEqualityComparer.Instance);
        }
        var bodies = _bodyById;
        var members = _memberById;

        var next = new Dictionary<RawMeeting, Meeting>(input.Meetings.Count, ReferenceEqualityComparer.Instance);
        var reused = 0;
        var meetings = Resolver.InOrder(input.Meetings)
            .Select(raw =>
            {
                if (_meetings.TryGetValue(raw, out var meeting))
                {
                    reused++;
                    meeting.Updates.Clear();
                    foreach (var action in meeting.ActionsRaised) action.Updates.Clear();
                }
                else meeting = Resolver.ResolveOwn(raw, bodies, members);
                next[raw] = meeting;
                return meeting;
            })
            .ToList();
        _meetings = next;
        LastReused = reused;

        return Resolver.AcrossMeetings(input, bodies, members, _membersByName, meetings);
    }

    static bool SameRecords<T>(T[] before, IReadOnlyList<T> now) where T : class
    {
        if (before.Length != now.Count) return false;
        for (var i = 0; i < before.Length; i++)
            if (!ReferenceEquals(before[i], now[i])) return false;
        return true;
    }
}
