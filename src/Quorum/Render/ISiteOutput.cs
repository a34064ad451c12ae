namespace Quorum.Render;

/// <summary>
/// Where rendered files go. Rendering streams into it (a decade of minutes is too large to hold in memory);
/// the write phase's staging folder is one, and <c>check</c> uses one that discards.
/// </summary>
public interface ISiteOutput
{
    /// <summary>Called from many threads at once, each with its own path.</summary>
    void Write(string relativePath, ReadOnlySpan<byte> content);

    /// <summary>
    /// Writes a file by streaming into it, for the big ones (the open data is over 100 MB at 5,000 meetings): an
    /// output that writes to disk streams straight into the file; any other gets the bytes whole, as from <see cref="Write(string, ReadOnlySpan{byte})"/>.
    /// </summary>
    void Write(string relativePath, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        Write(relativePath, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    void Copy(string relativePath, string sourceFile);
}

/// <summary>Counts what would be written and writes nothing: <c>quorum check</c> renders everything, so template errors are caught too.</summary>
public sealed class DiscardingOutput : ISiteOutput
{
    int _files;
    long _bytes;
    public int Files => _files;
    public long Bytes => Interlocked.Read(ref _bytes);

    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        Interlocked.Increment(ref _files);
        Interlocked.Add(ref _bytes, content.Length);
    }

    public void Copy(string relativePath, string sourceFile)
    {
        Interlocked.Increment(ref _files);
        Interlocked.Add(ref _bytes, new FileInfo(sourceFile).Length);
    }
}

/// <summary>Keeps files in memory: for tests and the dev server.</summary>
public sealed class MemoryOutput : ISiteOutput
{
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public void Write(string relativePath, ReadOnlySpan<byte> content) => _files[relativePath] = content.ToArray();
    public void Copy(string relativePath, string sourceFile) => _files[relativePath] = File.ReadAllBytes(sourceFile);

    public string Text(string relativePath) => System.Text.Encoding.UTF8.GetString(_files[relativePath]);
}
