using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Quorum.Benchmarks;

/// <summary>
/// <c>allocations TRACE [--top N]</c>: where a build allocates, from a trace of the runtime's allocation ticks
/// (benchmarks/allocations.sh records one with dotnet-trace). The runtime reports a tick, with its type and stack,
/// about every 100 KB a thread allocates, so each tick stands for its allocation amount. Two tables: bytes by the
/// first frame of Quorum's own code on the stack (whatever a library or the framework allocated on its behalf
/// included), and bytes by type and that frame, with the call it made. Counts how much, not how long: the time is
/// profile-r2r.sh's.
/// </summary>
public static class AllocationReport
{
    public static void Run(string tracePath, int top, TextWriter o)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(tracePath);
        try
        {
            using var log = new TraceLog(etlx);
            var bySite = new Dictionary<string, long>(StringComparer.Ordinal);
            var byTypeAndSite = new Dictionary<string, long>(StringComparer.Ordinal);
            long total = 0;
            foreach (var e in log.Events)
            {
                if (e is not GCAllocationTickTraceData tick) continue;
                long amount = tick.AllocationAmount64;
                total += amount;
                var (site, via) = QuorumFrame(e.CallStack());
                Add(bySite, site, amount);
                Add(byTypeAndSite, $"{tick.TypeName}  @ {site}{(via is null ? "" : "  via " + via)}", amount);
            }
            o.WriteLine($"{total / 1e6:0} MB allocated (sampled about every 100 KB per thread); by the first frame of Quorum's code:");
            Print(bySite, top, total, o);
            o.WriteLine();
            o.WriteLine("By type and frame (via: the call that frame made):");
            Print(byTypeAndSite, top, total, o);
        }
        finally
        {
            File.Delete(etlx);
        }
    }

    static (string Site, string? Via) QuorumFrame(TraceCallStack? stack)
    {
        string? below = null, first = null;
        for (var frame = stack; frame is not null; frame = frame.Caller)
        {
            var name = frame.CodeAddress.FullMethodName;
            if (string.IsNullOrEmpty(name)) continue;
            first ??= name;
            if (name.StartsWith("Quorum.", StringComparison.Ordinal)) return (Short(name), below is null ? null : Short(below));
            below = name;
        }
        return ($"(outside Quorum's code: {(first is null ? "no stack" : Short(first))})", null);
    }

    // Method names without their parameter lists: the tables are read by people.
    static string Short(string method) => method.IndexOf('(') is var paren and > 0 ? method[..paren] : method;

    static void Add(Dictionary<string, long> totals, string key, long amount) =>
        totals[key] = totals.GetValueOrDefault(key) + amount;

    static void Print(Dictionary<string, long> totals, int top, long total, TextWriter o)
    {
        foreach (var (key, bytes) in totals.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(top))
            o.WriteLine($"{bytes / 1e6,8:0.0} MB {100.0 * bytes / Math.Max(total, 1),5:0.0}%  {key}");
    }
}
