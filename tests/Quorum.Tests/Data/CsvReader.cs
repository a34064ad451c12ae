using System.Text;

namespace Quorum.Tests.Data;

/// <summary>A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes, nothing else.</summary>
public static class CsvReader
{
    public static List<string[]> Read(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                Assert.True(field.Length == 0, $"a quote inside an unquoted field at {i}");
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "an unclosed quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                Assert.True(i == text.Length || text[i] == ',' || text[i] == '\r', $"text after a closing quote at {i}");
                continue;
            }
            if (text[i] == ',') { row.Add(field.ToString()); field.Clear(); i++; continue; }
            if (text[i] == '\r')
            {
                Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"a CR without LF at {i}");
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i += 2;
                continue;
            }
            Assert.True(text[i] != '\n', $"a bare LF outside quotes at {i}");
            field.Append(text[i++]);
        }
        Assert.True(row.Count == 0 && field.Length == 0, "the last record has no CRLF");
        return rows;
    }

    /// <summary>The rows as dictionaries keyed by the header row; every row must have the header's width.</summary>
    public static List<Dictionary<string, string>> Records(string text)
    {
        var rows = Read(text);
        Assert.NotEmpty(rows);
        var header = rows[0];
        foreach (var r in rows) Assert.Equal(header.Length, r.Length);
        return rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
