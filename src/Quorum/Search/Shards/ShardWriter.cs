using System.Globalization;
using System.Text;
using System.Text.Json;
using Quorum.Render;
using Quorum.Search.Lunr;

namespace Quorum.Search.Shards;

/// <summary>
/// Writes the sharded search index under <c>search/shards/</c>: the lunr 2.3.9 index of <see cref="SearchIndex"/>,
/// cut up so that a query fetches only what it needs. Every number in it is lunr's own: a score is lunr's
/// field-vector score (already rounded to 3 places) as an integer count of thousandths, so nothing is lost, and
/// search-shards.js computes lunr's BM25 ranking from them exactly. Files (see README "Search at scale"):
/// <list type="bullet">
/// <item><c>manifest.json</c>: fields, document count, the first term of every term shard, the filter options.</item>
/// <item><c>t/N.json</c>: term shard N, a run of terms in lunr's (ordinal) order; for each term its lunr index
/// (<c>_index</c>), how many documents hold it, and its postings in the documents where it scores highest
/// (tier A, <see cref="ShardOptions.TierSize"/>); for a commoner term also, per band of its other postings, the
/// highest score left (τ) and the band's size.</item>
/// <item><c>s/I.json</c> and <c>p/I-B.json</c>, for a term of lunr index I that is not complete in its shard: the set
/// of documents holding it, and band B of the postings left out of tier A (bands of falling score, growing
/// <see cref="ShardOptions.BandGrowth"/> times each).</item>
/// <item><c>d/N.json</c>: documents N·chunk to (N+1)·chunk − 1: what a result shows (title, kind, body, date,
/// excerpt; the ref is the URL).</item>
/// <item><c>v/N.json</c>: the lunr field vectors of documents N·vectorChunk onwards (not on small sites).</item>
/// <item><c>facets.json</c>: each document's kind, body and year, for the filters.</item>
/// <item><c>terms.json</c>: every term, for wildcards other than a trailing one and for fuzzy terms.</item>
/// </list>
/// Documents are numbered in <see cref="SearchDocuments"/> order, which is lunr's insertion order, so a document's
/// number orders it as lunr's postings do. The files are a pure function of the documents: same input, same bytes.
/// </summary>
public static class ShardWriter
{
    public const string Folder = "search/shards/";
    public const string ManifestPath = Folder + "manifest.json";
    public const int Format = 1;

    static readonly JsonWriterOptions JsonOptions = SearchJson.Options;

    /// <summary>What was written, for tests and README figures.</summary>
    public sealed record Summary(int Documents, int Terms, int Shards, int IncompleteTerms, int Chunks, bool Small, long Bytes, int Files);

    /// <summary>Writes the shards of a built index (its field vectors' scores).</summary>
    public static Summary Write(IReadOnlyList<SearchDocument> documents, LunrIndex index, ISiteOutput output, ShardOptions? options = null) =>
        Write(documents, LunrScores.From(index), output, options);

    /// <summary>Writes the shards of the documents' scores (<see cref="LunrIndexBuilder.BuildScores"/>), in the documents' order.</summary>
    public static Summary Write(IReadOnlyList<SearchDocument> documents, LunrScores index, ISiteOutput output, ShardOptions? options = null)
    {
        options ??= ShardOptions.Default;
        int n = documents.Count;
        string[] fields = index.FieldArray;
        int fieldCount = fields.Length;
        if (fieldCount > 16) throw new ArgumentException("at most 16 fields", nameof(index));
        if (index.Refs.Length != n)
            throw new ArgumentException($"the index has {index.Refs.Length} documents, not {n}", nameof(index));
        for (int d = 0; d < n; d++)
        {
            if (!string.Equals(index.Refs[d], documents[d].Ref, StringComparison.Ordinal))
                throw new ArgumentException($"document {d} is {documents[d].Ref} but the index has {index.Refs[d]} there", nameof(index));
        }

        bool small = n <= options.SmallSiteDocuments;
        var writer = new ShardOutput(output);
        LunrTerm[] terms = index.TermArray;
        var firstTerms = new List<string>();
        int incomplete = 0;
        int chunkSize = small ? Math.Max(1, n) : options.ChunkDocuments;
        int chunks = (n + chunkSize - 1) / chunkSize;
        int vectorChunk = Math.Max(1, options.VectorChunkDocuments);
        // The term files need the postings, grouped by term in one pass over every score (not parallel); the document,
        // vector, facet and term-list files do not, so they are written beside them, and the manifest's filter options
        // are found by whichever thread is free first (alone after both, they were the index's last 20-40 ms at 1,000
        // meetings, with the other core idle).
        SearchFacets.FacetOptions? facetOptions = null;
        SideBySide.Run(TermFiles, DocumentFiles, () => facetOptions = SearchFacets.Options(documents));

        writer.Json(ManifestPath, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("format", Format);
            json.WriteString("lunr", LunrIndex.Version);
            json.WriteStartArray("fields");
            foreach (var field in fields) json.WriteStringValue(field);
            json.WriteEndArray();
            json.WriteNumber("documents", n);
            json.WriteNumber("chunk", chunkSize);
            json.WriteNumber("vectorChunk", small ? 0 : vectorChunk);
            json.WriteStartArray("shards");
            foreach (var first in firstTerms) json.WriteStringValue(first);
            json.WriteEndArray();
            json.WritePropertyName("facets");
            ShardFacetFiles.WriteOptions(json, facetOptions!);
            json.WriteEndObject();
        });

        return new Summary(n, terms.Length, firstTerms.Count, incomplete, chunks, small, writer.Bytes, writer.Files);

        void TermFiles()
        {
            var postings = ShardPostings.From(index, n);

            // Term entries, in lunr's term order, each with its tier-A postings; the commoner terms' other files.
            var entries = new string[terms.Length];
            // Each thread's scratch: the postings' digits, and the entry (only the entry's string is new for each term).
            Parallel.For(0, terms.Length, () => (Vlq: new VlqText(), Entry: new StringBuilder()), (i, _, scratch) =>
            {
                var (vlq, entry) = scratch;
                var term = terms[i];
                var tier = TierSplit.Of(postings, term.Index, small ? int.MaxValue : options.TierSize, options.BandGrowth);
                vlq.Clear();
                entries[i] = Entry(vlq, entry.Clear(), term, postings, tier, fieldCount);
                if (tier.Complete) return scratch;
                Interlocked.Increment(ref incomplete);
                string name = term.Index.ToString(CultureInfo.InvariantCulture);
                writer.Json($"{Folder}s/{name}.json", json => json.WriteStringValue(SetString(postings, term.Index, n)));
                for (int band = 1; band < tier.Levels.Count; band++)
                {
                    vlq.Clear();
                    int previous = 0;
                    foreach (int e in tier.Levels[band]) AppendPosting(vlq, postings, e, ref previous, fieldCount);
                    writer.Json($"{Folder}p/{name}-{band.ToString(CultureInfo.InvariantCulture)}.json", json => json.WriteStringValue(vlq.Span));
                }
                return scratch;
            }, _ => { });

            // Term shards: runs of whole terms, cut at about ShardChars characters.
            int shardStart = 0, shardChars = 0;
            void CloseShard(int end)
            {
                writer.Array($"{Folder}t/{firstTerms.Count.ToString(CultureInfo.InvariantCulture)}.json", entries.AsSpan(shardStart..end));
                firstTerms.Add(Safe(terms[shardStart].Term));
                shardStart = end;
                shardChars = 0;
            }
            for (int i = 0; i < entries.Length; i++)
            {
                if (i > shardStart && shardChars + entries[i].Length > options.ShardChars) CloseShard(i);
                shardChars += entries[i].Length + 1;
            }
            if (entries.Length > shardStart) CloseShard(entries.Length);
            if (firstTerms.Count == 0)
            {
                writer.Array(Folder + "t/0.json", []);
                firstTerms.Add("");
            }
        }

        void DocumentFiles()
        {
            // Document files (what a result shows) and vector files (each document's lunr field vectors).
            Parallel.For(0, chunks, c => writer.Json($"{Folder}d/{c.ToString(CultureInfo.InvariantCulture)}.json", json =>
            {
                json.WriteStartArray();
                for (int d = c * chunkSize; d < Math.Min(n, (c + 1) * chunkSize); d++)
                {
                    var doc = documents[d];
                    json.WriteStartObject();
                    json.WriteString("ref", doc.Ref);
                    SearchJson.WriteResultFields(json, doc);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }));
            int vectorChunks = small ? 0 : (n + vectorChunk - 1) / vectorChunk;
            Parallel.For(0, vectorChunks, c => writer.Json($"{Folder}v/{c.ToString(CultureInfo.InvariantCulture)}.json", json =>
            {
                // Per document, per field: the number of terms, then (term index gap, score in thousandths) for each.
                var vector = new VlqText();
                json.WriteStartArray();
                for (int d = c * vectorChunk; d < Math.Min(n, (c + 1) * vectorChunk); d++)
                {
                    vector.Clear();
                    for (int f = 0; f < fieldCount; f++)
                    {
                        ReadOnlySpan<int> termIndexes = index.TermIndexesOf(d * fieldCount + f), scores = index.ThousandthsOf(d * fieldCount + f);
                        vector.Append(termIndexes.Length);
                        int previous = 0;
                        for (int j = 0; j < termIndexes.Length; j++)
                        {
                            vector.Append(termIndexes[j] - previous);
                            previous = termIndexes[j];
                            vector.Append(scores[j]);
                        }
                    }
                    json.WriteStringValue(vector.Span);
                }
                json.WriteEndArray();
            }));

            writer.Json(Folder + "facets.json", json => ShardFacetFiles.WriteTable(json, documents));
            writer.Json(Folder + "terms.json", json =>
            {
                json.WriteStartArray();
                foreach (var term in terms) json.WriteStringValue(Safe(term.Term));
                json.WriteEndArray();
            });
        }
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Encoding

    /// <summary>A posting: (document − previous document) · 2^fields + field mask, then a score per field.</summary>
    static void AppendPosting(VlqText text, ShardPostings p, int e, ref int previous, int fieldCount)
    {
        text.Append(((long)(p.Doc[e] - previous) << fieldCount) | (long)p.Mask[e]);
        previous = p.Doc[e];
        for (int i = p.KStart[e]; i < p.KStart[e + 1]; i++) text.Append(p.K[i]);
    }

    /// <summary>
    /// A term shard entry: <c>[term, index, documents, "tier A"]</c>, and when the term has bands, for each band B
    /// <c>[τ, size]</c>: the highest score (summed over fields, thousandths) of any posting after level B − 1 (tier A
    /// is level 0), and how many postings band B holds.
    /// </summary>
    static string Entry(VlqText postings, StringBuilder entry, LunrTerm term, ShardPostings p, TierSplit tier, int fieldCount)
    {
        int previous = 0;
        if (tier.Complete)
            for (int e = tier.Start; e < tier.End; e++) AppendPosting(postings, p, e, ref previous, fieldCount);
        else
            foreach (int e in tier.Levels[0]) AppendPosting(postings, p, e, ref previous, fieldCount);
        entry.Append('[').Append(JsonString(Safe(term.Term))).Append(',')
            .Append(term.Index.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append((p.Start[term.Index + 1] - p.Start[term.Index]).ToString(CultureInfo.InvariantCulture)).Append(",\"")
            .Append(postings.Span).Append('"');
        if (!tier.Complete)
        {
            entry.Append(",[");
            for (int band = 1; band < tier.Levels.Count; band++)
            {
                if (band > 1) entry.Append(',');
                entry.Append('[').Append(tier.Tau[band - 1].ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(tier.Levels[band].Length.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            entry.Append(']');
        }
        return entry.Append(']').ToString();
    }

    /// <summary>Every document holding the term: "b" + a bitmap, or "d" + VLQ gaps, whichever is shorter.</summary>
    static string SetString(ShardPostings p, int term, int documents)
    {
        int start = p.Start[term], end = p.Start[term + 1];
        long gapChars = 0;
        int previous = 0;
        for (int e = start; e < end; e++)
        {
            gapChars += Vlq.Length(p.Doc[e] - previous);
            previous = p.Doc[e];
        }
        int bitmapChars = (documents + 5) / 6;
        if (bitmapChars < gapChars)
            return "b" + Vlq.Bitmap(p.Doc.Skip(start).Take(end - start), documents);
        var sb = new StringBuilder("d");
        previous = 0;
        for (int e = start; e < end; e++)
        {
            Vlq.Append(sb, p.Doc[e] - previous);
            previous = p.Doc[e];
        }
        return sb.ToString();
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Writing

    /// <summary>A JSON string literal, escaped as the files' writer escapes (<see cref="SearchJson.Options"/>).</summary>
    static string JsonString(string s) => "\"" + JsonEncodedText.Encode(s, JsonOptions.Encoder).Value + "\"";

    /// <summary>
    /// A term as valid UTF-16 (JSON needs it). lunr's terms come from decoded text, so they always are; a lone
    /// surrogate could only come from a bug upstream, and would then fail to match rather than break the build.
    /// </summary>
    static string Safe(string s) =>
        HasLoneSurrogate(s) ? string.Create(s.Length, s, (span, text) =>
        {
            for (int i = 0; i < text.Length; i++)
            {
                bool paired = char.IsHighSurrogate(text[i]) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                    : char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]);
                span[i] = char.IsSurrogate(text[i]) && !paired ? '\uFFFD' : text[i];
            }
        }) : s;

    static bool HasLoneSurrogate(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }
}
