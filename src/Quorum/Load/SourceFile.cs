using System.Numerics;
using System.Text;

namespace Quorum.Load;

/// <summary>An input file's text, normalised (no byte-order mark, LF line endings) so positions and output never depend on the editor.</summary>
/// <remarks><see cref="DisplayPath"/> (relative to the working directory) is for messages; <see cref="InputPath"/>
/// (relative to the input folder) is what "edit this page" links append to <c>edit_url</c>.</remarks>
public sealed class SourceFile
{
    static readonly UTF8Encoding Utf8 = new(false);

    public string FullPath { get; }
    public string DisplayPath { get; }
    public string InputPath { get; }

    // The whole text; or, for a Markdown file split as it was read, its parts: the opening "---" line, the front-matter,
    // the closing line and the body, which are the whole text end to end.
    readonly string? _text;
    readonly FrontMatterDocument? _split;
    readonly string _closing = "";

    SourceFile(string fullPath, string displayPath, string inputPath, string? text, FrontMatterDocument? split = null, string closing = "")
    {
        (FullPath, DisplayPath, InputPath) = (fullPath, displayPath, inputPath.Replace('\\', '/'));
        (_text, _split, _closing) = (text, split, closing);
    }

    public string Text => _text ?? string.Concat(Opening, _split!.Yaml, _closing, _split.Body);

    /// <summary>The front-matter and body (<see cref="FrontMatterDocument.Split"/> of <see cref="Text"/>).</summary>
    public FrontMatterDocument? FrontMatter() => _split ?? FrontMatterDocument.Split(Text);

    const string Opening = "---\n";

    public static SourceFile Read(string fullPath, string displayPath, string inputPath)
    {
        // Decoded in one step, to a string of the exact size: a reader grows a buffer and copies it (at 1,000
        // meetings that was 0.1 GB of garbage). The bytes go into a buffer each thread reuses, not an array per file
        // (another 32 MB at 1,000 meetings). A byte-order mark of UTF-16 or UTF-32 is honoured, as a reader does.
        var bytes = ReadBytes(fullPath);
        if (fullPath.EndsWith(".md", StringComparison.Ordinal) && SplitUtf8(bytes) is var (split, closing))
            return new SourceFile(fullPath, displayPath, inputPath, null, split, closing);
        var text = bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0, 0, 0xFE, 0xFF, ..]
            ? new StreamReader(new MemoryStream(bytes.ToArray()), Utf8, detectEncodingFromByteOrderMarks: true).ReadToEnd()
            : Utf8.GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        return new SourceFile(fullPath, displayPath, inputPath, text);
    }

    /// <summary>
    /// <see cref="FrontMatterDocument.Split"/> of a UTF-8 file with LF line endings (almost every file), split in its
    /// bytes and each part decoded alone: the whole text as a string was garbage at once, 60 MB at 1,000 meetings.
    /// The parts are cut at line ends, so they decode to what slicing the whole text would give. Null for any other
    /// file (another encoding, carriage returns, no front-matter), which is read whole.
    /// </summary>
    static (FrontMatterDocument Split, string Closing)? SplitUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        if (!bytes.StartsWith("---\n"u8) || bytes.Contains((byte)'\r')) return null;
        int pos = Opening.Length, line = 2;
        while (pos < bytes.Length)
        {
            int end = bytes[pos..].IndexOf((byte)'\n');
            end = end < 0 ? -1 : pos + end;
            var current = end < 0 ? bytes[pos..] : bytes[pos..end];
            // Only a line that starts so can close it; its end is trimmed as the text's would be.
            if ((current.StartsWith("---"u8) || current.StartsWith("..."u8)) && Utf8.GetString(current).TrimEnd() is "---" or "...")
            {
                int bodyStart = end < 0 ? bytes.Length : end + 1;
                var split = new FrontMatterDocument(Utf8.GetString(bytes[Opening.Length..pos]), 2, Utf8.GetString(bytes[bodyStart..]), line + 1);
                return (split, Utf8.GetString(bytes[pos..bodyStart]));
            }
            if (end < 0) break;
            pos = end + 1;
            line++;
        }
        return null;
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
