using Quorum.Diagnostics;
using Quorum.Load;
using Quorum.Resolve;

namespace Quorum.Check;

/// <summary>
/// <see cref="Checker.Check"/> for <c>quorum serve</c>, which checks the archive again after every save. The rules about
/// one meeting alone (<see cref="Checker.Meeting"/>) depend only on its file's record and the bodies and members: while
/// those are the very records of the last check (the <see cref="LoadCache"/> hands back the same object for a file that
/// did not change, and the <see cref="IncrementalResolver"/> the same dictionaries while no body or member changed), a
/// meeting's diagnostics and its actions' slugs are those of the last check. The rules across meetings run over the
/// whole archive every time; so do those about members while any body or member changed. The report is the one
/// <see cref="Checker.Check"/> makes of the same archive (diagnostics are sorted, so the order of finding them is moot).
/// </summary>
public sealed class IncrementalChecker
{
    sealed record Entry(Diagnostic[] Diagnostics, string[] ActionSlugs);

    object? _bodies;
    object? _members;
    object? _membersByName;
    Dictionary<RawMeeting, Entry> _meetings = new(ReferenceEqualityComparer.Instance);
    Diagnostic[] _memberDiagnostics = [];
    string[] _actionIds = [];
    ILookup<string, string>? _actionIdsByDigits;

    /// <summary>How many meetings the last check took from the one before (the rest were checked afresh).</summary>
    public int LastReused { get; private set; }

    public void Check(Archive archive, DiagnosticBag d)
    {
        Checker.Context? context = null;
        Checker.Context Context() => context ??= new Checker.Context(archive);
        if (!ReferenceEquals(archive.Bodies, _bodies) || !ReferenceEquals(archive.Members, _members) || !ReferenceEquals(archive.MembersByName, _membersByName))
        {
            _meetings = new Dictionary<RawMeeting, Entry>(ReferenceEqualityComparer.Instance);
            var own = new DiagnosticBag();
            Checker.Members(archive, Context(), own);
            _memberDiagnostics = own.Sorted().ToArray();
            (_bodies, _members, _membersByName) = (archive.Bodies, archive.Members, archive.MembersByName);
        }
        foreach (var diagnostic in _memberDiagnostics) d.Add(diagnostic);

        var next = new Dictionary<RawMeeting, Entry>(archive.Meetings.Count, ReferenceEqualityComparer.Instance);
        var reused = 0;
        foreach (var meeting in archive.Meetings)
        {
            if (_meetings.TryGetValue(meeting.Raw, out var entry)) reused++;
            else
            {
                var own = new DiagnosticBag();
                Checker.Meeting(meeting, Context(), own);
                entry = new Entry(own.Sorted().ToArray(), Checker.ActionSlugs(meeting));
            }
            next[meeting.Raw] = entry;
            foreach (var diagnostic in entry.Diagnostics) d.Add(diagnostic);
        }
        _meetings = next;
        LastReused = reused;

        Checker.AcrossMeetings(archive, d, m => next[m.Raw].ActionSlugs, () => ActionIdsByDigits(archive));
        Checker.Pages(archive, d);
    }

    /// <summary><see cref="Checker.ActionIdsByDigits"/>, kept while the action ids are the same.</summary>
    ILookup<string, string> ActionIdsByDigits(Archive archive)
    {
        var same = _actionIdsByDigits is not null && _actionIds.Length == archive.Actions.Count;
        if (same)
        {
            var i = 0;
            foreach (var id in archive.Actions.Keys)
                if (!string.Equals(id, _actionIds[i++], StringComparison.Ordinal))
                {
                    same = false;
                    break;
                }
        }
        if (!same)
        {
            _actionIds = archive.Actions.Keys.ToArray();
            _actionIdsByDigits = Checker.ActionIdsByDigits(archive);
        }
        return _actionIdsByDigits!;
    }
}
