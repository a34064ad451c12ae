using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Quorum.Render;

namespace Quorum.Build;

/// <summary>What is in the output folder: each file's path (relative, with '/') and a hash of its bytes.</summary>
sealed class OutputManifest
{
    public ConcurrentDictionary<string, UInt128> Files { get; } = new(StringComparer.Ordinal);

    public static UInt128 Hash(ReadOnlySpan<byte> content)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(content, digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }
}

/// <summary>Records the hash of every file a full build writes, passing it on to the real output (the staging folder).</summary>
sealed class HashingOutput(ISiteOutput inner, OutputManifest manifest) : ISiteOutput
{
    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        inner.Write(relativePath, content);
        manifest.Files[Normal(relativePath)] = OutputManifest.Hash(content);
    }

    public void Copy(string relativePath, string sourceFile)
    {
        inner.Copy(relativePath, sourceFile);
        manifest.Files[Normal(relativePath)] = OutputManifest.Hash(File.ReadAllBytes(sourceFile));
    }

    internal static string Normal(string relativePath) => relativePath.Replace('\\', '/');
}

/// <summary>
/// The write phase of an incremental rebuild: writes into the live output folder only the files whose bytes differ
/// from what is there, each through a temporary file renamed into place, so a request never sees half a file.
/// Records every path produced, so the rebuild can delete what is no longer produced.
/// </summary>
sealed class IncrementalOutput : ISiteOutput
{
    readonly string _root;
    readonly string _temp;
    readonly OutputManifest _manifest;

    public ConcurrentDictionary<string, bool> Produced { get; } = new(StringComparer.Ordinal);
    /// <summary>Paths whose bytes changed (written) since this output was created.</summary>
    public ConcurrentQueue<string> Changed { get; } = new();

    public IncrementalOutput(string outputDirectory, string tempDirectory, OutputManifest manifest)
    {
        _root = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        _temp = tempDirectory;
        _manifest = manifest;
        Directory.CreateDirectory(_temp);
    }

    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        var path = HashingOutput.Normal(relativePath);
        Produced[path] = true;
        var hash = OutputManifest.Hash(content);
        if (_manifest.Files.TryGetValue(path, out var known) && known == hash && File.Exists(Target(path))) return;
        var target = Target(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Path.Combine(_temp, Guid.NewGuid().ToString("N"));
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            stream.Write(content);
        File.Move(temp, target, overwrite: true);
        _manifest.Files[path] = hash;
        Changed.Enqueue(path);
    }

    public void Copy(string relativePath, string sourceFile) => Write(relativePath, File.ReadAllBytes(sourceFile));

    /// <summary>Deletes the files of the manifest that were not produced (and folders left empty); returns their paths.</summary>
    public List<string> DeleteOthers(IEnumerable<string> alsoKeep)
    {
        var keep = new HashSet<string>(Produced.Keys, StringComparer.Ordinal);
        keep.UnionWith(alsoKeep);
        var gone = _manifest.Files.Keys.Where(k => !keep.Contains(k)).Order(StringComparer.Ordinal).ToList();
        foreach (var path in gone)
        {
            var target = Target(path);
            if (File.Exists(target)) File.Delete(target);
            _manifest.Files.TryRemove(path, out _);
            for (var dir = Path.GetDirectoryName(target); dir is not null && dir.Length > _root.Length && Directory.Exists(dir) &&
                 !Directory.EnumerateFileSystemEntries(dir).Any(); dir = Path.GetDirectoryName(dir))
                Directory.Delete(dir);
        }
        return gone;
    }

    string Target(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(_root, relativePath));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new IOException($"refusing to write outside the output folder: {relativePath}");
        return path;
    }
}
