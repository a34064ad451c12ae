using Microsoft.Diagnostics.Tracing;

namespace Quorum.Benchmarks;

/// <summary>
/// <c>jit TRACE [--top N]</c>: what the JIT compiled while a build ran, from the runtime's JIT events in a trace
/// (benchmarks/jit.sh records them): the methods the ahead-of-time image lacked, how long each took to compile, summed
/// by where they come from (a generic instantiation of the framework's, a template Handlebars.Net compiled, a
/// reflection stub...), and the costliest. A build's JIT time is fixed (it does not grow with the archive), so it is a
/// large share of a small site's build.
/// </summary>
public static class JitReport
{
    public sealed record Compiled(string Namespace, string Name, double StartMs, double Ms);

    public static void Run(string tracePath, int top, TextWriter o)
    {
        var methods = Read(tracePath);
        o.WriteLine($"{methods.Count:#,0} methods compiled, {methods.Sum(m => m.Ms):0} ms of JIT " +
                    $"(from {methods.Select(m => m.StartMs).DefaultIfEmpty().Min():0} to {methods.Select(m => m.StartMs + m.Ms).DefaultIfEmpty().Max():0} ms after the first event)");
        o.WriteLine("By origin:");
        foreach (var g in methods.GroupBy(Origin).OrderByDescending(g => g.Sum(m => m.Ms)))
            o.WriteLine($"  {g.Sum(m => m.Ms),7:0.0} ms  {g.Count(),4}  {g.Key}");
        o.WriteLine($"The {top} costliest:");
        foreach (var m in methods.OrderByDescending(m => m.Ms).ThenBy(m => m.StartMs).Take(top))
            o.WriteLine($"  {m.Ms,6:0.0} ms  at {m.StartMs,6:0} ms  {Shorten(m.Namespace)}::{m.Name}");
    }

    /// <summary>Where a compiled method comes from: its namespace's first two parts, or what kind of generated code it is.</summary>
    public static string Origin(Compiled m)
    {
        if (m.Namespace.StartsWith("dynamicClass", StringComparison.Ordinal))
            return m.Name.StartsWith("InvokeStub_", StringComparison.Ordinal) ? "reflection invoke stubs" :
                   m.Name.StartsWith("Regex", StringComparison.Ordinal) ? "compiled regular expressions" : "expression trees (Handlebars.Net templates)";
        if (m.Namespace.Contains("CompiledRegexRunner", StringComparison.Ordinal)) return "compiled regular expressions";
        var type = m.Namespace.Split('[', '`')[0];
        var parts = type.Split('.');
        return parts.Length <= 2 ? type : $"{parts[0]}.{parts[1]}";
    }

    static string Shorten(string s) => s.Length <= 110 ? s : s[..107] + "...";

    public static List<Compiled> Read(string tracePath)
    {
        var result = new List<Compiled>();
        using var source = new EventPipeEventSource(tracePath);
        double first = -1;
        // The method each thread is compiling: a JIT event pair brackets one method on one thread.
        var open = new Dictionary<int, (long Id, string Ns, string Name, double Start)>();
        source.Clr.MethodJittingStarted += e =>
        {
            if (first < 0) first = e.TimeStampRelativeMSec;
            open[e.ThreadID] = (e.MethodID, e.MethodNamespace, e.MethodName, e.TimeStampRelativeMSec);
        };
        source.Clr.MethodLoadVerbose += e =>
        {
            if (!open.Remove(e.ThreadID, out var m) || m.Id != e.MethodID) return;
            result.Add(new Compiled(m.Ns, m.Name, m.Start - first, e.TimeStampRelativeMSec - m.Start));
        };
        source.Process();
        return result;
    }
}
