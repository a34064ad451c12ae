using Quorum.Diagnostics;

namespace Quorum.Load;

/// <summary>
/// The records loaded from each input file, kept between loads by <c>quorum serve</c> so a rebuild after a save reads only
/// the files that changed. An entry is reused while the file's path, last-write time and length are those seen just
/// before it was read (a change during the read makes the next load read it again, never miss it). A file the watcher
/// names is read again whatever its time stamp says (two saves can share one), but counts as changed only if its text did.
/// </summary>
public sealed class LoadCache
{
    /// <summary>
    /// The folder that paths in messages are relative to: the working directory when the cache was made. Fixed, so that
    /// a change of working directory (process-wide: another thread, or a test) cannot make every entry look different.
    /// </summary>
    public string DisplayRoot { get; } = Environment.CurrentDirectory;

    sealed record Entry(DateTime LastWriteUtc, long Length, string DisplayPath, UInt128 TextHash, object? Record, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public bool Stale { get; init; }
    }

    readonly System.Collections.Concurrent.ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);
    readonly System.Collections.Concurrent.ConcurrentBag<string> _read = [];

    /// <summary>Full paths whose text the last load found new or changed (every file on the first load).</summary>
    public IReadOnlyList<string> LastRead { get; private set; } = [];

    /// <summary>Full paths read by an earlier load that the last load no longer found.</summary>
    public IReadOnlyList<string> LastRemoved { get; private set; } = [];

    public int Count => _entries.Count;

    /// <summary>Makes the next load read the file again, whatever its time stamp and length say.</summary>
    public void Forget(string fullPath)
    {
        var path = Path.GetFullPath(fullPath);
        if (_entries.TryGetValue(path, out var entry)) _entries[path] = entry with { Stale = true };
    }

    internal void BeginLoad() => _seen.Clear();

    /// <summary>Files read by a load that failed part-way (a file vanished mid-save) still count as read by the next one.</summary>
    internal void EndLoad()
    {
        LastRead = _read.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        _read.Clear();
        var removed = _entries.Keys.Where(k => !_seen.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        foreach (var k in removed) _entries.TryRemove(k, out _);
        LastRemoved = removed;
    }

    internal T? Read<T>(string fullPath, string displayPath, string inputPath, Func<SourceFile, DiagnosticBag, T?> load, DiagnosticBag diagnostics)
        where T : class
    {
        _seen[fullPath] = true;
        var info = new FileInfo(fullPath);
        var (written, length) = (info.LastWriteTimeUtc, info.Length);
        _entries.TryGetValue(fullPath, out var entry);
        var usable = entry is not null && entry.DisplayPath == displayPath && entry.Record is T or null;
        if (usable && !entry!.Stale && entry.LastWriteUtc == written && entry.Length == length)
            return Replay<T>(entry, diagnostics);

        var file = SourceFile.Read(fullPath, displayPath, inputPath);
        var hash = Hash(file.Text);
        if (usable && entry!.TextHash == hash)
        {
            _entries[fullPath] = entry with { LastWriteUtc = written, Length = length, Stale = false };
            return Replay<T>(entry, diagnostics);
        }
        var own = new DiagnosticBag();
        var record = load(file, own);
        var found = own.Sorted();
        foreach (var d in found) diagnostics.Add(d);
        _entries[fullPath] = new Entry(written, length, displayPath, hash, record, found);
        _read.Add(fullPath);
        return record;
    }

    static T? Replay<T>(Entry entry, DiagnosticBag diagnostics) where T : class
    {
        foreach (var d in entry.Diagnostics) diagnostics.Add(d);
        return (T?)entry.Record;
    }

    static UInt128 Hash(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text), digest);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }
}
