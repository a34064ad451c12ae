namespace Quorum.Search.Shards;

/// <summary>
/// The sizes the sharded index is cut to. The defaults are what README "Search at scale" measures; tests use small
/// values so that a corpus of a dozen meetings exercises every kind of file.
/// </summary>
public sealed record ShardOptions
{
    /// <summary>
    /// How many documents of a term go in its term shard ("tier A"): those with the highest score for the term (sum
    /// over fields). A term in at most this many documents is complete in its shard; a commoner term also has a set
    /// file (which documents hold it) and its other postings in bands of falling score, each
    /// <see cref="BandGrowth"/> times the size of the one before, fetched only as deep as a query needs. A cut never
    /// splits documents of equal score: the tie goes in whole, or (when that would double the band) is left to the next.
    /// </summary>
    public int TierSize { get; init; } = 256;

    public int BandGrowth { get; init; } = 4;

    /// <summary>A term shard is closed once its terms take about this many characters.</summary>
    public int ShardChars { get; init; } = 12_000;

    /// <summary>Documents per document file (title, kind, body, date, excerpt: what a result shows).</summary>
    public int ChunkDocuments { get; init; } = 8;

    /// <summary>Documents per vector file (each document's lunr field vectors, to settle a close ranking).</summary>
    public int VectorChunkDocuments { get; init; } = 16;

    /// <summary>
    /// A site of at most this many documents is small: every term is complete in its shard, and all documents are in
    /// one document file (and no vector files: nothing would need them), so a query takes two or three requests.
    /// </summary>
    public int SmallSiteDocuments { get; init; } = 400;

    public static ShardOptions Default { get; } = new();
}
