using Quorum.Search.Lunr;

namespace Quorum.Search.Shards;

/// <summary>
/// Every (term, document) pair of the index, grouped by term (its lunr index) in document order: which fields hold
/// the term (a bit per field, in lunr's field order) and the score in each, in thousandths.
/// </summary>
internal sealed class ShardPostings
{
    public required int[] Start;      // per term index: first entry (Start[t]..Start[t+1])
    public required int[] Doc;        // per entry
    public required ushort[] Mask;    // per entry (at most 16 fields)
    public required int[] KStart;     // per entry: first score in K (KStart[e]..KStart[e+1])
    public required int[] K;          // scores, in field order within an entry
    // Ints and shorts, not longs: at 5,000 meetings there are about 10 million entries. An entry's total score is
    // summed when asked (SumOf), not kept: only common terms' entries are ranked by it, and an array of it was 40 MB
    // at 5,000 meetings, held while the search index is written, the build's peak.

    /// <summary>An entry's scores summed over its fields.</summary>
    public int SumOf(int entry)
    {
        int sum = 0;
        for (int i = KStart[entry]; i < KStart[entry + 1]; i++) sum = checked(sum + K[i]);
        return sum;
    }

    /// <summary>The postings of <paramref name="documents"/> documents' scores, in two passes over them.</summary>
    public static ShardPostings From(LunrScores index, int documents)
    {
        int fieldCount = index.FieldArray.Length;
        int termCount = index.TermArray.Length;
        // First pass: each term's number of entries (documents holding it) and of scores (fields holding it).
        var entryStart = new int[termCount + 1];
        var scoreStart = new int[termCount + 1];
        var last = new int[termCount];
        Array.Fill(last, -1);
        for (int d = 0; d < documents; d++)
        {
            for (int f = 0; f < fieldCount; f++)
            {
                foreach (int t in index.TermIndexesOf(d * fieldCount + f))
                {
                    scoreStart[t + 1]++;
                    if (last[t] == d) continue;
                    last[t] = d;
                    entryStart[t + 1]++;
                }
            }
        }
        for (int t = 0; t < termCount; t++)
        {
            entryStart[t + 1] += entryStart[t];
            scoreStart[t + 1] = checked(scoreStart[t + 1] + scoreStart[t]);
        }
        int total = entryStart[termCount];

        // Second pass: a term's entries come in document order, and a document's scores for a term in field order,
        // so each term's entries and scores are filled from its own two cursors in one go.
        var doc = new int[total];
        var mask = new ushort[total];
        var kStart = new int[total + 1];
        var k = new int[scoreStart[termCount]];
        var entryFill = (int[])entryStart.Clone(); // per term: its next entry
        var scoreFill = (int[])scoreStart.Clone(); // per term: its next score
        Array.Fill(last, -1);
        for (int d = 0; d < documents; d++)
        {
            for (int f = 0; f < fieldCount; f++)
            {
                ReadOnlySpan<int> terms = index.TermIndexesOf(d * fieldCount + f), scores = index.ThousandthsOf(d * fieldCount + f);
                for (int j = 0; j < terms.Length; j++)
                {
                    int t = terms[j];
                    if (last[t] != d)
                    {
                        last[t] = d;
                        int next = entryFill[t]++;
                        doc[next] = d;
                        kStart[next] = scoreFill[t];
                    }
                    int e = entryFill[t] - 1;
                    mask[e] |= (ushort)(1 << f);
                    k[scoreFill[t]++] = scores[j];
                }
            }
        }
        kStart[total] = k.Length;
        return new ShardPostings { Start = entryStart, Doc = doc, Mask = mask, KStart = kStart, K = k };
    }
}

/// <summary>
/// A term's entries in levels of falling score: tier A (in its shard), then the bands. Tau[l] is the highest sum of
/// any entry after level l. Each level is in document order. A term whose entries all fit in tier A (most terms) has
/// no levels: tier A is its entries Start to End, listed nowhere.
/// </summary>
internal sealed class TierSplit
{
    public List<int[]>? Levels;
    public required List<long> Tau;
    public int Start, End;
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Levels))]
    public bool Complete => Levels is null || Levels.Count == 1; // one level: every entry, Start to End

    /// <summary>Cuts the term's entries: tier A of tierSize, then bands each growth times the one before.</summary>
    public static TierSplit Of(ShardPostings p, int term, int tierSize, int growth)
    {
        int start = p.Start[term], end = p.Start[term + 1], count = end - start;
        if (count <= tierSize) return new TierSplit { Tau = [], Start = start, End = end };
        // Levels hold entries of falling sums, and a cut never falls inside a tie, so each level is every entry whose
        // sum is above a threshold and below the level before's. Each cut needs only the sum at one rank of those
        // not yet placed, found by counting or by selection rather than by sorting them all (the sort was most of
        // the index's cutting at 1,000 meetings).
        var sums = System.Buffers.ArrayPool<int>.Shared.Rent(count);
        int lowest = int.MaxValue, highest = int.MinValue;
        for (int i = 0; i < count; i++)
        {
            int sum = sums[i] = p.SumOf(start + i);
            lowest = Math.Min(lowest, sum);
            highest = Math.Max(highest, sum);
        }
        var thresholds = new List<long>(); // a level holds the entries not in an earlier one whose sum is above its threshold
        var cuts = new List<int>();
        var tau = new List<long>();
        // A common term's sums are dense (tens of thousands of entries over a range of about as many thousandths), so
        // they are counted by value and every cut is read off the counts, highest first, in one walk; sparse ones
        // are selected. By selection alone the cutting was about 60 ms of the 400 ms of CPU the index's files took
        // at 1,000 meetings; counting took 35 ms off those 400 (`Quorum.Benchmarks search`, four alternated runs).
        if ((long)highest - lowest < 8L * count)
        {
            var left = new CountedSums(sums.AsSpan(0, count), lowest, highest);
            Cut(ref left, count, tierSize, growth, cuts, thresholds, tau);
            left.Return();
        }
        else
        {
            var left = new SelectedSums(sums.AsSpan(0, count));
            Cut(ref left, count, tierSize, growth, cuts, thresholds, tau);
            left.Return();
        }
        // Each entry to its level in one pass in place order, which is document order (a term's entries are in
        // document order), so no level needs sorting.
        var levels = new List<int[]>(cuts.Count);
        for (int level = 0, from = 0; level < cuts.Count; from = cuts[level++]) levels.Add(new int[cuts[level] - from]);
        var filled = new int[cuts.Count];
        for (int i = 0; i < count; i++)
        {
            int level = 0;
            while (sums[i] <= thresholds[level]) level++;
            levels[level][filled[level]++] = start + i;
        }
        System.Buffers.ArrayPool<int>.Shared.Return(sums);
        return new TierSplit { Levels = levels, Tau = tau, Start = start, End = end };
    }

    /// <summary>
    /// The cuts (where each level ends, in ranks highest first), thresholds (a level holds the entries not in an
    /// earlier one whose sum is above its threshold) and the highest sum after each level but the last. Each cut needs
    /// only the sum at one rank of those not yet placed, and the ranks its tie spans.
    /// </summary>
    static void Cut<TSums>(ref TSums left, int count, int tierSize, int growth, List<int> cuts, List<long> thresholds, List<long> tau)
        where TSums : ISumsLeft
    {
        int at = 0;
        long size = tierSize;
        while (at < count)
        {
            int cut = count;
            long threshold = long.MinValue;
            if (at + size < count)
            {
                // The sum at rank at + size - 1 (highest first), and the ranks its tie spans.
                var (v, greater, equal) = left.AtRank((int)size - 1);
                int tieStart = at + greater, tieEnd = tieStart + equal;
                // Keep the tie if the level stays within twice its size; else leave it to the next level (tier A may
                // then be empty); a band that is all one tie takes it whole.
                cut = tieEnd - at <= 2 * size || (tieStart == at && cuts.Count > 0) ? tieEnd : tieStart;
                threshold = cut == tieEnd ? v - 1L : v;
            }
            cuts.Add(cut);
            thresholds.Add(threshold);
            at = cut;
            if (at < count) tau.Add(left.KeepAtMost(threshold)); // the highest sum after the level
            size = Math.Min(size * growth, int.MaxValue);
        }
    }

    /// <summary>The sums not yet placed in a level.</summary>
    interface ISumsLeft
    {
        /// <summary>The sum at <paramref name="rank"/> (from 0, highest first), how many are above it and how many equal it.</summary>
        (int Value, int Greater, int Equal) AtRank(int rank);

        /// <summary>Lets go of the sums above <paramref name="threshold"/> (placed); returns the highest left, of which there is one.</summary>
        int KeepAtMost(long threshold);
    }

    /// <summary>The sums left, in any order, ranked by selection: for sums spread thinly over their range.</summary>
    struct SelectedSums : ISumsLeft
    {
        readonly int[] _rest;
        int _count;

        public SelectedSums(ReadOnlySpan<int> sums)
        {
            _rest = System.Buffers.ArrayPool<int>.Shared.Rent(sums.Length);
            sums.CopyTo(_rest);
            _count = sums.Length;
        }

        public readonly (int Value, int Greater, int Equal) AtRank(int rank)
        {
            int v = KthLargest(_rest, _count, rank);
            int greater = 0, equal = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_rest[i] > v) greater++;
                else if (_rest[i] == v) equal++;
            }
            return (v, greater, equal);
        }

        public int KeepAtMost(long threshold)
        {
            int kept = 0, highest = int.MinValue;
            for (int i = 0; i < _count; i++)
            {
                if (_rest[i] > threshold) continue;
                highest = Math.Max(highest, _rest[i]);
                _rest[kept++] = _rest[i];
            }
            _count = kept;
            return highest;
        }

        public readonly void Return() => System.Buffers.ArrayPool<int>.Shared.Return(_rest);
    }

    /// <summary>
    /// The sums left as a count of entries at each sum from the lowest to the highest, ranked by walking down from the
    /// highest left: for dense sums, a common term's (tens of thousands of entries over about as many thousandths).
    /// </summary>
    struct CountedSums : ISumsLeft
    {
        readonly int[] _counts;
        readonly int _lowest;
        int _top; // the highest sum left, as an index into _counts

        public CountedSums(ReadOnlySpan<int> sums, int lowest, int highest)
        {
            int range = highest - lowest + 1;
            _counts = System.Buffers.ArrayPool<int>.Shared.Rent(range);
            Array.Clear(_counts, 0, range);
            foreach (int sum in sums) _counts[sum - lowest]++;
            _lowest = lowest;
            _top = range - 1;
        }

        public readonly (int Value, int Greater, int Equal) AtRank(int rank)
        {
            int greater = 0, j = _top;
            while (greater + _counts[j] <= rank) greater += _counts[j--];
            return (j + _lowest, greater, _counts[j]);
        }

        public int KeepAtMost(long threshold)
        {
            _top = (int)Math.Min(threshold - _lowest, _top);
            while (_counts[_top] == 0) _top--;
            return _top + _lowest;
        }

        public readonly void Return() => System.Buffers.ArrayPool<int>.Shared.Return(_counts);
    }

    /// <summary>The value at rank <paramref name="k"/> (from 0, highest first) of the first <paramref name="n"/>
    /// values, which it reorders: quickselect with a three-way partition, as sums often tie.</summary>
    static int KthLargest(int[] a, int n, int k)
    {
        int lo = 0, hi = n - 1;
        while (lo < hi)
        {
            int x = a[lo], y = a[lo + (hi - lo) / 2], z = a[hi];
            int pivot = Math.Max(Math.Min(x, y), Math.Min(Math.Max(x, y), z)); // the median of three
            // [lo, gt) above the pivot, [gt, i) equal to it, (lt, hi] below it.
            int gt = lo, i = lo, lt = hi;
            while (i <= lt)
            {
                int value = a[i];
                if (value > pivot) { a[i] = a[gt]; a[gt++] = value; i++; }
                else if (value < pivot) { a[i] = a[lt]; a[lt--] = value; }
                else i++;
            }
            if (k < gt) hi = gt - 1;
            else if (k <= lt) return pivot;
            else lo = lt + 1;
        }
        return a[lo];
    }
}
