using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json;
using Quorum.Public;
using Quorum.Render;

namespace Quorum.Search;

/// <summary>
/// Writes the two files the search page fetches when search is first used:
/// <list type="bullet">
/// <item><c>search/lunr-index.json</c>: the lunr.js 2.3.9 serialized index, for <c>lunr.Index.load</c>.</item>
/// <item><c>search/documents.json</c>: one object keyed by ref (the result's URL path), in document order, each
/// <c>{title, url, kind, body, bodyId, date, year, excerpt, draft}</c>; <c>body</c> (the body's name on the date),
/// <c>bodyId</c>, <c>date</c> (ISO) and <c>year</c> are null for
/// members and free pages. It does not depend on the index's order or shape, so the index can later be split into
/// shards (by <c>year</c>) with this file unchanged.</item>
/// </list>
/// Both are a pure function of the public archive: the same input gives the same bytes.
/// </summary>
public static class SearchFiles
{
    public const string IndexPath = "search/lunr-index.json";
    public const string DocumentsPath = "search/documents.json";

    public static void Write(PublicArchive archive, ISiteOutput output)
    {
        var documents = SearchDocuments.From(archive);
        output.Write(IndexPath, IndexJson(documents));
        output.Write(DocumentsPath, DocumentsJson(documents));
    }

    public static byte[] IndexJson(IReadOnlyList<SearchDocument> documents)
    {
        using var buffer = new MemoryStream();
        SearchIndex.Build(documents).WriteJson(buffer);
        return buffer.ToArray();
    }

    static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static byte[] DocumentsJson(IReadOnlyList<SearchDocument> documents)
    {
        using var buffer = new MemoryStream();
        // The page parses this as JSON and puts every string into the DOM as text. Even so, characters that mean
        // something in HTML (< > & ' " +) are written as \u escapes, so no file of the site holds markup from the
        // minutes as markup, whatever serves or sniffs it; letters of every script are written as they are.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder }))
        {
            json.WriteStartObject();
            foreach (var d in documents)
            {
                json.WriteStartObject(d.Ref);
                json.WriteString("title", d.Title);
                json.WriteString("url", d.Ref);
                json.WriteString("kind", d.KindName);
                WriteNullable(json, "body", d.Body);
                WriteNullable(json, "bodyId", d.BodyId);
                WriteNullable(json, "date", d.Date is { } date ? SearchDocuments.IsoDate(date) : null);
                if (d.Year is { } year) json.WriteNumber("year", year);
                else json.WriteNull("year");
                json.WriteString("excerpt", d.Excerpt);
                json.WriteBoolean("draft", d.Draft);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
