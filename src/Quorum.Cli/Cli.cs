using System.CommandLine;
using System.Globalization;

namespace Quorum.Cli;

/// <summary>The <c>quorum</c> command line: parses arguments and hands each command to its own class.</summary>
public static class Cli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var input = new Option<string>("--input", "-i") { Description = "The input folder", DefaultValueFactory = _ => "input" };
        var output = new Option<string>("--output", "-o") { Description = "The output folder", DefaultValueFactory = _ => "site" };
        var theme = new Option<string?>("--theme") { Description = "The theme folder (default: themes/default)" };
        var date = new Option<DateOnly?>("--date")
        {
            Description = "The build date, YYYY-MM-DD: exemptions with an earlier 'until' are published (default: today)",
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
                r.AddError($"--date must be written YYYY-MM-DD, not '{text}'");
                return null;
            },
        };
        var timings = new Option<bool>("--timings") { Description = "Print how long each phase took" };
        var format = new Option<string>("--format") { Description = "text, or github for GitHub Actions annotations", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "github");

        var build = new Command("build", "Build the input folder into a static site") { input, output, date, theme, timings };
        build.SetAction(r => BuildCommand.Run(r.GetValue(input)!, r.GetValue(output)!, r.GetValue(date), r.GetValue(theme), r.GetValue(timings), stdout, stderr));

        var check = new Command("check", "Validate the input without writing anything; exit 1 on errors") { input, format, date, theme };
        check.SetAction(r => CheckCommand.Run(r.GetValue(input)!, r.GetValue(format)!, r.GetValue(date), r.GetValue(theme), stdout, stderr));

        var withheld = new Command("withheld", "List what is withheld from publication on the build date, and until when") { input, date };
        withheld.SetAction(r => WithheldCommand.Run(r.GetValue(input)!, r.GetValue(date), stdout, stderr));

        var root = new RootCommand("Quorum: publishes council minutes written in Markdown as a static website.") { build, check, withheld, NewCommand.Create(input, stdout, stderr), Serve.ServeCommand.Create(input, output, theme, stdout, stderr) };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) stderr.WriteLine($"quorum: {e.Message}");
            stderr.WriteLine("Run 'quorum --help' for usage.");
            return 2;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("QUORUM_DEBUG") is null)
        {
            // A bug in Quorum, not in the input: say so plainly; QUORUM_DEBUG=1 shows the stack trace.
            stderr.WriteLine($"quorum: internal error: {e.GetBaseException().Message}");
            stderr.WriteLine("This is a bug in Quorum, not in your minutes. Set QUORUM_DEBUG=1 to see the details, and please report it.");
            return 70;
        }
    }
}
