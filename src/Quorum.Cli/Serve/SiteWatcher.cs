namespace Quorum.Cli.Serve;

/// <summary>
/// Watches the input and theme folders (recursively) and reports each path that was created, changed, renamed (both
/// names) or deleted. Editors save through temporary files, swap files and renames: names that are only ever
/// temporary are ignored, and the dev server waits for a quiet spell before it rebuilds. An overflowing event buffer
/// is reported as an empty path ("something changed"): the rebuild then finds the changes from time stamps.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    readonly List<FileSystemWatcher> _watchers = [];
    readonly Action<string> _changed;
    readonly string[] _excluded;

    public SiteWatcher(IEnumerable<string> directories, IEnumerable<string> excluded, Action<string> changed)
    {
        _changed = changed;
        _excluded = excluded.Select(e => Path.GetFullPath(e).TrimEnd(Path.DirectorySeparatorChar)).ToArray();
        foreach (var dir in directories.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            var w = new FileSystemWatcher(dir)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            w.Created += (_, e) => Report(dir, e.FullPath);
            w.Changed += (_, e) => Report(dir, e.FullPath);
            w.Deleted += (_, e) => Report(dir, e.FullPath);
            w.Renamed += (_, e) =>
            {
                Report(dir, e.OldFullPath);
                Report(dir, e.FullPath);
            };
            w.Error += (_, _) => _changed("");
            w.EnableRaisingEvents = true;
            _watchers.Add(w);
        }
    }

    public IReadOnlyList<string> Directories => _watchers.Select(w => w.Path).ToList();

    void Report(string root, string path)
    {
        if (Ignored(path)) return;
        // Nothing under a hidden folder (.git, an editor's backup folder) is input.
        if (Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Any(s => s.StartsWith('.'))) return;
        foreach (var e in _excluded)
            if (path == e || path.StartsWith(e + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return;
        _changed(path);
    }

    /// <summary>Editors' temporary and backup files: dot files (Vim swap files, Emacs locks, atomic-save temps), <c>name~</c>, Vim's <c>4913</c> probe.</summary>
    public static bool Ignored(string path)
    {
        var name = Path.GetFileName(path);
        return name.Length == 0 || name.StartsWith('.') || name.EndsWith('~') || name == "4913" ||
               name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".swx", StringComparison.Ordinal) ||
               name.EndsWith(".tmp", StringComparison.Ordinal) || name.StartsWith('#');
    }

    public void Dispose()
    {
        foreach (var w in _watchers)
        {
            w.EnableRaisingEvents = false;
            w.Dispose();
        }
        _watchers.Clear();
    }
}
