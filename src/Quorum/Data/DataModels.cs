namespace Quorum.Data;

// The shapes of the JSON downloads. Property names are written in snake_case (Popolo's convention), using
// Popolo's and OParl's names where they fit: a Person has other_names and memberships, an Organization
// other_names with end_date, a Meeting name, start, end and location. Every property is always written (null when
// unknown or withheld) so each file has one fixed shape, described by its JSON Schema in data/schemas/.

/// <summary>The object every JSON download is: who published it, under which licence, and the records.</summary>
/// <remarks><see cref="Data"/> is made as it is written: a decade's actions are tens of thousands of records.</remarks>
public sealed record DataFileEnvelope<T>(string Title, string Source, string License, string LicenseName, string Schema, IEnumerable<T> Data);

public sealed record ExemptionData(string Ground, string? Until);

public sealed record AgendaItemData(string Number, string Title, string Anchor, string Url, string? Parent, bool Withheld, ExemptionData? Exemption);

public sealed record DecisionData(string Item, string Anchor, string Url, string Text);

public sealed record AttendeeData(string PersonId, string? Note);

public sealed record AttendanceData(IReadOnlyList<AttendeeData> Present, IReadOnlyList<AttendeeData> InAttendance, IReadOnlyList<AttendeeData> Apologies);

public sealed record NextMeetingData(string Date, string? Start, string? End, string? Location);

public sealed record MeetingData(
    string Id,
    string Slug,
    string Url,
    string Name,
    string? Number,
    string OrganizationId,
    string OrganizationName,
    string Date,
    string? Start,
    string? End,
    string? Location,
    string Status,
    IReadOnlyList<AgendaItemData> AgendaItems,
    IReadOnlyList<DecisionData> Decisions,
    AttendanceData Attendance,
    IReadOnlyList<string> ActionIds,
    NextMeetingData? NextMeeting);

public sealed record OtherNameData(string Name, string? EndDate = null);

public sealed record PersonMembershipData(string OrganizationId, string OrganizationName, string Role, string? StartDate, string? EndDate);

public sealed record PersonData(
    string Id,
    string Name,
    IReadOnlyList<OtherNameData> OtherNames,
    string Url,
    string? Affiliation,
    string? Biography,
    IReadOnlyList<PersonMembershipData> Memberships,
    string ActionsFeed);

public sealed record OrganizationMembershipData(string PersonId, string Role, string? StartDate, string? EndDate);

public sealed record LinkData(string Url, string Note);

public sealed record OrganizationData(
    string Id,
    string Name,
    IReadOnlyList<OtherNameData> OtherNames,
    string? Description,
    string Url,
    IReadOnlyList<OrganizationMembershipData> Memberships,
    IReadOnlyList<string> MeetingIds,
    IReadOnlyList<LinkData> Links);

public sealed record ActionUpdateData(string MeetingId, string Date, string? Status, string? Note, bool NoteWithheld);

public sealed record ActionData(
    string Id,
    string Slug,
    string Url,
    string MeetingId,
    string MeetingDate,
    string OrganizationId,
    string? Item,
    string? Text,
    IReadOnlyList<string> OwnerIds,
    string? DueDate,
    string Status,
    bool Withheld,
    ExemptionData? Exemption,
    IReadOnlyList<ActionUpdateData> Updates);
