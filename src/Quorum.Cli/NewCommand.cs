using System.CommandLine;
using System.Globalization;
using Quorum.Scaffold;

namespace Quorum.Cli;

/// <summary><c>quorum new meeting --body ID --date YYYY-MM-DD [--input DIR]</c>: scaffolds a draft meeting file.</summary>
static class NewCommand
{
    /// <summary>The <c>new</c> command with its <c>meeting</c> subcommand; <paramref name="input"/> is the shared --input option.</summary>
    public static Command Create(Option<string> input, TextWriter stdout, TextWriter stderr)
    {
        var body = new Option<string>("--body", "-b") { Description = "The body's id (the file name in bodies/, without .yml)", Required = true };
        var date = new Option<string>("--date", "-d") { Description = "The meeting's date, YYYY-MM-DD", Required = true };
        var meeting = new Command("meeting", "Write a draft meeting file: attendance from the body's last meeting, its open actions as updates")
            { input, body, date };
        meeting.SetAction(r => Run(r.GetValue(input)!, r.GetValue(body)!, r.GetValue(date)!, stdout, stderr));
        return new Command("new", "Scaffold a new file in the input folder") { meeting };
    }

    public static int Run(string input, string body, string dateText, TextWriter stdout, TextWriter stderr)
    {
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            stderr.WriteLine($"quorum: error: --date must be a date written YYYY-MM-DD, not '{dateText}'");
            return 2;
        }
        MeetingScaffold.Result result;
        try
        {
            result = MeetingScaffold.Create(input, body, date);
        }
        catch (Exception e) when (e is ScaffoldException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"quorum: error: {e.Message}");
            return 1;
        }
        var path = Path.GetRelativePath(Environment.CurrentDirectory, result.FullPath).Replace('\\', '/');
        var from = result.Previous is null
            ? "no earlier meeting of this body, so the attendance is empty"
            : $"{Report.Plural(result.Attendees, "attendee")} from {result.Previous.Slug}";
        stdout.WriteLine($"Created {path} (draft): {from}; {Report.Plural(result.OpenActions, "open action")} listed under updates.");
        return 0;
    }
}
