using Quorum.Build;
using Quorum.Diagnostics;
using Quorum.Load;
using Quorum.Redact;
using Quorum.Resolve;

namespace Quorum.Cli;

/// <summary><c>quorum withheld</c>: every piece withheld from publication on the build date, and until when. Writes nothing.</summary>
static class WithheldCommand
{
    public static int Run(string input, DateOnly? date, TextWriter stdout, TextWriter stderr)
    {
        var day = date ?? BuildOptions.Today;
        var diagnostics = new DiagnosticBag();
        var raw = InputLoader.Load(input, diagnostics);
        Report.Diagnostics(diagnostics.Sorted().Where(d => d.IsError).ToList(), stderr);
        if (raw is null) return 1;
        var pieces = WithheldReport.For(Resolver.Resolve(raw), day);
        foreach (var piece in pieces) stdout.WriteLine(piece);
        stdout.WriteLine($"{Report.Plural(pieces.Count, "piece")} withheld from a build on {day:yyyy-MM-dd}.");
        return diagnostics.HasErrors ? 1 : 0;
    }
}
