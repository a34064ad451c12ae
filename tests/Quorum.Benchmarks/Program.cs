using System.Globalization;
using Quorum.Benchmarks;

// Developer tools for issue 6 (benchmarks/run.sh uses them):
//   generate --meetings N --out DIR [--seed S]    a deterministic synthetic input folder (FORMAT.md)
//   profile --input DIR [--theme DIR] [--date D]  where a build's time and memory go (phases, page kinds, big files)
//   allocations TRACE [--top N]                   where a build allocates, from a trace (benchmarks/allocations.sh)
//   collections TRACE                             each garbage collection of a build, from the same trace
//   jit TRACE [--top N]                           what the JIT compiled during a build, from a trace (benchmarks/jit.sh)
//   search --input DIR [--date D] [--runs N]      the search alone, read and written N times (to compare two versions)
return Tool.Run(args, Console.Out, Console.Error);

static class Tool
{
    const string Usage = "usage: Quorum.Benchmarks generate --meetings N --out DIR [--seed S]\n" +
                         "       Quorum.Benchmarks profile --input DIR [--theme DIR] [--date YYYY-MM-DD]\n" +
                         "       Quorum.Benchmarks allocations TRACE.nettrace [--top N]\n" +
                         "       Quorum.Benchmarks collections TRACE.nettrace\n" +
                         "       Quorum.Benchmarks jit TRACE.nettrace [--top N]\n" +
                         "       Quorum.Benchmarks search --input DIR [--date YYYY-MM-DD] [--runs N]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        if (args[0] == "profile") return Profile(args, stdout, stderr);
        if (args[0] == "allocations") return Allocations(args, stdout, stderr);
        if (args[0] == "collections") return Collections(args, stdout, stderr);
        if (args[0] == "jit") return Jit(args, stdout, stderr);
        if (args[0] == "search") return Search(args, stdout, stderr);
        if (args[0] != "generate")
        {
            stderr.WriteLine($"unknown command '{args[0]}'\n{Usage}");
            return 2;
        }
        int? meetings = null;
        var seed = 1;
        string? output = null;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--meetings" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    meetings = n; i++; break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                    seed = s; i++; break;
                case "--out" when value is not null:
                    output = value; i++; break;
                default:
                    stderr.WriteLine($"bad argument '{args[i]}'\n{Usage}");
                    return 2;
            }
        }
        if (meetings is null || output is null)
        {
            stderr.WriteLine(Usage);
            return 2;
        }
        try
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var summary = CorpusGenerator.Generate(output, meetings.Value, seed);
            stdout.WriteLine($"Generated {summary.Meetings} meetings, {summary.Members} members, {summary.Bodies} bodies, " +
                             $"{summary.Actions} actions: {summary.Files} files, {summary.Bytes / 1024.0 / 1024.0:0.0} MB in {output} " +
                             $"({sw.Elapsed.TotalSeconds:0.0} s).");
            return 0;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    static int Allocations(string[] args, TextWriter stdout, TextWriter stderr) =>
        TraceAndTop(args, stderr, out var top) ? Report(args[1], stderr, trace => AllocationReport.Run(trace, top, stdout)) : 2;

    static int Jit(string[] args, TextWriter stdout, TextWriter stderr) =>
        TraceAndTop(args, stderr, out var top) ? Report(args[1], stderr, trace => JitReport.Run(trace, top, stdout)) : 2;

    /// <summary>Reads <c>TRACE [--top N]</c> (40 unless given); prints the usage when they are not that.</summary>
    static bool TraceAndTop(string[] args, TextWriter stderr, out int top)
    {
        top = 40;
        if (args.Length is not (2 or 4) || (args.Length == 4 && (args[2] != "--top" ||
            !int.TryParse(args[3], NumberStyles.None, CultureInfo.InvariantCulture, out top) || top == 0)))
        {
            stderr.WriteLine(Usage);
            return false;
        }
        return true;
    }

    static int Collections(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length != 2)
        {
            stderr.WriteLine(Usage);
            return 2;
        }
        return Report(args[1], stderr, trace => CollectionReport.Run(trace, stdout));
    }

    /// <summary>Runs a report on a trace that exists.</summary>
    static int Report(string trace, TextWriter stderr, Action<string> run)
    {
        if (!File.Exists(trace))
        {
            stderr.WriteLine($"error: no trace at {trace}");
            return 1;
        }
        run(trace);
        return 0;
    }

    static int Search(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var runs = 6;
        if (Options(args, stderr, (name, value) => name == "--runs" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out runs) && runs > 0)
            is not { } options)
            return 2;
        SearchTimer.Run(options.Input, options.Date, runs, stdout);
        return 0;
    }

    static int Profile(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? theme = null;
        if (Options(args, stderr, (name, value) => name == "--theme" && (theme = value) is not null) is not { } options)
            return 2;
        Profiler.Run(options.Input, theme, options.Date, stdout);
        return 0;
    }

    /// <summary>
    /// A command's <c>--input DIR [--date YYYY-MM-DD]</c> and its own options (<paramref name="own"/> takes a name and
    /// value and says whether it knew them); null, with the usage written, if anything is amiss.
    /// </summary>
    static (string Input, DateOnly Date)? Options(string[] args, TextWriter stderr, Func<string, string, bool> own)
    {
        string? input = null;
        var date = new DateOnly(2026, 1, 1);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--input": input = args[i + 1]; break;
                case "--date" when DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d): date = d; break;
                default:
                    if (own(args[i], args[i + 1])) break;
                    stderr.WriteLine($"bad argument '{args[i]}'\n{Usage}");
                    return null;
            }
        }
        if (input is null || args.Length % 2 == 0)
        {
            stderr.WriteLine(Usage);
            return null;
        }
        return (input, date);
    }
}
