using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Quorum.Search;

/// <summary>
/// The JSON of every search file: documents.json and the sharded index's files write a result's fields the same way.
/// </summary>
public static class SearchJson
{
    /// <summary>
    /// The page parses these files as JSON and puts every string into the DOM as text. Even so, characters that mean
    /// something in HTML (&lt; &gt; &amp; ' " +) are written as \u escapes, so no file of the site holds markup from the
    /// minutes as markup, whatever serves or sniffs it; letters of every script are written as they are.
    /// </summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>
    /// What a result shows, as properties of the open object: <c>title, url (when given), kind, body, bodyId, date,
    /// year, excerpt, draft</c>; <c>body</c> (the body's name on the date), <c>bodyId</c>, <c>date</c> (ISO) and <c>year</c> are null
    /// for members and free pages.
    /// </summary>
    public static void WriteResultFields(Utf8JsonWriter json, SearchDocument d, string? url = null)
    {
        json.WriteString("title", d.Title);
        if (url is not null) json.WriteString("url", url);
        json.WriteString("kind", d.KindName);
        WriteNullable(json, "body", d.Body);
        WriteNullable(json, "bodyId", d.BodyId);
        WriteNullable(json, "date", d.Date is { } date ? SearchDocuments.IsoDate(date) : null);
        if (d.Year is { } year) json.WriteNumber("year", year);
        else json.WriteNull("year");
        json.WriteString("excerpt", d.Excerpt);
        json.WriteBoolean("draft", d.Draft);
    }

    static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
