using System.Text.Json;
using Quorum.Search.Lunr;

namespace Quorum.Tests.Search;

/// <summary>Builds the JSON requests lunr-build.js reads.</summary>
internal static class LunrRequests
{
    public static string Corpus(IReadOnlyList<LunrField> fields, IReadOnlyList<LunrDocument> documents, IReadOnlyList<string>? queries = null) =>
        JsonSerializer.Serialize(new
        {
            fields = fields.Select(f => new { name = f.Name, boost = f.Boost }),
            documents = documents.Select(d => new { @ref = d.Ref, fields = d.Fields, boost = d.Boost }),
            queries,
        });

    public static string Search(string indexJson, IReadOnlyList<string> queries)
    {
        using var index = JsonDocument.Parse(indexJson);
        return JsonSerializer.Serialize(new { index = index.RootElement, queries });
    }

    public static LunrIndex BuildQuorum(IReadOnlyList<LunrField> fields, IEnumerable<LunrDocument> documents)
    {
        var builder = new LunrIndexBuilder(fields);
        foreach (LunrDocument doc in documents)
            builder.Add(doc);
        return builder.Build();
    }
}
