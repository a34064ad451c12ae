using System.Text;
using System.Text.Json;

namespace Quorum.Search.Shards;

/// <summary>The filters' part of the sharded index: facets.json (per document) and the manifest's filter options.</summary>
internal static class ShardFacetFiles
{
    static readonly Dictionary<SearchKind, char> KindCodes = new()
    {
        [SearchKind.Meeting] = 'm', [SearchKind.Item] = 'i', [SearchKind.Decision] = 'd',
        [SearchKind.Action] = 'a', [SearchKind.Member] = 'p', [SearchKind.Page] = 'g',
    };

    /// <summary>
    /// <c>{"kinds": one letter a document, "bodies": [body ids], "years": first year, "runs": VLQ runs of
    /// (documents, body number + 1 or 0, year − first year + 1 or 0)}</c>.
    /// </summary>
    public static void WriteTable(Utf8JsonWriter json, IReadOnlyList<SearchDocument> documents)
    {
        var kinds = new StringBuilder(documents.Count);
        foreach (var d in documents) kinds.Append(KindCodes[d.Kind]);
        var bodies = new List<string>();
        var bodyNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        // A loop rather than a query's Min over ints, whose generic code the ahead-of-time image lacks (the JIT's
        // costliest single method in a small site's build: benchmarks/jit.sh).
        int? earliest = null;
        foreach (var d in documents)
            if (d.Year is { } y && (earliest is null || y < earliest)) earliest = y;
        int firstYear = earliest ?? 0;
        var runs = new StringBuilder();
        int runLength = 0;
        (int Body, int Year) current = (-1, -1);
        foreach (var d in documents)
        {
            int body = 0;
            if (d.BodyId is { } id)
            {
                if (!bodyNumbers.TryGetValue(id, out int number))
                {
                    number = bodies.Count;
                    bodies.Add(id);
                    bodyNumbers[id] = number;
                }
                body = number + 1;
            }
            int year = d.Year is { } y ? y - firstYear + 1 : 0;
            if ((body, year) != current && runLength > 0)
            {
                Vlq.Append(runs, runLength);
                Vlq.Append(runs, current.Body);
                Vlq.Append(runs, current.Year);
                runLength = 0;
            }
            current = (body, year);
            runLength++;
        }
        if (runLength > 0)
        {
            Vlq.Append(runs, runLength);
            Vlq.Append(runs, current.Body);
            Vlq.Append(runs, current.Year);
        }
        json.WriteStartObject();
        json.WriteString("kinds", kinds.ToString());
        json.WriteStartArray("bodies");
        foreach (var b in bodies) json.WriteStringValue(b);
        json.WriteEndArray();
        json.WriteNumber("years", firstYear);
        json.WriteString("runs", runs.ToString());
        json.WriteEndObject();
    }

    public static void WriteOptions(Utf8JsonWriter json, SearchFacets.FacetOptions options)
    {
        json.WriteStartObject();
        json.WriteStartArray("kind");
        foreach (var k in options.Kinds) json.WriteStringValue(k);
        json.WriteEndArray();
        json.WriteStartArray("body");
        foreach (var (value, label) in options.Bodies)
        {
            json.WriteStartObject();
            json.WriteString("value", value);
            json.WriteString("label", label);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("year");
        foreach (var y in options.Years) json.WriteStringValue(y);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
