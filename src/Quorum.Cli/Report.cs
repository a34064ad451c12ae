using Quorum.Diagnostics;

namespace Quorum.Cli;

/// <summary>Prints diagnostics the way compilers do, so editors and CI can jump to them.</summary>
static class Report
{
    public static void Diagnostics(IReadOnlyList<Diagnostic> diagnostics, TextWriter stderr, bool github = false)
    {
        foreach (var d in diagnostics) stderr.WriteLine(github ? d.ToGitHubAnnotation() : d.ToString());
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count - errors;
        if (diagnostics.Count > 0 && !github)
            stderr.WriteLine($"{Plural(errors, "error")}, {Plural(warnings, "warning")}");
    }

    public static string Plural(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.0} MB",
    };
}
