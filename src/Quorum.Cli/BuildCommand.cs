using System.Diagnostics;
using Quorum.Build;
using Quorum.Render;

namespace Quorum.Cli;

static class BuildCommand
{
    public static int Run(string input, string output, DateOnly? date, string? theme, bool showTimings, TextWriter stdout, TextWriter stderr)
    {
        var sw = Stopwatch.StartNew();
        var timings = new PhaseTimings();
        BuildPipeline.Result result;
        try
        {
            result = BuildPipeline.Build(new BuildOptions(input, output, date ?? BuildOptions.Today, theme), timings, keepArchive: false);
        }
        catch (Exception e) when (e is BuildException or ThemeException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"quorum: error: {e.Message}");
            stderr.WriteLine($"The previous contents of {output}/ are untouched.");
            return 1;
        }
        Report.Diagnostics(result.Diagnostics, stderr);
        if (!result.Succeeded)
        {
            stderr.WriteLine($"Build failed: nothing was written; the previous contents of {output}/ are untouched.");
            return 1;
        }
        stdout.WriteLine($"Built {Report.Plural(result.Files, "file")} ({Report.Size(result.Bytes)}) into {output}/ " +
                         $"from {Report.Plural(result.Counts!.Meetings, "meeting")} in {sw.Elapsed.TotalSeconds:0.00} s.");
        if (showTimings)
        {
            foreach (var phase in timings.WithCpu)
            {
                stdout.WriteLine($"  {phase.Name,-8} {phase.Time.TotalMilliseconds,8:0.0} ms  {Usage(phase)}  peak {Megabytes(phase.PeakBytes)}");
                foreach (var (_, part) in timings.Parts.Where(p => p.Phase == phase.Name))
                    stdout.WriteLine($"    {part.Name,-6} {part.Time.TotalMilliseconds,8:0.0} ms  {(part.Beside is { } beside ? $"(beside {beside}; {Megabytes(part.AllocatedBytes)} allocated by all)" : Usage(part))}  peak {Megabytes(part.PeakBytes)}");
            }
            stdout.WriteLine($"  garbage collections: {GC.CollectionCount(0)} (generation 1: {GC.CollectionCount(1)}, 2: {GC.CollectionCount(2)}), " +
                             $"{GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused, {Megabytes(GC.GetTotalAllocatedBytes(precise: true))} allocated");
            // What the JIT compiled as the build ran (with `dotnet run`, or what a ReadyToRun image lacked: generic
            // instantiations, code for this processor's vector instructions, a Handlebars theme's templates). The
            // standalone build is native code whole and has no JIT.
            if (System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
                stdout.WriteLine($"  JIT: {System.Runtime.JitInfo.GetCompiledMethodCount():#,0} methods, " +
                                 $"{System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms");
        }
        return 0;
    }

    static string Usage(PhaseTimings.Phase phase) =>
        $"(CPU {phase.Cpu.TotalMilliseconds,6:0} ms, GC {phase.GcPause.TotalMilliseconds,5:0} ms, {Megabytes(phase.AllocatedBytes),8} allocated)";

    static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):#,0} MB";
}
