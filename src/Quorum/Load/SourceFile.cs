using System.Text;

namespace Quorum.Load;

/// <summary>An input file's text, normalised (no byte-order mark, LF line endings) so positions and output never depend on the editor.</summary>
/// <remarks><see cref="DisplayPath"/> (relative to the working directory) is for messages; <see cref="InputPath"/>
/// (relative to the input folder) is what "edit this page" links append to <c>edit_url</c>.</remarks>
public sealed record SourceFile(string FullPath, string DisplayPath, string InputPath, string Text)
{
    public static SourceFile Read(string fullPath, string displayPath, string inputPath)
    {
        var text = File.ReadAllText(fullPath, new UTF8Encoding(false));
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        return new SourceFile(fullPath, displayPath, inputPath.Replace('\\', '/'), text);
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
            var current = end < 0 ? text[pos..] : text[pos..end];
            if (current.TrimEnd() is "---" or "...")
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
