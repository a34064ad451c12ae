using System.Text.Json;
using Quorum.Public;
using Quorum.Render;
using Quorum.Search;
using Quorum.Tests.Support;

namespace Quorum.Tests.Search;

/// <summary>The demo site (the 2009 minutes in input/) built once into memory, with its two search files parsed.</summary>
public sealed class SiteSearchFixture : IDisposable
{
    public MemoryOutput Output { get; }
    public PublicArchive Archive { get; }
    public string IndexJson { get; }
    public string DocumentsJson { get; }
    public JsonDocument Index { get; }
    public JsonDocument Documents { get; }

    public SiteSearchFixture()
    {
        var (result, output) = SiteBuilder.InMemory(Repo.Input);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Output = output;
        Archive = result.Archive!;
        IndexJson = output.Text(SearchFiles.IndexPath);
        DocumentsJson = output.Text(SearchFiles.DocumentsPath);
        Index = JsonDocument.Parse(IndexJson);
        Documents = JsonDocument.Parse(DocumentsJson);
    }

    public IEnumerable<JsonProperty> DocumentEntries => Documents.RootElement.EnumerateObject();

    public JsonElement Document(string reference) => Documents.RootElement.GetProperty(reference);

    public void Dispose()
    {
        Index.Dispose();
        Documents.Dispose();
    }
}
