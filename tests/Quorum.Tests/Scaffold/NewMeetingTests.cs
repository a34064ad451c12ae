using Quorum.Diagnostics;
using Quorum.Load;
using Quorum.Resolve;
using Quorum.Tests.Support;

namespace Quorum.Tests.Scaffold;

/// <summary><c>quorum new meeting</c> on a copy of the demo input (one body, meetings of 8 January and 2 July 2009).</summary>
public sealed class NewMeetingTests : IDisposable
{
    const string Body = "local-cio-council";
    const string NewFile = "input/meetings/2009/2009-10-20-local-cio-council.md";
    readonly TempDir _temp = new();
    readonly string _input;

    public NewMeetingTests() => _input = _temp.CopyFrom(Repo.Input);

    public void Dispose() => _temp.Dispose();

    CliRunner.Outcome New(params string[] extra) =>
        CliRunner.Run(_temp.Path, ["new", "meeting", "--input", "input", .. extra]);

    static Archive Load(string input) => Resolver.Resolve(InputLoader.Load(input, new DiagnosticBag())!);

    [Fact]
    public void Writes_a_draft_in_the_year_folder_that_passes_check()
    {
        var outcome = New("--body", Body, "--date", "2009-10-20");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Created " + NewFile, outcome.Stdout);
        var text = File.ReadAllText(_temp[NewFile]);
        Assert.Contains("status: draft", text);
        Assert.Contains("## 1. Apologies and welcome", text);
        Assert.Contains("## 2. Minutes of the previous meeting and matters arising", text);

        var check = CliRunner.Run(_temp.Path, "check", "--input", "input", "--theme", Repo.Theme);
        Assert.True(check.ExitCode == 0, check.Stderr);
        Assert.DoesNotContain("2009-10-20-local-cio-council.md", check.Stderr); // not even a warning about the new file
        var meeting = Load(_input).Meetings.Single(m => m.Slug == "2009-10-20-local-cio-council");
        Assert.True(meeting.Raw.IsDraft);
        Assert.Equal("6", meeting.Raw.Number); // July was meeting 5
        Assert.Equal("Cabinet Office, London, Room G45", meeting.Raw.Venue); // from July's next_meeting
    }

    [Fact]
    public void Copies_the_attendance_of_the_body_s_most_recent_meeting()
    {
        Assert.Equal(0, New("--body", Body, "--date", "2009-10-20").ExitCode);

        var meetings = Load(_input).Meetings;
        var july = meetings.Single(m => m.Slug == "2009-07-02-local-cio-council");
        var created = meetings.Single(m => m.Slug == "2009-10-20-local-cio-council");
        Assert.Equal(july.Attendance.Select(a => (a.Member.Id, a.Group)), created.Attendance.Select(a => (a.Member.Id, a.Group)));
        // Roles carry over; notes about that one meeting stay behind as comments.
        Assert.Equal("Chair", created.Attendance.Single(a => a.Member.Id == "jos-creese").Note);
        Assert.Null(created.Attendance.Single(a => a.Member.Id == "tonino-ciuffini").Note);
        Assert.Contains("tonino-ciuffini  # on 2009-07-02: New member", File.ReadAllText(_temp[NewFile]));
    }

    [Fact]
    public void Lists_the_open_actions_of_the_body_as_updates()
    {
        // Close one of July's actions first: it must not be listed.
        var july = _temp["input/meetings/2009/2009-07-02-local-cio-council.md"];
        File.WriteAllText(july, File.ReadAllText(july).Replace("updates:\n", "updates:\n  - action: LG CIO 03/01\n    status: closed\n"));
        var before = Load(_input);
        var expected = before.Meetings.Where(m => m.Body?.Id == Body).SelectMany(m => m.ActionsRaised)
            .Where(a => a.Updates.LastOrDefault(u => u.Update.StatusGiven)?.Update.Status is null or ActionStatus.Open)
            .Select(a => a.Id).ToList();
        Assert.DoesNotContain("LG CIO 03/01", expected);
        Assert.Contains("L CIO 05/13", expected);

        var outcome = New("--body", Body, "--date", "2009-10-20");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains($"{expected.Count} open actions", outcome.Stdout);
        var created = Load(_input).Meetings.Single(m => m.Slug == "2009-10-20-local-cio-council");
        Assert.Equal(expected, created.Raw.Updates.Select(u => u.ActionId.Value));
        Assert.All(created.Raw.Updates, u => Assert.Equal(ActionStatus.Open, u.Status));
        Assert.All(created.Raw.Updates, u => Assert.Null(u.Note));
        Assert.Contains("    # note: \n", File.ReadAllText(_temp[NewFile]));
    }

    [Fact]
    public void Takes_the_most_recent_meeting_before_the_date()
    {
        Assert.Equal(0, New("--body", Body, "--date", "2009-03-01").ExitCode);

        var meetings = Load(_input).Meetings;
        var january = meetings.Single(m => m.Slug == "2009-01-08-local-cio-council");
        var created = meetings.Single(m => m.Slug == "2009-03-01-local-cio-council");
        Assert.Equal(january.Attendance.Select(a => (a.Member.Id, a.Group)), created.Attendance.Select(a => (a.Member.Id, a.Group)));
        Assert.Null(created.Raw.Number); // not the latest meeting: the numbering is the editor's call
        Assert.DoesNotContain(created.Raw.Updates, u => u.ActionId.Value.StartsWith("L CIO 05/", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_to_overwrite_an_existing_file()
    {
        Assert.Equal(0, New("--body", Body, "--date", "2009-10-20").ExitCode);
        File.WriteAllText(_temp[NewFile], "edited by the clerk");

        var again = New("--body", Body, "--date", "2009-10-20");

        Assert.Equal(1, again.ExitCode);
        Assert.StartsWith("quorum: error: ", again.Stderr);
        Assert.Contains("already exists", again.Stderr);
        Assert.Equal("edited by the clerk", File.ReadAllText(_temp[NewFile]));
    }

    [Fact]
    public void Refuses_a_meeting_that_exists_in_another_folder()
    {
        var outcome = New("--body", Body, "--date", "2009-07-02");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("already exists", outcome.Stderr);
    }

    [Fact]
    public void Unknown_body_suggests_the_nearest()
    {
        var outcome = New("--body", "local-cio-counsil", "--date", "2009-10-20");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("quorum: error: unknown body 'local-cio-counsil'; did you mean 'local-cio-council'?", outcome.Stderr.Trim());
        Assert.False(Directory.Exists(_temp["input/meetings/2009"]) && File.Exists(_temp[NewFile]));
    }

    [Theory]
    [InlineData("2009-02-30")]
    [InlineData("20-10-2009")]
    [InlineData("tomorrow")]
    public void Bad_date_is_a_usage_error(string date)
    {
        var outcome = New("--body", Body, "--date", date);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"quorum: error: --date must be a date written YYYY-MM-DD, not '{date}'", outcome.Stderr.Trim());
    }

    [Fact]
    public void Missing_input_folder_is_an_error()
    {
        var outcome = CliRunner.Run(_temp.Path, "new", "meeting", "--input", "nowhere", "--body", Body, "--date", "2009-10-20");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("quorum: error: the input folder nowhere/ does not exist", outcome.Stderr);
    }
}
