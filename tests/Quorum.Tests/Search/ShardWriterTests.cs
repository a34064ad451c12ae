using System.Text;
using System.Text.Json;
using Quorum.Render;
using Quorum.Search;
using Quorum.Search.Shards;

namespace Quorum.Tests.Search;

/// <summary>
/// The sharded index read back: it holds exactly lunr's index (every posting, score and field vector), cut where the
/// documentation says, the same bytes every time, and the search page's documents.
/// </summary>
public class ShardWriterTests(ShardCorpusFixture corpus, SiteSearchFixture demo) : IClassFixture<ShardCorpusFixture>, IClassFixture<SiteSearchFixture>
{
    [Fact]
    public void Vlq_and_bitmaps_round_trip()
    {
        long[] values = [0, 1, 31, 32, 1023, 1024, 32767, 32768, 123_456_789, long.MaxValue >> 8, long.MaxValue];
        var sb = new StringBuilder();
        foreach (var v in values) Vlq.Append(sb, v);
        Assert.Equal(values, Vlq.Decode(sb.ToString()));
        Assert.Equal(values.Sum(v => Vlq.Length(v)), sb.Length);
        // The shards' own writer gives the same digits, past its first buffer's end too.
        var text = new VlqText();
        foreach (var v in Enumerable.Repeat(values, 100).SelectMany(v => v)) text.Append(v);
        Assert.Equal(string.Concat(Enumerable.Repeat(sb.ToString(), 100)), text.Span.ToString());
        Assert.Equal("A", Vlq.Bitmap([], 1));
        Assert.Equal([0, 5, 6, 40], ShardReader.Set("b" + Vlq.Bitmap([0, 5, 6, 40], 41), 41));
    }

    [Fact]
    public void The_tiers_bands_and_sets_hold_exactly_lunrs_postings()
    {
        var files = new ShardReader(corpus.TinyOutput.Files);
        var manifest = files.Json("manifest.json");
        int fieldCount = manifest.GetProperty("fields").GetArrayLength();
        int documents = manifest.GetProperty("documents").GetInt32();
        Assert.Equal(corpus.Documents.Count, documents);
        Assert.Equal(["title", "id", "names", "text"], manifest.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));

        // lunr's postings, from its field vectors: term index -> doc -> (fields holding it, per-field scores in thousandths).
        var expected = new Dictionary<int, SortedDictionary<int, (int Mask, long[] Scores)>>();
        for (int v = 0; v < corpus.Index.FieldVectors.Count; v++)
        {
            var vector = corpus.Index.FieldVectors[v];
            int doc = v / fieldCount, field = v % fieldCount;
            for (int j = 0; j < vector.TermIndexes.Count; j++)
            {
                var byDoc = expected.TryGetValue(vector.TermIndexes[j], out var d) ? d : expected[vector.TermIndexes[j]] = [];
                var (mask, scores) = byDoc.TryGetValue(doc, out var had) ? had : (0, new long[fieldCount]);
                scores[field] = (long)Math.Round(vector.Scores[j] * 1000);
                Assert.Equal(vector.Scores[j], scores[field] / 1000.0); // lossless: lunr's scores are whole thousandths
                byDoc[doc] = (mask | (1 << field), scores);
            }
        }

        var shardFirsts = manifest.GetProperty("shards").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.True(shardFirsts.Count > 10, $"{shardFirsts.Count} shards: the tiny options should cut many");
        Assert.Equal(shardFirsts.Order(StringComparer.Ordinal), shardFirsts);
        var seenTerms = new List<string>();
        int banded = 0;
        for (int s = 0; s < shardFirsts.Count; s++)
        {
            var shard = files.Json($"t/{s}.json");
            Assert.Equal(shardFirsts[s], shard[0][0].GetString());
            foreach (var entry in shard.EnumerateArray())
            {
                string term = entry[0].GetString()!;
                int index = entry[1].GetInt32();
                seenTerms.Add(term);
                var want = expected.GetValueOrDefault(index) ?? [];
                Assert.Equal(want.Count, entry[2].GetInt32());

                var levels = new List<List<ShardReader.Posting>> { ShardReader.Postings(entry[3].GetString()!, fieldCount) };
                var taus = new List<long>();
                if (entry.GetArrayLength() > 4)
                {
                    banded++;
                    int band = 1;
                    foreach (var level in entry[4].EnumerateArray())
                    {
                        taus.Add(level[0].GetInt64());
                        var postings = ShardReader.Postings(JsonSerializer.Deserialize<string>(files.Json($"p/{index}-{band}.json"))!, fieldCount);
                        Assert.Equal(level[1].GetInt32(), postings.Count);
                        levels.Add(postings);
                        band++;
                    }
                    Assert.False(files.Has($"p/{index}-{band}.json"));
                    var set = ShardReader.Set(JsonSerializer.Deserialize<string>(files.Json($"s/{index}.json"))!, documents);
                    Assert.Equal(want.Keys, set);
                }
                else
                {
                    Assert.False(files.Has($"s/{index}.json"));
                }

                // Every level in document order; together exactly lunr's postings.
                var all = levels.SelectMany(l => l).OrderBy(p => p.Doc).ToList();
                foreach (var level in levels) Assert.Equal(level.Select(p => p.Doc).Order(), level.Select(p => p.Doc));
                Assert.Equal(want.Keys, all.Select(p => p.Doc));
                foreach (var p in all)
                {
                    var (mask, scores) = want[p.Doc];
                    Assert.Equal(mask, p.Mask);
                    Assert.Equal(Enumerable.Range(0, fieldCount).Where(f => (mask & (1 << f)) != 0).Select(f => scores[f]), p.Scores);
                }
                // tau after level l bounds everything after it, and is strictly below everything up to it.
                for (int l = 0; l < taus.Count; l++)
                {
                    var before = levels.Take(l + 1).SelectMany(x => x).ToList();
                    var after = levels.Skip(l + 1).SelectMany(x => x).ToList();
                    Assert.Equal(taus[l], after.Max(p => p.Sum));
                    Assert.All(before, p => Assert.True(p.Sum > taus[l], $"{term}: {p.Sum} in level <= {l}, tau {taus[l]}"));
                }
            }
        }
        Assert.Equal(corpus.Index.Terms.Select(t => t.Term), seenTerms);
        Assert.True(banded > 50, $"only {banded} terms have bands");
        Assert.Equal(banded, corpus.TinySummary.IncompleteTerms);
    }

    [Fact]
    public void Document_and_vector_files_hold_what_a_result_shows_and_lunrs_field_vectors()
    {
        var files = new ShardReader(corpus.TinyOutput.Files);
        var manifest = files.Json("manifest.json");
        int chunk = manifest.GetProperty("chunk").GetInt32(), vectorChunk = manifest.GetProperty("vectorChunk").GetInt32();
        Assert.Equal((3, 5), (chunk, vectorChunk));
        using var documentsJson = JsonDocument.Parse(SearchFiles.DocumentsJson(corpus.Documents));
        var byRef = documentsJson.RootElement;
        for (int d = 0; d < corpus.Documents.Count; d++)
        {
            var doc = files.Json($"d/{d / chunk}.json")[d % chunk];
            var reference = doc.GetProperty("ref").GetString()!;
            Assert.Equal(corpus.Documents[d].Ref, reference);
            // The same fields documents.json has (its url is the ref).
            var expected = byRef.GetProperty(reference);
            foreach (var field in expected.EnumerateObject().Where(f => f.Name != "url"))
                Assert.Equal(field.Value.GetRawText(), doc.GetProperty(field.Name).GetRawText());

            var numbers = Vlq.Decode(files.Json($"v/{d / vectorChunk}.json")[d % vectorChunk].GetString()!);
            int i = 0;
            for (int f = 0; f < 4; f++)
            {
                var vector = corpus.Index.FieldVectors[d * 4 + f];
                Assert.Equal(vector.TermIndexes.Count, (int)numbers[i++]);
                long at = 0;
                for (int j = 0; j < vector.TermIndexes.Count; j++)
                {
                    Assert.Equal(vector.TermIndexes[j], at += numbers[i++]);
                    Assert.Equal(vector.Scores[j], numbers[i++] / 1000.0);
                }
            }
            Assert.Equal(numbers.Count, i);
        }
        Assert.False(files.Has($"d/{(corpus.Documents.Count + chunk - 1) / chunk}.json"));
    }

    [Fact]
    public void A_small_site_has_one_tier_and_one_document_file_and_keeps_the_lunr_files()
    {
        var files = demo.Output.Files;
        var manifest = new ShardReader(files).Json("manifest.json");
        Assert.Equal(manifest.GetProperty("documents").GetInt32(), manifest.GetProperty("chunk").GetInt32());
        Assert.Equal(0, manifest.GetProperty("vectorChunk").GetInt32());
        Assert.Contains(ShardWriter.Folder + "d/0.json", files.Keys);
        Assert.DoesNotContain(files.Keys, f => f.StartsWith(ShardWriter.Folder + "d/1", StringComparison.Ordinal));
        Assert.DoesNotContain(files.Keys, f => f.StartsWith(ShardWriter.Folder + "v/", StringComparison.Ordinal) ||
            f.StartsWith(ShardWriter.Folder + "s/", StringComparison.Ordinal) || f.StartsWith(ShardWriter.Folder + "p/", StringComparison.Ordinal));
        Assert.Contains(SearchFiles.IndexPath, files.Keys);
        Assert.Contains(SearchFiles.DocumentsPath, files.Keys);
        // The manifest is small: it is fetched by every first search.
        Assert.InRange(files[ShardWriter.ManifestPath].Length, 100, 2000);
    }

    [Fact]
    public void The_files_are_the_same_bytes_every_time()
    {
        var again = new MemoryOutput();
        SearchFiles.Write(corpus.Archive, again, ShardCorpusFixture.Tiny);
        Assert.Equal(corpus.TinyOutput.Files.Keys.Order(StringComparer.Ordinal), again.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in corpus.TinyOutput.Files)
            Assert.True(bytes.AsSpan().SequenceEqual(again.Files[path]), $"{path} differs between two writes");
    }

    [Fact]
    public void A_large_sites_shards_from_scores_without_vectors_are_the_shards_of_lunrs_index()
    {
        // Sites over SearchFiles.LunrIndexMaxMeetings skip lunr's vectors (LunrIndexBuilder.BuildScores); their shards
        // must be the bytes the lunr index itself gives, which the node tests check against lunr.js.
        var builder = SearchIndex.Builder(withPostingRefs: false);
        foreach (var d in corpus.Documents) builder.Add(SearchIndex.ToLunr(d));
        var fromScores = new MemoryOutput();
        var fromIndex = new MemoryOutput();
        ShardWriter.Write(corpus.Documents, builder.BuildScores(), fromScores, ShardCorpusFixture.Tiny);
        ShardWriter.Write(corpus.Documents, corpus.Index, fromIndex, ShardCorpusFixture.Tiny);
        Assert.Equal(fromIndex.Files.Keys.Order(StringComparer.Ordinal), fromScores.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(fromIndex.Files.Keys, f => f.StartsWith(ShardWriter.Folder + "v/", StringComparison.Ordinal));
        foreach (var (path, bytes) in fromIndex.Files)
            Assert.True(bytes.AsSpan().SequenceEqual(fromScores.Files[path]), $"{path} differs");
    }

    [Theory]
    [InlineData(null, null)] // where the two threads meet, as a build does
    [InlineData(0, 1)]       // the helper reads everything, a meeting a run
    [InlineData(0, 5)]
    [InlineData(1, 3)]
    [InlineData(6, 1)]
    [InlineData(6, 4)]
    [InlineData(11, 8)]
    [InlineData(12, 8)]      // this thread reads every meeting; the members and pages after them
    public void Reading_from_both_ends_gives_the_shards_reading_in_one_pass_does(int? meetAt, int? run)
    {
        // A large site's reading is shared by two threads that meet in the middle, the helper reading runs of meetings
        // from the last with counters of their own (SearchFiles.ReadSideBySide): wherever they meet, and whatever the
        // runs, the index must be the one a single pass makes, byte for byte.
        Assert.Equal(12, corpus.Archive.Meetings.Count);
        var inOne = new MemoryOutput();
        var sideBySide = new MemoryOutput();
        SearchFiles.ReadInOne(corpus.Archive, lunrFiles: false).Write(inOne, ShardCorpusFixture.Tiny);
        SearchFiles.ReadSideBySide(corpus.Archive, meetAt, run)!.Write(sideBySide, ShardCorpusFixture.Tiny);
        Assert.Equal(inOne.Files.Keys.Order(StringComparer.Ordinal), sideBySide.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(inOne.Files.Keys, f => f.StartsWith(ShardWriter.Folder + "v/", StringComparison.Ordinal));
        foreach (var (path, bytes) in inOne.Files)
            Assert.True(bytes.AsSpan().SequenceEqual(sideBySide.Files[path]), $"{path} differs");
    }

    [Fact]
    public void The_search_page_names_the_shards_and_not_the_single_file_index()
    {
        var page = demo.Output.Text("search/index.html");
        Assert.Contains("data-shards=\"/search/shards/\"", page, StringComparison.Ordinal);
        Assert.Contains("data-engine=\"/assets/js/search-shards.js\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("lunr-index.json", page, StringComparison.Ordinal);
        Assert.Contains("assets/js/search-shards.js", demo.Output.Files.Keys);
    }

    [Fact]
    public void The_facet_options_are_the_pages()
    {
        var options = SearchFacets.Options(corpus.Documents);
        Assert.Equal(["item", "decision", "action", "meeting", "member", "page"], options.Kinds);
        Assert.Equal(options.Bodies.Select(b => b.Label).Order(StringComparer.Ordinal), options.Bodies.Select(b => b.Label));
        Assert.Equal(options.Years.Order(StringComparer.Ordinal).Reverse(), options.Years);
        Assert.Equal(corpus.Documents.Where(d => d.BodyId is not null).Select(d => d.BodyId).Distinct().Count(), options.Bodies.Count);
    }
}
