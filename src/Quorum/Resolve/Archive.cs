using Quorum.Load;

namespace Quorum.Resolve;

// The resolve phase's output: the whole archive with references followed. It still holds exempt content;
// only the redact phase reads it to make the public archive, which is all that rendering ever sees.

public sealed class Archive
{
    public required RawSiteConfig Site { get; init; }
    public required IReadOnlyDictionary<string, Body> Bodies { get; init; }
    public required IReadOnlyDictionary<string, Member> Members { get; init; }
    /// <summary>Every name and alias to its member (only those that name exactly one member).</summary>
    public required IReadOnlyDictionary<string, Member> MembersByName { get; init; }
    /// <summary>Oldest first; same-day meetings by slug.</summary>
    public required IReadOnlyList<Meeting> Meetings { get; init; }
    public required IReadOnlyDictionary<string, ActionRecord> Actions { get; init; }
    public required IReadOnlyList<RawPage> Pages { get; init; }
}

public sealed class Body(RawBody raw)
{
    public RawBody Raw { get; } = raw;
    public string Id => Raw.Id;

    /// <summary>The name in use on a date: a former name covers every date up to and including its <c>until</c>.</summary>
    public string NameOn(DateOnly date)
    {
        foreach (var former in Raw.FormerNames.OrderBy(f => f.Until))
            if (date <= former.Until) return former.Name;
        return Raw.Name;
    }
}

public sealed class Member(RawMember raw)
{
    public RawMember Raw { get; } = raw;
    public string Id => Raw.Id;
    public string Name => Raw.Name;
}

public sealed record Attendee(Member Member, AttendanceGroup Group, string? Note);

public sealed class Meeting(RawMeeting raw, Body? body)
{
    public RawMeeting Raw { get; } = raw;
    public Body? Body { get; } = body;
    public string Slug => Raw.Slug;
    public DateOnly Date => Raw.Date;
    public List<Attendee> Attendance { get; } = [];
    public List<ActionRecord> ActionsRaised { get; } = [];
    /// <summary>This meeting's updates, each with the action it is about when that action is in the input.</summary>
    public List<(RawUpdate Update, ActionRecord? Action)> Updates { get; } = [];

    public string BodyName => Body?.NameOn(Date) ?? Raw.Body.Value;
    public string Title => Raw.Title ?? $"{BodyName} — {Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Every item and sub-item, in order.</summary>
    public IEnumerable<RawItem> AllItems => Raw.Items.SelectMany(i => i.SubItems.Prepend(i));
}

public sealed record ActionUpdate(Meeting Meeting, RawUpdate Update);

public sealed class ActionRecord(RawAction raw, Meeting meeting)
{
    public RawAction Raw { get; } = raw;
    public Meeting Meeting { get; } = meeting;
    public string Id => Raw.Id.Value;
    public string Slug => Ids.ActionSlug(Id);

    /// <summary>The item it arose under, when <c>item:</c> names one of its meeting's items.</summary>
    public RawItem? Item { get; set; }

    /// <summary>Owners with <c>all</c> expanded to every member present.</summary>
    public List<Member> Owners { get; } = [];

    /// <summary>Updates from later meetings, oldest first.</summary>
    public List<ActionUpdate> Updates { get; } = [];
}
