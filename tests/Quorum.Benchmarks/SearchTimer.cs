using System.Diagnostics;
using System.Globalization;
using Quorum.Build;
using Quorum.Render;
using Quorum.Search;

namespace Quorum.Benchmarks;

/// <summary>
/// <c>search --input DIR [--date YYYY-MM-DD] [--runs N]</c>: the search alone, for comparing two versions of its code:
/// the archive is prepared once, then read (<see cref="SearchFiles.Read"/>) and written (into an output that only
/// counts) N times, each run's wall and CPU time printed for both halves. The first run also prints a hash of every
/// file's path and bytes, so two versions can be shown to write the same index. Run with the command line's settings
/// (<c>DOTNET_TieredCompilation=0 DOTNET_gcServer=1</c>) and alternate the two versions (benchmarks/README.md).
/// </summary>
public static class SearchTimer
{
    public static void Run(string input, DateOnly date, int runs, TextWriter o)
    {
        var (archive, diagnostics) = BuildPipeline.Prepare(input, date, new PhaseTimings());
        if (archive is null)
            throw new InvalidOperationException("the input has errors: run quorum check\n" + string.Join("\n", diagnostics.Sorted()));
        using var process = Process.GetCurrentProcess();
        for (int run = 1; run <= runs; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var counted = new DiscardingOutput();
            var hashed = run == 1 ? new HashingOutput(counted) : null;
            var (readWall, readCpu, reading) = Measure(process, () => SearchFiles.Read(archive));
            var (writeWall, writeCpu, _) = Measure(process, () => reading.Write(hashed ?? (ISiteOutput)counted));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: read wall {readWall:0} ms, cpu {readCpu:0} ms | write wall {writeWall:0} ms, cpu {writeCpu:0} ms | " +
                $"{counted.Files} files, {counted.Bytes} bytes{(hashed is null ? "" : $", hash {hashed.Hash:x16}")}"));
        }
    }

    static (double Wall, double Cpu, T Value) Measure<T>(Process process, Func<T> work)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var value = work();
        process.Refresh();
        return (wall.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds, value);
    }

    /// <summary>An order-free FNV-1a hash of each file's path and bytes, the files then passed on to <paramref name="inner"/>.</summary>
    sealed class HashingOutput(ISiteOutput inner) : ISiteOutput
    {
        long _hash;
        public ulong Hash => (ulong)Interlocked.Read(ref _hash);

        public void Write(string relativePath, ReadOnlySpan<byte> content)
        {
            ulong h = 14695981039346656037;
            foreach (char c in relativePath) h = (h ^ c) * 1099511628211;
            foreach (byte b in content) h = (h ^ b) * 1099511628211;
            // Files finish in any order on several threads: the hashes are added, which no order changes.
            Interlocked.Add(ref _hash, (long)h);
            inner.Write(relativePath, content);
        }

        public void Copy(string relativePath, string sourceFile) => Write(relativePath, File.ReadAllBytes(sourceFile));
    }
}
