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
        return !lunrFiles && ReadSideBySide(archive) is { } read ? read : ReadInOne(archive, lunrFiles);
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
    /// The same reading by two threads that meet in the middle. This one counts meetings from the first, one at a time,
    /// straight into the index builder; a helper takes runs of meetings from the last backwards (the first run it takes
    /// brings the members' and pages' documents), counted with a counter of its own that notes, for each run, the
    /// terms in the order the run saw them first (<see cref="LunrTermCounter.StartRun"/>). Then each run's terms are
    /// numbered after everything before it, in the runs' order (<see cref="LunrTermCounter.AdoptRun"/>), as reading
    /// in one pass would have, so the index is the same wherever the two met. A build reads beside the feeds, on the
    /// same cores: with a fixed half each, the half read here ended 120 ms after the other at 1,000 meetings, with a
    /// core idle; meeting where they are, neither waits for more than a run. Null if a ref repeats, which only the
    /// one-pass reading skips exactly.
    /// </summary>
    /// <param name="meetAt">For tests: this thread reads exactly the meetings before it, the helper the rest.</param>
    /// <param name="runLength">For tests: the meetings in a run.</param>
    internal static Reading? ReadSideBySide(PublicArchive archive, int? meetAt = null, int? runLength = null)
    {
        int count = archive.Meetings.Count;
        // Runs of a 64th of the meetings, at least 8: the helper's part in about 32 runs, the wait at the end at most one.
        runLength ??= Math.Max(8, count / 64);
        var meetings = new Meetings(count, meetAt);
        var builder = SearchIndex.Builder(withPostingRefs: false);
        var counter = new LunrTermCounter();
        var table = new FieldTermsTable();
        var helper = Task.Factory.StartNew(() =>
        {
            var runs = new List<Run>();
            while (meetings.TakeRunFromLast(runLength.Value) is var (from, to) && from < to)
                runs.Add(Run.Of(archive, builder, counter, table, from, to, rest: to == count));
            runs.Reverse(); // in the order of the meetings
            return runs;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default); // never waits for a pool thread
        var documents = new List<SearchDocument>();
        var refs = new HashSet<string>(StringComparer.Ordinal);
        bool repeated = false;
        try
        {
            for (int i; !repeated && (i = meetings.TakeFromFirst()) >= 0;)
                repeated = !AddInOrder(SearchDocuments.Part(archive, i, i + 1, rest: false), builder, documents, refs);
        }
        catch
        {
            try { helper.Wait(); } catch (AggregateException) { } // the helper ends soon; this failure is the first
            throw;
        }
        var taken = helper.GetAwaiter().GetResult(); // its failure, as itself
        if (repeated) return null;
        // No run took the last meetings (a small site): the members' and pages' documents come last, read here.
        if (taken.Count == 0 || taken[^1].To != count)
            if (!AddInOrder(SearchDocuments.Part(archive, count, count, rest: true), builder, documents, refs)) return null;

        // The runs' terms numbered after those before them, run by run in order; then their documents renumbered, on
        // every core (one after another this was 30-40 ms with the other core idle at 1,000 meetings), and added in order.
        var map = new int[counter.Terms.Count];
        foreach (var run in taken) builder.Counter.AdoptRun(counter, run.Terms, map);
        int fieldCount = builder.Fields.Count;
        Parallel.For(0, table.Vectors / fieldCount, () => new TermIdSorter(),
            (i, _, sorter) => { LunrIndexBuilder.Renumber(table, i * fieldCount, (i + 1) * fieldCount, map, sorter); return sorter; }, _ => { });
        foreach (var run in taken)
            for (int i = 0; i < run.Read.Count; i++)
            {
                var (result, boost) = run.Read[i];
                if (!refs.Add(result.Ref)) return null;
                builder.AddCounted(result.Ref, boost, table, run.FirstVector + i * fieldCount);
                documents.Add(result);
            }
        return new Reading(builder, documents, lunrFiles: false);
    }

    /// <summary>Adds documents to the builder in order; false at the first ref seen before.</summary>
    static bool AddInOrder(IEnumerable<SearchDocument> part, LunrIndexBuilder builder, List<SearchDocument> documents, HashSet<string> refs)
    {
        foreach (var d in part)
        {
            if (!refs.Add(d.Ref)) return false;
            builder.Add(SearchIndex.ToLunr(d));
            documents.Add(d with { Text = "" });
        }
        return true;
    }

    /// <summary>Which meetings are still unread: this thread takes them from the first, the helper in runs from the last.</summary>
    sealed class Meetings(int count, int? meetAt)
    {
        readonly Lock _lock = new();
        int _first;          // the next meeting from the first
        int _last = count;   // the meetings from here on are taken by runs

        public int TakeFromFirst()
        {
            lock (_lock)
                return _first < (meetAt ?? _last) ? _first++ : -1;
        }

        public (int From, int To) TakeRunFromLast(int length)
        {
            lock (_lock)
            {
                int from = Math.Max(meetAt ?? _first, _last - length);
                var run = (from, _last);
                _last = from;
                return run;
            }
        }
    }

    /// <summary>
    /// A run of meetings the helper read: its documents' vectors from <see cref="FirstVector"/> of the helper's table on,
    /// and its terms in the helper's numbering, in the order it saw them first.
    /// </summary>
    sealed record Run(int To, int FirstVector, List<int> Terms, List<(SearchDocument Result, double Boost)> Read)
    {
        public static Run Of(PublicArchive archive, LunrIndexBuilder builder, LunrTermCounter counter, FieldTermsTable table, int from, int to, bool rest)
        {
            var run = new Run(to, table.Vectors, [], []);
            counter.StartRun(run.Terms);
            foreach (var d in SearchDocuments.Part(archive, from, to, rest))
            {
                var words = SearchIndex.ToLunr(d);
                builder.Count(words, counter, table);
                run.Read.Add((d with { Text = "" }, words.Boost));
            }
            return run;
        }
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
