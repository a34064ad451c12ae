using System.Diagnostics;
using System.Globalization;
using Quorum.Build;
using Quorum.Search;
using Quorum.Search.Shards;
using Quorum.Write;

// IndexTime --input DIR --site DIR --theme DIR [--date YYYY-MM-DD] [--search-only] [--tier N] [--growth N]
//           [--shard-chars N] [--chunk N] [--vector-chunk N]
//
// 1. The whole build (quorum build, in this process) into --site: wall and CPU time (user + system, all threads:
//    steadier than wall time on a shared machine).
// 2. The search files alone (SearchFiles.Write: the lunr index, the shards, and the lunr files for small sites) from
//    the same redacted archive into --site.search/: wall and CPU time, files and bytes.
// Prints both and the search's share: search / (whole build - search), the "adds at most 20%" of issue 8.
// --search-only skips 1 (to try shard options quickly).
string? input = null, site = null, theme = null;
var date = new DateOnly(2026, 1, 1);
var searchOnly = false;
var options = ShardOptions.Default;
for (var i = 0; i < args.Length; i++)
{
    string Next() => args[++i];
    int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--input": input = Next(); break;
        case "--site": site = Next(); break;
        case "--theme": theme = Next(); break;
        case "--date": date = DateOnly.ParseExact(Next(), "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
        case "--search-only": searchOnly = true; break;
        case "--tier": options = options with { TierSize = Int() }; break;
        case "--growth": options = options with { BandGrowth = Int() }; break;
        case "--shard-chars": options = options with { ShardChars = Int() }; break;
        case "--chunk": options = options with { ChunkDocuments = Int() }; break;
        case "--vector-chunk": options = options with { VectorChunkDocuments = Int() }; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}
if (input is null || site is null) { Console.Error.WriteLine("usage: IndexTime --input DIR --site DIR --theme DIR [options]"); return 2; }

static (TimeSpan Wall, TimeSpan Cpu, T Value) Measure<T>(Func<T> run)
{
    GC.Collect();
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    var value = run();
    process.Refresh();
    return (wall.Elapsed, process.TotalProcessorTime - cpu, value);
}

(TimeSpan Wall, TimeSpan Cpu, BuildPipeline.Result Value)? whole = null;
if (!searchOnly)
{
    if (Directory.Exists(site)) Directory.Delete(site, recursive: true);
    whole = Measure(() => BuildPipeline.Build(new BuildOptions(input, site, date, theme)));
    if (!whole.Value.Value.Succeeded) { Console.Error.WriteLine("the build failed"); return 1; }
}
var (archive, diagnostics) = BuildPipeline.Prepare(input, date, new PhaseTimings());
if (archive is null) { Console.Error.WriteLine("the input has errors"); return 1; }
var searchFolder = site.TrimEnd('/') + ".search";
if (Directory.Exists(searchFolder)) Directory.Delete(searchFolder, recursive: true);
// Memory: the working set just before the search files, and the process's peak once they are written (the peak
// may be the load's; if the search's is higher, the difference is what the search adds).
GC.Collect();
var before = Process.GetCurrentProcess().WorkingSet64;
var search = Measure(() =>
{
    using var staging = new StagingOutput(searchFolder);
    var summary = SearchFiles.Write(archive, staging, options);
    staging.Commit();
    return summary;
});
var s = search.Value;
static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
Console.WriteLine($"meetings {archive.Meetings.Count}, documents {s.Documents}, terms {s.Terms}, term shards {s.Shards}, " +
                  $"terms with bands {s.IncompleteTerms}, document files {s.Chunks}, small site {s.Small}");
Console.WriteLine($"search files: {s.Files} shard files, {s.Bytes / 1048576.0:0.0} MB (lunr files {(archive.Meetings.Count <= SearchFiles.LunrIndexMaxMeetings ? "written" : "not written")})");
Console.WriteLine($"search index: wall {Seconds(search.Wall)} s, cpu {Seconds(search.Cpu)} s; working set before {before / 1048576} MB, " +
                  $"peak of the process after {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
// Where the search's time goes: documents, the lunr index, the shard files (written to a throw-away output).
// Live managed memory after each step (a full collection first): what each holds on to.
static long LiveMB() => GC.GetTotalMemory(forceFullCollection: true) / 1048576;
var baseline = LiveMB();
var docs = Measure(() => SearchDocuments.From(archive));
var docsLive = LiveMB();
var index = Measure(() => SearchIndex.Build(docs.Value, withPostingRefs: archive.Meetings.Count <= SearchFiles.LunrIndexMaxMeetings));
var indexLive = LiveMB();
var shards = Measure(() => ShardWriter.Write(docs.Value, index.Value, new Quorum.Render.DiscardingOutput(), options));
Console.WriteLine($"  of which (cpu, not writing files): documents {Seconds(docs.Cpu)} s, lunr index {Seconds(index.Cpu)} s, shards {Seconds(shards.Cpu)} s");
Console.WriteLine($"  live managed memory: archive {baseline} MB, + documents {docsLive - baseline} MB, + lunr index {indexLive - docsLive} MB");
if (whole is { } w)
{
    Console.WriteLine($"whole build:  wall {Seconds(w.Wall)} s, cpu {Seconds(w.Cpu)} s ({w.Value.Files} files, {w.Value.Bytes / 1048576.0:0} MB)");
    var cpuShare = search.Cpu.TotalSeconds / Math.Max(1e-9, (w.Cpu - search.Cpu).TotalSeconds);
    var wallShare = search.Wall.TotalSeconds / Math.Max(1e-9, (w.Wall - search.Wall).TotalSeconds);
    Console.WriteLine($"search adds {cpuShare * 100:0}% (cpu) / {wallShare * 100:0}% (wall) to the rest of the build");
}
return 0;
