using System.Collections.Concurrent;
using System.Diagnostics;

namespace Quorum.Build;

/// <summary>
/// How long each named phase took, for <c>quorum build --timings</c>: wall time, and the process's CPU time over the
/// same span (CPU well below twice the wall time on two cores means the phase ran mostly on one), and the process's
/// peak memory (resident set) so far when it ended, which shows the phase where the peak was reached. A phase's parts
/// can be timed too (<see cref="Parts"/>), with their CPU time. Each also records how long the garbage collector paused
/// the process meanwhile (every other thread waits; the command line's server collections use every core meanwhile,
/// workstation collections only one) and how much the process allocated: the collector's work follows what is
/// allocated, so that says where to cut.
/// </summary>
public sealed class PhaseTimings
{
    /// <summary>A phase or a part of one. <see cref="Beside"/>: a part that ran beside other work, whose process-wide
    /// CPU time is therefore not its own (<see cref="Cpu"/> is then zero). <see cref="PeakBytes"/>: the process's peak
    /// resident set when it ended. <see cref="GcPause"/>: the time the process was paused for garbage collection meanwhile;
    /// <see cref="AllocatedBytes"/>: what the process allocated meanwhile (every thread's, as the pauses are).</summary>
    public readonly record struct Phase(string Name, TimeSpan Time, TimeSpan Cpu, string? Beside = null, long PeakBytes = 0, TimeSpan GcPause = default,
        long AllocatedBytes = 0);

    readonly List<Phase> _phases = [];
    readonly ConcurrentQueue<(string Phase, Phase Part)> _parts = new();
    readonly Func<long> _readPeak;

    public PhaseTimings() : this(ReadPeak) { }

    /// <summary>For tests: <paramref name="readPeak"/> stands for the operating system's reading of the peak.</summary>
    internal PhaseTimings(Func<long> readPeak) => _readPeak = readPeak;

    static long ReadPeak()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    public IReadOnlyList<(string Phase, TimeSpan Time)> Phases => _phases.Select(p => (p.Name, p.Time)).ToList();
    public IReadOnlyList<Phase> WithCpu => _phases;

    /// <summary>The timed parts of each phase, in the order they finished.</summary>
    public IReadOnlyList<(string Phase, Phase Part)> Parts => [.. _parts];

    public T Time<T>(string phase, Func<T> run)
    {
        var start = new Mark();
        try { return run(); }
        finally
        {
            // Linux reports the peak as the larger of its recorded high-water mark and the current resident set, which
            // it counts only approximately, so a later reading can be a little lower: the peak so far is the largest yet.
            var timed = start.End(phase, beside: null, _readPeak());
            _phases.Add(_phases.Count == 0 ? timed : timed with { PeakBytes = Math.Max(timed.PeakBytes, _phases[^1].PeakBytes) });
        }
    }

    public void Time(string phase, Action run) => Time<bool>(phase, () => { run(); return true; });

    /// <summary>Times one part of <paramref name="phase"/> (within that phase's own timing; not a phase of <see cref="Total"/>).</summary>
    /// <param name="beside">What the part runs beside, if anything (then its CPU time is not measured).</param>
    public void TimePart(string phase, string part, Action run, string? beside = null)
    {
        var start = new Mark();
        try { run(); }
        finally { _parts.Enqueue((phase, start.End(part, beside, _readPeak()))); }
    }

    /// <summary>The process's counters when a phase or part starts; <see cref="End"/> measures it from there.</summary>
    readonly struct Mark
    {
        readonly long _started = Stopwatch.GetTimestamp();
        readonly TimeSpan _cpu, _paused = GC.GetTotalPauseDuration();
        readonly long _allocated = GC.GetTotalAllocatedBytes(precise: true);

        public Mark()
        {
            using var process = Process.GetCurrentProcess();
            _cpu = process.TotalProcessorTime;
        }

        public Phase End(string name, string? beside, long peak)
        {
            using var process = Process.GetCurrentProcess();
            var cpu = beside is null ? process.TotalProcessorTime - _cpu : TimeSpan.Zero;
            return new(name, Stopwatch.GetElapsedTime(_started), cpu, beside, peak, GC.GetTotalPauseDuration() - _paused,
                GC.GetTotalAllocatedBytes(precise: true) - _allocated);
        }
    }

    public TimeSpan Total => _phases.Aggregate(TimeSpan.Zero, (t, p) => t + p.Time);
}
