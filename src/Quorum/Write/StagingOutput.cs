using Quorum.Render;

namespace Quorum.Write;

/// <summary>
/// The write phase: files go into a staging folder beside the output folder, and only a build that finished
/// swaps it into place (two renames), so a failed or interrupted build never leaves a half-written site.
/// </summary>
public sealed class StagingOutput : ISiteOutput, IDisposable
{
    readonly string _output;
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<bool>> _folders = new(StringComparer.Ordinal);
    bool _committed;

    public string StagingDirectory { get; }
    int _files;
    long _bytes;
    public int Files => _files;
    public long Bytes => Interlocked.Read(ref _bytes);

    public StagingOutput(string outputDirectory)
    {
        _output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_output) ?? throw new IOException("the output folder cannot be a file system root");
        Directory.CreateDirectory(parent);
        StagingDirectory = Path.Combine(parent, $".{Path.GetFileName(_output)}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(StagingDirectory);
    }

    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        var path = Target(relativePath);
        // A bare handle and one positional write: a FileStream adds a lock, a seek and a truncate per file, and on a
        // virtual disk each system call counts when a site has tens of thousands of files.
        using (var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            RandomAccess.Write(handle, content, 0);
        Interlocked.Increment(ref _files);
        Interlocked.Add(ref _bytes, content.Length);
    }

    public void Write(string relativePath, Action<Stream> write)
    {
        using var file = new FileStream(Target(relativePath), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        write(file);
        Interlocked.Increment(ref _files);
        Interlocked.Add(ref _bytes, file.Length);
    }

    public void Copy(string relativePath, string sourceFile)
    {
        var path = Target(relativePath);
        File.Copy(sourceFile, path, overwrite: true);
        Interlocked.Increment(ref _files);
        Interlocked.Add(ref _bytes, new FileInfo(path).Length);
    }

    string Target(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(StagingDirectory, relativePath));
        if (!path.StartsWith(StagingDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new IOException($"refusing to write outside the output folder: {relativePath}");
        var folder = Path.GetDirectoryName(path)!;
        // Once per folder (an action's page has a folder of its own: 12,575 at 1,000 meetings); no stat after it.
        _ = _folders.GetOrAdd(folder, f => new Lazy<bool>(() => { Directory.CreateDirectory(f); return true; })).Value;
        return path;
    }

    /// <summary>Swaps the staged site into place; the previous site is removed only after the swap.</summary>
    public void Commit()
    {
        string? old = null;
        if (Directory.Exists(_output))
        {
            old = StagingDirectory.Replace(".staging-", ".old-");
            Directory.Move(_output, old);
        }
        Directory.Move(StagingDirectory, _output);
        _committed = true;
        if (old is not null) Directory.Delete(old, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingDirectory)) Directory.Delete(StagingDirectory, recursive: true);
    }
}
