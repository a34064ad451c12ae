using CsCheck;
using Quorum.Search.Shards;

namespace Quorum.Tests.Search;

public class TierSplitTests
{
    /// <summary>
    /// The cutting as first written: every entry sorted by falling sum (then place), cuts at tie boundaries, each level
    /// in place order. <see cref="TierSplit.Of"/> finds the same cuts by selection instead.
    /// </summary>
    static (List<int[]> Levels, List<long> Tau) BySorting(int[] sums, int tierSize, int growth)
    {
        int count = sums.Length;
        if (count <= tierSize) return ([Enumerable.Range(0, count).ToArray()], []);
        var order = Enumerable.Range(0, count).OrderByDescending(i => sums[i]).ThenBy(i => i).ToArray();
        long SumAt(int rank) => sums[order[rank]];
        var cuts = new List<int>();
        var tau = new List<long>();
        int at = 0;
        long size = tierSize;
        while (at < count)
        {
            int cut = count;
            if (at + size < count)
            {
                int last = (int)(at + size - 1);
                long v = SumAt(last);
                int tieEnd = last + 1, tieStart = last;
                while (tieEnd < count && SumAt(tieEnd) == v) tieEnd++;
                while (tieStart > at && SumAt(tieStart - 1) == v) tieStart--;
                cut = tieEnd - at <= 2 * size || (tieStart == at && cuts.Count > 0) ? tieEnd : tieStart;
            }
            cuts.Add(cut);
            at = cut;
            if (at < count) tau.Add(SumAt(at));
            size = Math.Min(size * growth, int.MaxValue);
        }
        var levels = new List<int[]>();
        for (int level = 0, from = 0; level < cuts.Count; from = cuts[level++])
            levels.Add(order[from..cuts[level]].Order().ToArray());
        return (levels, tau);
    }

    [Fact]
    public void A_terms_levels_and_their_highest_sums_are_those_that_sorting_every_entry_gives()
    {
        // Sums from narrow ranges tie often (ties decide where cuts fall); wide ones seldom.
        var gen = Gen.Select(Gen.Int[1, 6], Gen.Int[2, 5], Gen.Int[1, 1000], Gen.Int[0, 120]).SelectMany((tier, growth, range, count) =>
            Gen.Int[0, range].Array[count].Select(sums => (tier, growth, sums)));
        gen.Sample(t =>
        {
            var (tier, growth, sums) = t;
            // One term (index 1, after an empty one), one field: an entry's sum is its one score.
            var postings = new ShardPostings
            {
                Start = [0, 0, sums.Length], Doc = Enumerable.Range(0, sums.Length).ToArray(), Mask = new ushort[sums.Length],
                KStart = Enumerable.Range(0, sums.Length + 1).ToArray(), K = sums,
            };
            var split = TierSplit.Of(postings, 1, tier, growth);
            var (levels, tau) = BySorting(sums, tier, growth);
            if (levels.Count == 1)
            {
                Assert.True(split.Complete);
                Assert.Equal((0, sums.Length), (split.Start, split.End));
                return;
            }
            Assert.False(split.Complete);
            Assert.Equal(levels, split.Levels);
            Assert.Equal(tau, split.Tau);
        }, iter: 5_000);
    }
}
