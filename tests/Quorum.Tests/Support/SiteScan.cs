using System.IO.Compression;
using System.Text;

namespace Quorum.Tests.Support;

/// <summary>
/// Reads every byte of every file of a built site, decompressing .gz and .br files, for leak tests. Because it
/// scans the whole folder, any output added later is covered without changing the tests.
/// </summary>
public static class SiteScan
{
    public static IEnumerable<(string Path, string Text)> Files(string site)
    {
        foreach (var file in Directory.GetFiles(site, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return (Path.GetRelativePath(site, file), Decode(file, File.ReadAllBytes(file)));
    }

    public static IEnumerable<(string Path, string Text)> Files(IReadOnlyDictionary<string, byte[]> files) =>
        files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, Decode(f.Key, f.Value)));

    /// <summary>Text as UTF-8 and also as Latin-1, so a token survives whatever encoding a file uses; UTF-16 too.</summary>
    static string Decode(string name, byte[] bytes)
    {
        if (name.EndsWith(".gz", StringComparison.Ordinal)) bytes = Inflate(new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress));
        else if (name.EndsWith(".br", StringComparison.Ordinal)) bytes = Inflate(new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress));
        return Encoding.UTF8.GetString(bytes) + "\n" + Encoding.Latin1.GetString(bytes) + "\n" + Encoding.Unicode.GetString(bytes);
    }

    static byte[] Inflate(Stream s)
    {
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    /// <summary>Files containing the token, ignoring case (the search index lower-cases words).</summary>
    public static List<string> Hits(IEnumerable<(string Path, string Text)> files, string token) =>
        files.Where(f => f.Text.Contains(token, StringComparison.OrdinalIgnoreCase)).Select(f => f.Path).ToList();
}
