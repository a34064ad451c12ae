using System.Text;

namespace Quorum.Render;

/// <summary>
/// Where one page is rendered: straight into UTF-8 bytes, the layout's head, the page's template, the layout's tail
/// (<see cref="Theme.RenderPage"/>); <see cref="Body"/> holds the body as text only for a layout that cannot be cut
/// there (it then takes the body as a string: Handlebars.Net writes a StringBuilder one character at a time). Reused
/// by each rendering thread, so a build of thousands of pages does not allocate, grow and copy page-sized buffers
/// thousands of times (that copying and the garbage it made were a tenth of the build).
/// </summary>
sealed class PageBuffer
{
    const int KeepAtMost = 4 << 20; // one very large register page should not pin its buffers for the rest of the build

    [ThreadStatic] static PageBuffer? t_buffer;

    readonly MemoryStream _bytes = new();

    public StringWriter Body { get; } = new();
    public PageWriter Html { get; }

    public PageBuffer() => Html = new PageWriter(_bytes);

    public ReadOnlySpan<byte> Bytes => _bytes.GetBuffer().AsSpan(0, (int)_bytes.Length);

    /// <summary>This thread's buffer, empty; taken until <see cref="Release"/> (a failed render leaves it unused).</summary>
    public static PageBuffer ForThisThread()
    {
        var buffer = t_buffer ?? new PageBuffer();
        t_buffer = null;
        return buffer;
    }

    public void Release()
    {
        if (_bytes.Capacity > KeepAtMost || Body.GetStringBuilder().Capacity > KeepAtMost) return;
        _bytes.SetLength(0);
        Body.GetStringBuilder().Clear();
        t_buffer = this;
    }
}

/// <summary>
/// A page's writer: text encoded to UTF-8 as any writer would, and HTML the archive already keeps as UTF-8 (rendered
/// Markdown) copied in as it is, not decoded into a string for the writer to encode again (that round trip was a
/// fifth of rendering the pages). The theme's helpers find it behind Handlebars.Net's writer (<see cref="ThemeHelpers"/>).
/// </summary>
sealed class PageWriter(Stream bytes) : StreamWriter(bytes, new UTF8Encoding(false), 16 << 10)
{
    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        Flush(); // the text before it, in order
        BaseStream.Write(utf8);
    }
}
