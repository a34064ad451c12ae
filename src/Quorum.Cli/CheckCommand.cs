using Quorum.Build;
using Quorum.Render;

namespace Quorum.Cli;

/// <summary><c>quorum check</c>: every phase of a build, rendering included, with nothing written.</summary>
static class CheckCommand
{
    public static int Run(string input, string format, DateOnly? date, string? theme, TextWriter stdout, TextWriter stderr)
    {
        var github = format == "github";
        BuildPipeline.Result result;
        try
        {
            result = BuildPipeline.BuildTo(new BuildOptions(input, "", date ?? BuildOptions.Today, theme), new DiscardingOutput());
        }
        catch (Exception e) when (e is BuildException or ThemeException or IOException)
        {
            stderr.WriteLine($"quorum: error: {e.Message}");
            return 1;
        }
        Report.Diagnostics(result.Diagnostics, stderr, github);
        if (!result.Succeeded) return 1;
        stdout.WriteLine($"{input}/ is valid: {Report.Plural(result.Counts!.Meetings, "published meeting")}, " +
                         $"{Report.Plural(result.Counts.Members, "member")}, {Report.Plural(result.Counts.Actions, "action")}.");
        return 0;
    }
}
