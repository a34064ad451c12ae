namespace Quorum.Diagnostics;

/// <summary>Collects problems from every phase so one run reports all of them. Thread-safe: phases run in parallel.</summary>
public sealed class DiagnosticBag
{
    readonly List<Diagnostic> _items = [];
    readonly Lock _lock = new();

    public void Error(string code, SourceLocation at, string message) => Add(new Diagnostic(Severity.Error, code, message, at));
    public void Warning(string code, SourceLocation at, string message) => Add(new Diagnostic(Severity.Warning, code, message, at));

    public void Add(Diagnostic d)
    {
        lock (_lock) _items.Add(d);
    }

    public bool HasErrors
    {
        get { lock (_lock) return _items.Any(d => d.IsError); }
    }

    /// <summary>Sorted by file, line and column, so output is stable whatever order parallel work finished in.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (_lock)
            return _items
                .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
                .Distinct()
                .ToList();
    }
}
