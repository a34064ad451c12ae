namespace Quorum.Search.Lunr;

/// <summary>
/// The field terms of many documents in a few large arrays: vector <c>v</c> (one field of one document, numbered
/// <c>document * fields + field</c>) holds its term ids, ascending, in <see cref="Ids(int)"/> and the parallel counts
/// (later scores) in <see cref="Counts(int)"/>, with the field's token count in <see cref="Length(int)"/>.
/// </summary>
/// <remarks>
/// An array pair per vector was 240,000 small arrays at 1,000 meetings (1.2 million at 5,000), each promoted through the
/// collector's generations and traced by every full collection while the search is read and written; here they are
/// ints in arrays the collector never looks inside. The arrays are chunks allocated once each, never grown by copying:
/// an array doubled as it fills allocates twice what it ends up holding, all of it in the large object heap, whose
/// budget sets off full collections.
/// </remarks>
internal sealed class FieldTermsTable
{
    // Chunks of ids (and of counts) start at 64 KB and grow with the table, to 4 MB: a small site's table stays small.
    const int FirstChunkInts = 1 << 14;
    const int MostChunkInts = 1 << 20;
    const int MetaShift = 14;            // 16,384 vectors per chunk of their descriptions (256 KB)
    const int MetaMask = (1 << MetaShift) - 1;

    readonly List<int[]> _ids = [];
    readonly List<int[]> _counts = [];
    long _allocated;
    int _used;                           // of the last chunk
    // Per vector, four ints: its chunk, where its terms start in it, how many there are, and the field's token count.
    readonly List<int[]> _meta = [];

    /// <summary>How many vectors the table holds.</summary>
    public int Vectors { get; private set; }

    public Span<int> Ids(int vector)
    {
        var (meta, at) = Meta(vector);
        return _ids[meta[at]].AsSpan(meta[at + 1], meta[at + 2]);
    }

    public Span<int> Counts(int vector)
    {
        var (meta, at) = Meta(vector);
        return _counts[meta[at]].AsSpan(meta[at + 1], meta[at + 2]);
    }

    public int Length(int vector)
    {
        var (meta, at) = Meta(vector);
        return meta[at + 3];
    }

    (int[] Meta, int At) Meta(int vector)
    {
        if ((uint)vector >= (uint)Vectors) throw new ArgumentOutOfRangeException(nameof(vector));
        return (_meta[vector >> MetaShift], (vector & MetaMask) * 4);
    }

    /// <summary>Adds a vector of <paramref name="terms"/> terms, to be filled in through <see cref="Ids"/> and <see cref="Counts"/>; returns its number.</summary>
    public int Add(int terms, int length)
    {
        if ((Vectors & MetaMask) == 0 && Vectors >> MetaShift == _meta.Count)
            _meta.Add(new int[(MetaMask + 1) * 4]);
        int vector = Vectors++;
        Place(vector, terms, length);
        return vector;
    }

    /// <summary>
    /// Gives vector <paramref name="vector"/> new terms (lunr's builder keeps a re-added ref's last add): they are put
    /// after the rest, and its old ones are left unused.
    /// </summary>
    public int Set(int vector, int terms, int length)
    {
        Place(vector, terms, length);
        return vector;
    }

    void Place(int vector, int terms, int length)
    {
        if (_ids.Count == 0 || _used + terms > _ids[^1].Length)
        {
            // A vector never spans two chunks; one longer than a chunk gets a chunk of its own size.
            int size = Math.Max((int)Math.Clamp(_allocated, FirstChunkInts, MostChunkInts), terms);
            _allocated += size;
            _ids.Add(new int[size]);
            _counts.Add(new int[size]);
            _used = 0;
        }
        var meta = _meta[vector >> MetaShift];
        int at = (vector & MetaMask) * 4;
        meta[at] = _ids.Count - 1;
        meta[at + 1] = _used;
        meta[at + 2] = terms;
        meta[at + 3] = length;
        _used += terms;
    }

    /// <summary>Appends vectors [<paramref name="from"/>, <paramref name="to"/>) of another table.</summary>
    public void AddFrom(FieldTermsTable other, int from, int to)
    {
        for (int v = from; v < to; v++)
        {
            int added = Add(other.Ids(v).Length, other.Length(v));
            other.Ids(v).CopyTo(Ids(added));
            other.Counts(v).CopyTo(Counts(added));
        }
    }
}
