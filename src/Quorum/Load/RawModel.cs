using Quorum.Diagnostics;

namespace Quorum.Load;

// The load phase's output: the input folder as typed records, every value with the place it was written.
// Nothing is resolved yet (ids are strings); exempt content is still here, so nothing renders from these types.

public sealed record RawInput(
    RawSiteConfig Site,
    IReadOnlyList<RawBody> Bodies,
    IReadOnlyList<RawMember> Members,
    IReadOnlyList<RawMeeting> Meetings,
    IReadOnlyList<RawPage> Pages);

public sealed record RawSiteConfig(
    string Title,
    string BaseUrl,
    string Language,
    string? Description,
    string? EditUrl,
    string? Licence,
    string? LicenceUrl,
    SourceLocation Location);

public sealed record RawFormerName(string Name, DateOnly Until);

public sealed record RawBody(string Id, string Name, IReadOnlyList<RawFormerName> FormerNames, string? Description, SourceLocation Location, string SourcePath);

public sealed record RawRole(Located<string> Body, string Role, DateOnly? From, DateOnly? Until);

public sealed record RawMember(
    string Id,
    string Name,
    IReadOnlyList<Located<string>> Aliases,
    string? Organisation,
    IReadOnlyList<RawRole> Roles,
    RawMarkdown Biography,
    SourceLocation Location,
    string SourcePath);

/// <summary>A ground for withholding and, for a time-limited exemption, the date it lapses.</summary>
public sealed record RawExemption(string Ground, DateOnly? Until, SourceLocation Location)
{
    /// <summary>Whether it still withholds on the build date (FORMAT.md: from the until date on, it is published).</summary>
    public bool AppliesOn(DateOnly buildDate) => Until is not { } until || buildDate < until;
}

public sealed record RawAttendee(Located<string> MemberId, string? Note);

public enum AttendanceGroup { Present = 1, InAttendance, Apologies }

public sealed record RawAttendance(IReadOnlyList<RawAttendee> Present, IReadOnlyList<RawAttendee> InAttendance, IReadOnlyList<RawAttendee> Apologies)
{
    public static readonly RawAttendance Empty = new([], [], []);

    /// <summary>Everyone, group by group. An iterator of Quorum's own, not a query concatenating value tuples, for
    /// which the ahead-of-time image holds no code (benchmarks/jit.sh).</summary>
    public IEnumerable<(AttendanceGroup Group, RawAttendee Attendee)> All
    {
        get
        {
            foreach (var a in Present) yield return (AttendanceGroup.Present, a);
            foreach (var a in InAttendance) yield return (AttendanceGroup.InAttendance, a);
            foreach (var a in Apologies) yield return (AttendanceGroup.Apologies, a);
        }
    }
}

public enum ActionStatus { Open = 1, Closed }

/// <summary>The literal owner word <c>all</c>: every member present.</summary>
public static class Owners
{
    public const string All = "all";
}

public sealed record RawAction(
    Located<string> Id,
    Located<string>? Item,
    IReadOnlyList<Located<string>> Owners,
    string Text,
    DateOnly? Due,
    RawExemption? Exemption,
    bool ExplicitlyNotExempt,
    SourceLocation Location);

/// <summary>Progress on an action. <see cref="StatusGiven"/> is false for a note that leaves the status as it was.</summary>
public sealed record RawUpdate(Located<string> ActionId, ActionStatus Status, string? Note, SourceLocation Location)
{
    public bool StatusGiven { get; init; } = true;
}

public sealed record RawNextMeeting(DateOnly Date, string? Start, string? End, string? Venue);

/// <summary>A run of Markdown lines of a file's body: [StartLine, EndLine) indexes into <see cref="RawMarkdown.Lines"/>.</summary>
public sealed record RawRange(int StartLine, int EndLine);

/// <summary>A <c>:::exempt</c> block: the lines of its opening and closing fences (closing null when unclosed).</summary>
public sealed record RawExemptBlock(int OpeningLine, int? ClosingLine, RawExemption Exemption);

/// <summary>A Markdown body as lines, with the file line its first line is on, and the exempt blocks found in it.</summary>
/// <remarks>
/// The body is kept as the one string it was read as, with where each line starts: at 5,000 meetings a string per
/// line was 1.4 million objects (about 40 MB of headers) for the collector to trace through every collection.
/// </remarks>
public sealed record RawMarkdown
{
    public static readonly RawMarkdown Empty = new("", 1, []);

    string? _source;
    // Where each line starts, then one more entry: past the end of the last line and its '\n' (which an unterminated
    // last line lacks), so line i is [_starts[i], _starts[i + 1] - 1).
    readonly int[] _starts;

    public RawMarkdown(string source, int firstLine, IReadOnlyList<RawExemptBlock> exemptBlocks)
        : this(source, LineStarts(source), firstLine, exemptBlocks) { }

    internal RawMarkdown(string source, int[] lineStarts, int firstLine, IReadOnlyList<RawExemptBlock> exemptBlocks)
    {
        _source = source;
        _starts = lineStarts;
        FirstLine = firstLine;
        ExemptBlocks = exemptBlocks;
    }

    /// <summary>The file line the body's first line is on.</summary>
    public int FirstLine { get; }

    public IReadOnlyList<RawExemptBlock> ExemptBlocks { get; }

    /// <summary>As many as <c>source.Split('\n')</c> gives, less the empty one after a final newline.</summary>
    public int LineCount => _starts.Length - 1;

    string Source => _source ?? throw new InvalidOperationException("These Markdown lines were released once they were redacted.");

    /// <summary>Line <paramref name="index"/>, without its newline.</summary>
    public ReadOnlySpan<char> Line(int index) => Source.AsSpan(_starts[index], _starts[index + 1] - 1 - _starts[index]);

    /// <summary>The body's lines. A full build releases them once the meeting is redacted (<see cref="ReleaseLines"/>).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            _ = Source;
            return new LineList(this);
        }
    }

    /// <summary>How many characters lines [from, to) take with a newline after each: for sizing what they are copied into.</summary>
    public int Length(int from, int to) => _starts[to] - _starts[from];

    /// <summary>Lines [from, to) with a newline after each, copied once.</summary>
    public string Text(int from, int to) => from >= to ? "" : string.Create(Length(from, to), (Source, Start: _starts[from]), static (chars, s) =>
    {
        // An unterminated last line gets its newline here; every other character is the source's.
        var copied = Math.Min(chars.Length, s.Source.Length - s.Start);
        s.Source.AsSpan(s.Start, copied).CopyTo(chars);
        if (copied < chars.Length) chars[copied] = '\n';
    });

    /// <summary>
    /// Lets the lines go: a full build's redactor calls it once a meeting's public text is cut from them, so that the
    /// raw input (about 400 MB at 5,000 meetings) is not held beside the public archive it becomes.
    /// </summary>
    internal void ReleaseLines()
    {
        if (!ReferenceEquals(this, Empty)) _source = null;
    }

    public RawRange All => new(0, LineCount);

    /// <summary>Where each line of <paramref name="source"/> starts, and the end entry (see <see cref="_starts"/>).</summary>
    internal static int[] LineStarts(string source)
    {
        var count = source.AsSpan().Count('\n') + 1;
        if (source.Length > 0 && source[^1] == '\n') count--;
        var starts = new int[count + 1];
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            starts[i] = at;
            var newline = source.IndexOf('\n', at);
            at = newline < 0 ? source.Length + 1 : newline + 1;
        }
        starts[count] = at;
        return starts;
    }

    sealed class LineList(RawMarkdown markdown) : IReadOnlyList<string>
    {
        public string this[int index] => (uint)index < (uint)Count ? markdown.Line(index).ToString() : throw new ArgumentOutOfRangeException(nameof(index));
        public int Count => markdown.LineCount;
        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < Count; i++) yield return this[i];
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

public sealed record RawItem(
    string Number,
    string Title,
    int Level,
    SourceLocation Location,
    RawExemption? Exemption,
    RawRange Content,
    IReadOnlyList<RawItem> SubItems);

public sealed record RawMeeting(
    string Slug,
    string SourcePath,
    SourceLocation Location,
    Located<string> Body,
    DateOnly Date,
    string? Number,
    string? Title,
    string? Start,
    string? End,
    string? Venue,
    bool IsDraft,
    bool Publish,
    RawAttendance Attendance,
    IReadOnlyList<RawAction> Actions,
    IReadOnlyList<RawUpdate> Updates,
    RawNextMeeting? NextMeeting,
    RawMarkdown Markdown,
    RawRange Preamble,
    IReadOnlyList<RawItem> Items);

public sealed record RawPage(string Slug, string Title, RawMarkdown Markdown, SourceLocation Location, string SourcePath);
