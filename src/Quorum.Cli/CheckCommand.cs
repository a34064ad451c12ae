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
        stdout.WriteLine($"{input}/ is valid: {Report.Plural(result.Archive!.Meetings.Count, "published meeting")}, " +
                         $"{Report.Plural(result.Archive.Members.Count, "member")}, {Report.Plural(result.Archive.Actions.Count, "action")}.");
        return 0;
    }
}
