using System.Buffers;
using System.Globalization;
using System.Text;

namespace Quorum.Search.Lunr;

/// <summary>
/// A minimal UTF-8 JSON emitter that escapes strings exactly as JavaScript's JSON.stringify does
/// (only '"', '\\', control characters and lone surrogates; everything else raw), so the output is
/// byte-identical to lunr's. System.Text.Json's Utf8JsonWriter escapes more (non-ASCII, '+', '&lt;'...),
/// with upper-case hex, and rejects lone surrogates, which a tokenizer splitting UTF-16 can produce.
/// </summary>
internal sealed class JsJsonWriter(Stream stream) : IDisposable
{
    private const string Hex = "0123456789abcdef";
    // Printable ASCII and DEL, less the quote and the backslash: written as they are.
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~\u007F");
    private byte[] _buffer = new byte[1 << 16];
    private int _position;

    public void Raw(char asciiChar)
    {
        Ensure(1);
        _buffer[_position++] = (byte)asciiChar;
    }

    public void Raw(string ascii)
    {
        Ensure(ascii.Length);
        foreach (char c in ascii)
            _buffer[_position++] = (byte)c;
    }

    public void Number(int value)
    {
        Ensure(11);
        value.TryFormat(_buffer.AsSpan(_position), out int written, default, CultureInfo.InvariantCulture);
        _position += written;
    }

    public void Number(double value)
    {
        Ensure(20);
        if (JsNumber.TryWriteThousandths(value, _buffer.AsSpan(_position), out int written))
            _position += written;
        else
            Raw(JsNumber.ToJson(value));
    }

    public void String(string s)
    {
        Ensure(s.Length * 6 + 2);
        byte[] b = _buffer;
        int p = _position;
        b[p++] = (byte)'"';
        // Most strings (terms, refs) need no escaping and are ASCII: copy them in one vectorized step.
        int i = s.AsSpan().IndexOfAnyExcept(PlainAscii);
        if (i < 0)
            i = s.Length;
        p += Encoding.ASCII.GetBytes(s.AsSpan(0, i), b.AsSpan(p));
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c < 0x80)
            {
                if (c >= 0x20 && c != '"' && c != '\\')
                {
                    b[p++] = (byte)c;
                    continue;
                }
                b[p++] = (byte)'\\';
                switch (c)
                {
                    case '"': b[p++] = (byte)'"'; break;
                    case '\\': b[p++] = (byte)'\\'; break;
                    case '\b': b[p++] = (byte)'b'; break;
                    case '\f': b[p++] = (byte)'f'; break;
                    case '\n': b[p++] = (byte)'n'; break;
                    case '\r': b[p++] = (byte)'r'; break;
                    case '\t': b[p++] = (byte)'t'; break;
                    default: p = WriteUnicodeEscape(b, p - 1, c); break;
                }
            }
            else if (c < 0x800)
            {
                b[p++] = (byte)(0xC0 | (c >> 6));
                b[p++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    int cp = char.ConvertToUtf32(c, s[++i]);
                    b[p++] = (byte)(0xF0 | (cp >> 18));
                    b[p++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    b[p++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    b[p++] = (byte)(0x80 | (cp & 0x3F));
                }
                else
                {
                    p = WriteUnicodeEscape(b, p, c); // well-formed JSON.stringify escapes lone surrogates
                }
            }
            else
            {
                b[p++] = (byte)(0xE0 | (c >> 12));
                b[p++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte)(0x80 | (c & 0x3F));
            }
        }
        b[p++] = (byte)'"';
        _position = p;
    }

    private static int WriteUnicodeEscape(byte[] b, int p, char c)
    {
        b[p++] = (byte)'\\';
        b[p++] = (byte)'u';
        b[p++] = (byte)Hex[c >> 12];
        b[p++] = (byte)Hex[(c >> 8) & 0xF];
        b[p++] = (byte)Hex[(c >> 4) & 0xF];
        b[p++] = (byte)Hex[c & 0xF];
        return p;
    }

    private void Ensure(int count)
    {
        if (_position + count <= _buffer.Length)
            return;
        Flush();
        if (count > _buffer.Length)
            _buffer = new byte[count];
    }

    public void Flush()
    {
        stream.Write(_buffer, 0, _position);
        _position = 0;
    }

    public void Dispose() => Flush();
}
