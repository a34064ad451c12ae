using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Quorum.Benchmarks;

/// <summary>
/// <c>collections TRACE</c>: each garbage collection of a build, from the runtime's GC events in a trace
/// (benchmarks/allocations.sh records them with the allocation ticks): when it began, its generation, what set it off,
/// why a full collection was full, how long the build stood still and how much survived. Then the pauses summed by
/// generation and by why. Made for one question: which full collections a build could do without (session 20 found
/// that most are collections of generation 1 the collector raised to full ones for low card-marking efficiency).
/// </summary>
public static class CollectionReport
{
    public sealed record Collection(int Number, double StartMs, int Generation, string Trigger, string Why, double PauseMs,
        double PromotedMb, double Gen2Mb);

    public static void Run(string tracePath, TextWriter o)
    {
        var collections = Read(tracePath);
        o.WriteLine("Garbage collections (time from the first; pause: the build stood still; promoted: what survived; gen2: its size after):");
        foreach (var c in collections)
            o.WriteLine($"{c.StartMs,8:0} ms  #{c.Number,-4} gen{c.Generation}  pause {c.PauseMs,6:0.0} ms  promoted {c.PromotedMb,6:0.0} MB  " +
                        $"gen2 {c.Gen2Mb,5:0} MB  {c.Trigger}{(c.Why.Length > 0 ? "; " + c.Why : "")}");
        o.WriteLine();
        o.WriteLine("Pauses by generation:");
        foreach (var g in collections.GroupBy(c => c.Generation).OrderBy(g => g.Key))
            o.WriteLine($"  gen{g.Key}: {g.Count(),4} collections, {g.Sum(c => c.PauseMs),7:0} ms");
        o.WriteLine("Full collections by why:");
        foreach (var g in collections.Where(c => c.Generation == 2).GroupBy(c => c.Why.Length > 0 ? c.Why : c.Trigger).OrderByDescending(g => g.Sum(c => c.PauseMs)))
            o.WriteLine($"  {g.Count(),4} collections, {g.Sum(c => c.PauseMs),7:0} ms  {g.Key}");
    }

    public static List<Collection> Read(string tracePath)
    {
        var result = new List<Collection>();
        using var source = new EventPipeEventSource(tracePath);
        double first = -1, suspended = 0;
        // One suspension can hold two collections (a collection asked for while another was due): the pause is the
        // suspension's, charged to the last.
        var pending = new List<(int Number, double Start, int Generation, string Trigger)>();
        var conditions = new Dictionary<int, uint>();
        var budgets = new Dictionary<int, uint>(); // the highest generation whose budget ran out, on any heap
        var stats = new Dictionary<int, (double Promoted, double Gen2)>();
        int current = -1;
        source.Clr.GCSuspendEEStart += e =>
        {
            if (first < 0) first = e.TimeStampRelativeMSec;
            suspended = e.TimeStampRelativeMSec;
        };
        source.Clr.GCStart += e =>
        {
            current = e.Count;
            pending.Add((e.Count, e.TimeStampRelativeMSec, e.Depth, $"{e.Reason}"));
        };
        source.Clr.GCPerHeapHistory += e =>
        {
            if (current < 0) return;
            conditions[current] = conditions.GetValueOrDefault(current) | (uint)e.CondemnReasons1;
            // Two bits a reason: OR-ing heaps' words would mix their generations (1 | 2 reads as 3), so keep the highest.
            budgets[current] = Math.Max(budgets.GetValueOrDefault(current), ((uint)e.CondemnReasons0 >> 4) & 3);
        };
        source.Clr.GCHeapStats += e =>
        {
            if (current < 0) return;
            stats[current] = ((e.TotalPromotedSize0 + e.TotalPromotedSize1 + e.TotalPromotedSize2 + e.TotalPromotedSize3) / 1e6,
                e.GenerationSize2 / 1e6);
        };
        source.Clr.GCRestartEEStop += e =>
        {
            for (int i = 0; i < pending.Count; i++)
            {
                var (number, start, generation, trigger) = pending[i];
                var (promoted, gen2) = stats.GetValueOrDefault(number);
                var pause = i == pending.Count - 1 ? e.TimeStampRelativeMSec - suspended : 0;
                var why = generation == 2 ? Why(budgets.GetValueOrDefault(number) << 4, conditions.GetValueOrDefault(number)) : "";
                result.Add(new Collection(number, start - first, generation, trigger, why, pause, promoted, gen2));
            }
            pending.Clear();
        };
        source.Process();
        return result;
    }

    // The collector's gc_condemn_reason_condition bits (src/coreclr/gc/gcrecord.h), in words.
    static readonly string[] Conditions =
    [
        "induced", "heap expansion", "high memory load", "very high memory load", "low ephemeral space",
        "low card-marking efficiency", "ephemeral fragmentation", "fragmentation", "fragmentation (ephemeral)",
        "fragmentation (memory)", "fragmentation (virtual memory)", "gen1 due", "before running out of memory",
        "gen2 too small", "induced, not forced", "before a background collection", "almost at the allocation limit",
    ];

    /// <summary>
    /// Why a collection was full, from its per-heap condemn reasons: the conditions that held (each a bit of
    /// <paramref name="conditions"/>), or, when none did, the generation whose budget ran out (bits 4-5 of
    /// <paramref name="generations"/>, which packs two bits per reason).
    /// </summary>
    public static string Why(uint generations, uint conditions)
    {
        var held = Enumerable.Range(0, Conditions.Length).Where(bit => (conditions & (1u << bit)) != 0).Select(bit => Conditions[bit])
            .Where(c => c != "gen1 due").ToList();
        if (held.Count > 0) return string.Join(", ", held);
        var budget = (generations >> 4) & 3;
        return budget == 2 ? "gen2 budget spent" : "";
    }
}
