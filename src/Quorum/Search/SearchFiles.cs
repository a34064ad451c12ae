using System.Text.Json;
using Quorum.Public;
using Quorum.Render;
using Quorum.Search.Lunr;
using Quorum.Search.Shards;

namespace Quorum.Search;

/// <summary>
/// Writes the search files: the sharded index the search page uses (<see cref="ShardWriter"/>), and, for sites of up
/// to <see cref="LunrIndexMaxMeetings"/> meetings, the single-file lunr index with its documents file:
/// <list type="bullet">
/// <item><c>search/lunr-index.json</c>: the lunr.js 2.3.9 serialized index, for <c>lunr.Index.load</c>.</item>
/// <item><c>search/documents.json</c>: one object keyed by ref (the result's URL path), in document order, each
/// <c>{title, url, kind, body, bodyId, date, year, excerpt, draft}</c> (<see cref="SearchJson.WriteResultFields"/>).</item>
/// </list>
/// All are a pure function of the public archive: the same input gives the same bytes.
/// </summary>
public static class SearchFiles
{
    public const string IndexPath = "search/lunr-index.json";
    public const string DocumentsPath = "search/documents.json";

    /// <summary>
    /// Sites of at most this many meetings also get the single-file lunr index and documents.json (README "Search at
    /// scale": the page uses the shards on every site; these two stay for tools that load a lunr index, up to a size
    /// where one file is still reasonable: about 30 MB, 3 MB gzipped, at 200 meetings of the generated corpus).
    /// </summary>
    public const int LunrIndexMaxMeetings = 200;

    public static void Write(PublicArchive archive, ISiteOutput output) => Write(archive, output, ShardOptions.Default);

    public static ShardWriter.Summary Write(PublicArchive archive, ISiteOutput output, ShardOptions options) =>
        Read(archive).Write(output, options);

    /// <summary>
    /// The search's reading of the archive: every document's words counted into the index builder, and what each
    /// result shows. It holds nothing of the archive, so a one-off build can let the archive go before the index is
    /// built and written, the search's biggest moment (at 5,000 meetings the archive is over half a gigabyte).
    /// </summary>
    public static Reading Read(PublicArchive archive)
    {
        bool lunrFiles = archive.Meetings.Count <= LunrIndexMaxMeetings;
        // Each document's words go into the index as it is made; the files need only what a result shows, so a
        // document's text (the bulk of it: about 250 MB at 5,000 meetings) is dropped at once.
        return !lunrFiles && ReadInTwo(archive) is { } read ? read : ReadInOne(archive, lunrFiles);
    }

    /// <summary>The reading in one pass, in document order (with <paramref name="lunrFiles"/>, for the single-file index too).</summary>
    internal static Reading ReadInOne(PublicArchive archive, bool lunrFiles)
    {
        var builder = SearchIndex.Builder(withPostingRefs: lunrFiles);
        var documents = new List<SearchDocument>();
        foreach (var d in SearchDocuments.Enumerate(archive))
        {
            builder.Add(SearchIndex.ToLunr(d));
            documents.Add(d with { Text = "" });
        }
        return new Reading(builder, documents, lunrFiles);
    }

    /// <summary>
    /// The same reading in two halves side by side: the first half of the meetings counted into the index here, the
    /// rest on a thread of its own with a counter of its own, whose terms are then numbered after the first half's
    /// (<see cref="LunrTermCounter.Adopt"/>), as reading them in order would have. A build reads beside the feeds,
    /// which finish first (in one pass, at 1,000 meetings: 0.7 s against 1.4 s; at 5,000: 3.5 s against 7.6 s), and
    /// the second half takes the core they leave. Null if a ref repeats, which only the one-pass reading skips exactly.
    /// </summary>
    internal static Reading? ReadInTwo(PublicArchive archive)
    {
        int half = archive.Meetings.Count / 2;
        var builder = SearchIndex.Builder(withPostingRefs: false);
        var later = Task.Factory.StartNew(() =>
        {
            var counter = new LunrTermCounter();
            var table = new FieldTermsTable();
            var read = new List<(SearchDocument Result, double Boost)>();
            foreach (var d in SearchDocuments.Part(archive, half, archive.Meetings.Count, rest: true))
            {
                var words = SearchIndex.ToLunr(d);
                builder.Count(words, counter, table);
                read.Add((d with { Text = "" }, words.Boost));
            }
            return (counter, table, read);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default); // never waits for a pool thread
        var documents = new List<SearchDocument>();
        var refs = new HashSet<string>(StringComparer.Ordinal);
        bool repeated = false;
        try
        {
            foreach (var d in SearchDocuments.Part(archive, 0, half, rest: false))
            {
                if (!refs.Add(d.Ref)) { repeated = true; break; }
                builder.Add(SearchIndex.ToLunr(d));
                documents.Add(d with { Text = "" });
            }
        }
        catch
        {
            try { later.Wait(); } catch (AggregateException) { } // the other half ends first; this failure is the first
            throw;
        }
        var (rest, restTable, restRead) = later.GetAwaiter().GetResult(); // its failure, as itself
        if (repeated || restRead.Any(r => !refs.Add(r.Result.Ref))) return null;
        var renumber = builder.Counter.Adopt(rest);
        // On every core: done one document after another, this was 30-40 ms with the other core idle at 1,000 meetings.
        int fieldCount = builder.Fields.Count;
        Parallel.For(0, restRead.Count, () => new TermIdSorter(),
            (i, _, sorter) => { LunrIndexBuilder.Renumber(restTable, i * fieldCount, (i + 1) * fieldCount, renumber, sorter); return sorter; }, _ => { });
        for (int i = 0; i < restRead.Count; i++)
        {
            builder.AddCounted(restRead[i].Result.Ref, restRead[i].Boost, restTable, i * fieldCount);
            documents.Add(restRead[i].Result);
        }
        return new Reading(builder, documents, lunrFiles: false);
    }

    /// <summary>The documents read and their words counted (<see cref="Read"/>); written once.</summary>
    public sealed class Reading
    {
        readonly LunrIndexBuilder _builder;
        readonly List<SearchDocument> _documents;
        readonly bool _lunrFiles;

        internal Reading(LunrIndexBuilder builder, List<SearchDocument> documents, bool lunrFiles) =>
            (_builder, _documents, _lunrFiles) = (builder, documents, lunrFiles);

        public ShardWriter.Summary Write(ISiteOutput output) => Write(output, ShardOptions.Default);

        public ShardWriter.Summary Write(ISiteOutput output, ShardOptions options)
        {
            if (!_lunrFiles)
                return ShardWriter.Write(_documents, _builder.BuildScores(), output, options);
            var index = _builder.Build(withPostingRefs: true);
            // Streamed into the files: at 200 meetings they are about 30 MB, which as growing buffers and copies
            // were a sixth of a small site's build. The three only read the index and the documents, so they are
            // written side by side (one after another, the lunr file held one core for 40 ms of a 100-meeting build).
            ShardWriter.Summary? summary = null;
            SideBySide.Run(
                () => output.Write(IndexPath, index.WriteJson),
                () => output.Write(DocumentsPath, stream => WriteDocumentsJson(stream, _documents)),
                () => summary = ShardWriter.Write(_documents, index, output, options));
            return summary!;
        }
    }

    public static byte[] IndexJson(IReadOnlyList<SearchDocument> documents) => IndexJson(SearchIndex.Build(documents));

    public static byte[] IndexJson(LunrIndex index)
    {
        using var buffer = new MemoryStream();
        index.WriteJson(buffer);
        return buffer.ToArray();
    }

    public static byte[] DocumentsJson(IReadOnlyList<SearchDocument> documents)
    {
        using var buffer = new MemoryStream();
        WriteDocumentsJson(buffer, documents);
        return buffer.ToArray();
    }

    static void WriteDocumentsJson(Stream stream, IReadOnlyList<SearchDocument> documents)
    {
        using (var json = new Utf8JsonWriter(stream, SearchJson.Options))
        {
            json.WriteStartObject();
            foreach (var d in documents)
            {
                json.WriteStartObject(d.Ref);
                SearchJson.WriteResultFields(json, d, url: d.Ref);
                json.WriteEndObject();
                if (json.BytesPending > 1 << 16) json.Flush(); // the writer holds everything until flushed
            }
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }
}
