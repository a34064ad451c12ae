using System.Diagnostics;

namespace Quorum.Build;

/// <summary>How long each named phase took, for <c>quorum build --timings</c>.</summary>
public sealed class PhaseTimings
{
    readonly List<(string Phase, TimeSpan Time)> _phases = [];
    public IReadOnlyList<(string Phase, TimeSpan Time)> Phases => _phases;

    public T Time<T>(string phase, Func<T> run)
    {
        var sw = Stopwatch.StartNew();
        try { return run(); }
        finally { _phases.Add((phase, sw.Elapsed)); }
    }

    public void Time(string phase, Action run) => Time<bool>(phase, () => { run(); return true; });

    public TimeSpan Total => _phases.Aggregate(TimeSpan.Zero, (t, p) => t + p.Time);
}
