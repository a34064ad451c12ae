using System.Text.Json;
using Quorum.Benchmarks;
using Quorum.Public;
using Quorum.Render;
using Quorum.Search;
using Quorum.Search.Lunr;
using Quorum.Search.Shards;
using Quorum.Tests.Support;

namespace Quorum.Tests.Search;

/// <summary>
/// A generated archive of a dozen meetings (about 500 documents), built once, with its sharded index written twice
/// into folders node can read: with the default options (a small site: one tier, one document file) and with tiny
/// ones (<see cref="Tiny"/>) so that every kind of file and every path of the client (bands, sets, vectors, several
/// term shards) is exercised on a corpus small enough for one lunr index. Each folder also has the single-file lunr
/// index (search/lunr-index.json), the reference the tests compare against.
/// </summary>
public sealed class ShardCorpusFixture : IDisposable
{
    public static readonly ShardOptions Tiny = new()
    {
        TierSize = 3, BandGrowth = 2, ShardChars = 600, ChunkDocuments = 3, VectorChunkDocuments = 5, SmallSiteDocuments = 0,
    };

    readonly TempDir _temp = new();

    public PublicArchive Archive { get; }
    public IReadOnlyList<SearchDocument> Documents { get; }
    public LunrIndex Index { get; }
    public MemoryOutput TinyOutput { get; } = new();
    public ShardWriter.Summary TinySummary { get; }

    /// <summary>Site folders (search/ under each): "tiny" and "default".</summary>
    public string Root(string name) => _temp[name];

    public ShardCorpusFixture()
    {
        CorpusGenerator.Generate(_temp["input"], 12, seed: 5);
        var (result, output) = SiteBuilder.InMemory(_temp["input"]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Archive = result.Archive!;
        Documents = SearchDocuments.From(Archive);
        Index = SearchIndex.Build(Documents);
        TinySummary = SearchFiles.Write(Archive, TinyOutput, Tiny);
        Save(TinyOutput, _temp["tiny"]);
        Save(output, _temp["default"], "search/");
    }

    static void Save(MemoryOutput output, string folder, string prefix = "")
    {
        foreach (var (path, bytes) in output.Files)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, bytes);
        }
    }

    /// <summary>
    /// Queries for the comparison with lunr: the kinds (single words, two words, +required, -excluded, prefix*,
    /// a name, an action id), made of this corpus's own words, then more drawn at random (fixed seed) from its text.
    /// </summary>
    public IReadOnlyList<string> Queries()
    {
        var action = Documents.First(d => d.Kind == SearchKind.Action && d.Text.Length > 0);
        var member = Documents.First(d => d.Kind == SearchKind.Member);
        var queries = new List<string>
        {
            "council", "benchmarking", "procurement", "apologies", "shared services", "town hall", "local government",
            "+council +procurement", "+benchmarking -council", "council -procurement", "-council", "bench*", "proc*", "co*",
            member.Title, member.Title.Split(' ')[^1], action.Id!, action.Id!.Split(' ')[^1], "title:council", "council^5 services",
            "servic~1", "*ment", "the", "zzzz", "+zzzz council",
        };
        var words = Documents.SelectMany(d => (d.Title + " " + d.Excerpt).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Any(char.IsLetter)).ToArray();
        var random = new Random(42);
        string Word() => words[random.Next(words.Length)];
        for (int i = 0; i < 25; i++) queries.Add(Word());
        for (int i = 0; i < 25; i++) queries.Add(Word() + " " + Word());
        for (int i = 0; i < 8; i++) queries.Add("+" + Word() + " " + Word());
        for (int i = 0; i < 8; i++) queries.Add(Word() + " -" + Word());
        for (int i = 0; i < 8; i++) queries.Add(new string(Word().Take(random.Next(2, 5)).ToArray()) + "*");
        return queries;
    }

    public void Dispose() => _temp.Dispose();
}

/// <summary>Reads a sharded index back (the format ShardWriter documents), for the structural tests.</summary>
internal sealed class ShardReader(IReadOnlyDictionary<string, byte[]> files)
{
    public JsonElement Json(string path) => JsonDocument.Parse(files[ShardWriter.Folder + path]).RootElement;

    public bool Has(string path) => files.ContainsKey(ShardWriter.Folder + path);

    public sealed record Posting(int Doc, int Mask, long[] Scores)
    {
        public long Sum => Scores.Sum();
    }

    public static List<Posting> Postings(string encoded, int fieldCount)
    {
        var n = Vlq.Decode(encoded);
        var list = new List<Posting>();
        int doc = 0, i = 0;
        while (i < n.Count)
        {
            long head = n[i++];
            int mask = (int)(head & ((1 << fieldCount) - 1));
            doc += (int)(head >> fieldCount);
            var scores = new long[System.Numerics.BitOperations.PopCount((uint)mask)];
            for (int s = 0; s < scores.Length; s++) scores[s] = n[i++];
            list.Add(new Posting(doc, mask, scores));
        }
        return list;
    }

    public static List<int> Set(string encoded, int documents)
    {
        if (encoded[0] == 'b')
        {
            var docs = new List<int>();
            for (int c = 1; c < encoded.Length; c++)
            {
                int bits = Vlq.Alphabet.IndexOf(encoded[c], StringComparison.Ordinal);
                for (int b = 0; b < 6; b++) if ((bits & (1 << b)) != 0) docs.Add((c - 1) * 6 + b);
            }
            return docs.Where(d => d < documents).ToList();
        }
        var gaps = Vlq.Decode(encoded[1..]);
        var list = new List<int>();
        long at = 0;
        foreach (var g in gaps) list.Add((int)(at += g));
        return list;
    }
}
