using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Quorum.Check;
using Quorum.Diagnostics;
using Quorum.Load;
using Quorum.Public;
using Quorum.Redact;
using Quorum.Render;
using Quorum.Resolve;
using Quorum.Search;

namespace Quorum.Benchmarks;

/// <summary>
/// <c>profile --input DIR [--theme DIR] [--date YYYY-MM-DD]</c>: where a build's time and memory go, in more detail than
/// <c>quorum build --timings</c>: each phase with the managed memory it leaves behind, every page kind rendered one at a time
/// (count, time, bytes, largest page), the search files alone, the rest of the render phase (feeds, data, search index) as files and sizes,
/// and the garbage collector's own counts and pauses. Nothing is written to disk.
/// </summary>
public static class Profiler
{
    public static void Run(string input, string? theme, DateOnly date, TextWriter o)
    {
        var total = Stopwatch.StartNew();
        o.WriteLine($"{"phase",-28} {"ms",9} {"live MB after",14} {"allocated MB",13}");
        var diagnostics = new DiagnosticBag();
        var raw = Step(o, "load", () => InputLoader.Load(input, diagnostics)!);
        var archive = Step(o, "resolve", () => Resolver.Resolve(raw));
        Step(o, "check", () => { Checker.Check(archive, diagnostics); return 0; });
        if (diagnostics.HasErrors) throw new InvalidOperationException("the input has errors: run quorum check");
        var pub = Step(o, "redact (incl. Markdown parse)", () => Redactor.Redact(archive, date));
        raw = null;
        archive = null;
        Step(o, "  (raw input released)", () => 0);
        GC.KeepAlive(raw);

        var themeObject = Step(o, "theme", () => new Theme(Theme.Locate(theme, input), new SiteUrls(pub.Site.BasePath), pub.Site));
        var renderer = new SiteRenderer(pub, themeObject);
        var pages = Step(o, "page list", renderer.Pages);

        // Every page, one at a time, so each page kind's cost is its own.
        var kinds = new Dictionary<string, (int Count, double Ms, long Bytes, long Max, string MaxUrl)>(StringComparer.Ordinal);
        Step(o, "pages, sequentially", () =>
        {
            foreach (var page in pages)
            {
                var sw = Stopwatch.StartNew();
                var bytes = Encoding.UTF8.GetByteCount(renderer.RenderPage(page));
                var ms = sw.Elapsed.TotalMilliseconds;
                var k = kinds.GetValueOrDefault(page.Template);
                kinds[page.Template] = (k.Count + 1, k.Ms + ms, k.Bytes + bytes, Math.Max(k.Max, bytes), bytes > k.Max ? page.Url : k.MaxUrl);
            }
            return 0;
        });

        // The search files alone (issue 8: they must stay a small share of the build), then the whole render phase
        // as a build runs it (in parallel, search included), into outputs that only measure. CPU time as well as wall
        // time: it is the steadier figure on a shared machine.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Step(o, "search files", () => { SearchFiles.Write(pub, new MeasuringOutput()); return 0; });
        var searchCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var output = new MeasuringOutput();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Step(o, "render phase, as built", () => { renderer.Render(output); return 0; });
        var renderCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU: search files {searchCpu.TotalMilliseconds:0} ms, render phase (search included) {renderCpu.TotalMilliseconds:0} ms"));
        o.WriteLine($"{"total",-28} {total.Elapsed.TotalMilliseconds,9:0} ms; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB");
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        o.WriteLine($"GC: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)} collections; " +
                    $"pauses {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms ({info.PauseTimePercentage:0.0}% of time); " +
                    $"allocated {GC.GetTotalAllocatedBytes() / 1048576.0:0} MB in all; server GC {System.Runtime.GCSettings.IsServerGC}");

        o.WriteLine();
        o.WriteLine($"{"page kind",-12} {"pages",7} {"ms",9} {"ms/page",8} {"MB",9} {"KB/page",8} {"largest KB",11}  largest");
        foreach (var (kind, k) in kinds.OrderByDescending(k => k.Value.Ms))
            o.WriteLine($"{kind,-12} {k.Count,7} {k.Ms,9:0} {k.Ms / k.Count,8:0.00} {k.Bytes / 1048576.0,9:0.0} {k.Bytes / 1024.0 / k.Count,8:0.0} {k.Max / 1024.0,11:0} {k.MaxUrl}");

        o.WriteLine();
        var pageFiles = pages.Select(p => p.File ?? new SiteUrls(pub.Site.BasePath).FileFor(p.Url)).ToHashSet(StringComparer.Ordinal);
        var other = output.Sizes.Where(f => !pageFiles.Contains(f.Key)).ToList();
        o.WriteLine($"render phase output: {output.Sizes.Count} files, {output.Sizes.Values.Sum() / 1048576.0:0.0} MB; " +
                    $"pages {output.Sizes.Where(f => pageFiles.Contains(f.Key)).Sum(f => f.Value) / 1048576.0:0.0} MB; " +
                    $"other files {other.Count}, {other.Sum(f => f.Value) / 1048576.0:0.0} MB:");
        foreach (var group in other.GroupBy(f => f.Key.Split('/')[0]).OrderByDescending(g => g.Sum(f => f.Value)))
            o.WriteLine($"  {group.Key + "/",-14} {group.Count(),6} files {group.Sum(f => f.Value) / 1048576.0,9:0.0} MB" +
                        $"   largest: {group.MaxBy(f => f.Value).Key} {group.Max(f => f.Value) / 1048576.0:0.0} MB");
    }

    static T Step<T>(TextWriter o, string name, Func<T> run)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var sw = Stopwatch.StartNew();
        var result = run();
        var ms = sw.Elapsed.TotalMilliseconds;
        var live = GC.GetTotalMemory(forceFullCollection: true);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-28} {ms,9:0} {live / 1048576.0,14:0} {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0,13:0}"));
        return result;
    }

    sealed class MeasuringOutput : ISiteOutput
    {
        public ConcurrentDictionary<string, long> Sizes { get; } = new(StringComparer.Ordinal);
        public void Write(string relativePath, ReadOnlySpan<byte> content) => Sizes[relativePath] = content.Length;
        public void Copy(string relativePath, string sourceFile) => Sizes[relativePath] = new FileInfo(sourceFile).Length;
    }
}
