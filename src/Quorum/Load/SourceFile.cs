using System.Numerics;
using System.Text;

namespace Quorum.Load;

/// <summary>An input file's text, normalised (no byte-order mark, LF line endings) so positions and output never depend on the editor.</summary>
/// <remarks><see cref="DisplayPath"/> (relative to the working directory) is for messages; <see cref="InputPath"/>
/// (relative to the input folder) is what "edit this page" links append to <c>edit_url</c>.</remarks>
public sealed record SourceFile(string FullPath, string DisplayPath, string InputPath, string Text)
{
    static readonly UTF8Encoding Utf8 = new(false);

    public static SourceFile Read(string fullPath, string displayPath, string inputPath)
    {
        // Decoded in one step, to a string of the exact size: a reader grows a buffer and copies it (at 1,000
        // meetings that was 0.1 GB of garbage). The bytes go into a buffer each thread reuses, not an array per file
        // (another 32 MB at 1,000 meetings). A byte-order mark of UTF-16 or UTF-32 is honoured, as a reader does.
        var bytes = ReadBytes(fullPath);
        var text = bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0, 0, 0xFE, 0xFF, ..]
            ? new StreamReader(new MemoryStream(bytes.ToArray()), Utf8, detectEncodingFromByteOrderMarks: true).ReadToEnd()
            : Utf8.GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        return new SourceFile(fullPath, displayPath, inputPath.Replace('\\', '/'), text);
    }

    [ThreadStatic] static byte[]? t_buffer;
    const int MostBuffered = 4 << 20;

    /// <summary>The file's bytes, in this thread's buffer: valid until the thread reads another file.</summary>
    static ReadOnlySpan<byte> ReadBytes(string fullPath)
    {
        using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        long size = RandomAccess.GetLength(handle);
        // A meeting's minutes are tens of kilobytes; a rare file of megabytes gets an array of its own rather than a
        // buffer that the thread would keep for the rest of the build.
        if (size >= MostBuffered) return File.ReadAllBytes(fullPath);
        var buffer = t_buffer;
        if (buffer is null || buffer.Length <= size)
            t_buffer = buffer = new byte[Math.Max(64 * 1024, (int)BitOperations.RoundUpToPowerOf2((uint)size + 1))];
        int length = 0, read;
        while (length < buffer.Length && (read = RandomAccess.Read(handle, buffer.AsSpan(length), length)) > 0)
            length += read;
        // A full buffer means the file grew after its length was taken: read it whole instead.
        return length == buffer.Length ? File.ReadAllBytes(fullPath) : buffer.AsSpan(0, length);
    }
}

/// <summary>A Markdown file split into its YAML front-matter and its body, with the line each starts on.</summary>
public sealed record FrontMatterDocument(string Yaml, int YamlFirstLine, string Body, int BodyFirstLine)
{
    /// <summary>Null when the file does not open with a <c>---</c> line or never closes it.</summary>
    public static FrontMatterDocument? Split(string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal) && text.TrimEnd() != "---") return null;
        var pos = text.IndexOf('\n') + 1;
        var line = 2;
        while (pos < text.Length)
        {
            var end = text.IndexOf('\n', pos);
            var current = (end < 0 ? text.AsSpan(pos) : text.AsSpan(pos, end - pos)).TrimEnd();
            if (current is "---" or "...")
            {
                var bodyStart = end < 0 ? text.Length : end + 1;
                return new FrontMatterDocument(text[(text.IndexOf('\n') + 1)..pos], 2, text[bodyStart..], line + 1);
            }
            if (end < 0) break;
            pos = end + 1;
            line++;
        }
        return null;
    }
}
