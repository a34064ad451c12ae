using System.Text;

namespace Quorum.Data;

/// <summary>
/// RFC 4180 CSV: CRLF line ends, a header row, fields quoted when they hold a comma, quote or line break. A field that
/// a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return) gets a leading apostrophe,
/// as OWASP advises: the minutes quote the public, and opening the council's own data must never run their text.
/// </summary>
public sealed class Csv
{
    readonly StringBuilder _text = new();
    readonly int _columns;

    public Csv(params string[] header)
    {
        _columns = header.Length;
        Append(header);
    }

    public Csv Row(params string?[] fields)
    {
        if (fields.Length != _columns) throw new ArgumentException($"a row of {fields.Length} fields in a file of {_columns} columns");
        Append(fields);
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>The file, as UTF-8 without a byte order mark, written a chunk at a time (never one string of it all).</summary>
    public void WriteTo(Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
        foreach (var chunk in _text.GetChunks()) writer.Write(chunk.Span);
    }

    void Append(string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) _text.Append(',');
            var f = fields[i] ?? "";
            if (f.Length > 0 && "=+-@\t\r".Contains(f[0])) f = "'" + f;
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                _text.Append('"').Append(f.Replace("\"", "\"\"")).Append('"');
            else
                _text.Append(f);
        }
        _text.Append("\r\n");
    }
}
