namespace Quorum.Data;

/// <summary>One download on the <c>/data/</c> page.</summary>
public sealed record DataFile(string Path, string Name, string Format, string Description);

/// <summary>Every data file the site publishes, in the order the <c>/data/</c> page lists them.</summary>
public static class DataCatalogue
{
    public static readonly DataFile Meetings = new("data/meetings.json", "Meetings", "JSON",
        "Every published meeting: body, date, times, venue, status, agenda items (withheld ones with their ground), decisions, attendance and actions raised.");
    public static readonly DataFile Members = new("data/members.json", "Members", "JSON",
        "Every person named in the minutes: name, other names, organisation, roles and biography.");
    public static readonly DataFile Bodies = new("data/bodies.json", "Bodies", "JSON",
        "Every committee or council: its name, former names, description, roles and meetings.");
    public static readonly DataFile Actions = new("data/actions.json", "Actions", "JSON",
        "Every action raised: owners, due date, status and the progress reported at later meetings.");
    public static readonly DataFile ActionsCsv = new("data/actions.csv", "Actions", "CSV",
        "The actions register as a spreadsheet: one row per action, with its latest update.");
    public static readonly DataFile AttendanceCsv = new("data/attendance.csv", "Attendance", "CSV",
        "One row per person per meeting: present, in attendance or apologies, with any note.");

    public static IReadOnlyList<DataFile> Files { get; } = [Meetings, Members, Bodies, Actions, ActionsCsv, AttendanceCsv];

    public static IReadOnlyList<DataFile> Schemas { get; } = [Schema(Meetings), Schema(Members), Schema(Bodies), Schema(Actions)];

    public static DataFile SchemaFor(DataFile file) => Schemas.Single(s => s.Name == file.Name);

    static DataFile Schema(DataFile file) => new($"data/schemas/{System.IO.Path.GetFileNameWithoutExtension(file.Path)}.schema.json",
        file.Name, "JSON Schema", $"The structure of {System.IO.Path.GetFileName(file.Path)} (JSON Schema draft-07).");
}
