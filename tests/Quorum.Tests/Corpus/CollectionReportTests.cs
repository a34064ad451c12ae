using Quorum.Benchmarks;

namespace Quorum.Tests.Corpus;

/// <summary>
/// <c>Quorum.Benchmarks collections</c> names why a collection was full from the runtime's condemn-reason words. The
/// cases are words read from a trace of a 1,000-meeting build (benchmarks/allocations.sh, session 20).
/// </summary>
public sealed class CollectionReportTests
{
    [Theory]
    // A gen1 collection raised to a full one on one heap: final gen 2 (bits 2-3), low card efficiency (bit 5) with gen1 due (bit 11).
    [InlineData(0x8u, 0x820u, "low card-marking efficiency")]
    // Final gen 2 because generation 2's budget ran out (bits 4-5 = 2), no condition.
    [InlineData(0x28u, 0x0u, "gen2 budget spent")]
    // GC.Collect(2, Forced): initial and final gen 2, the induced condition (bit 0).
    [InlineData(0xau, 0x1u, "induced")]
    // Two conditions at once are both named, in the collector's order.
    [InlineData(0x8u, 0x24u, "high memory load, low card-marking efficiency")]
    // Nothing recorded: nothing to say.
    [InlineData(0x0u, 0x0u, "")]
    public void Names_why_a_collection_was_full(uint generations, uint conditions, string why) =>
        Assert.Equal(why, CollectionReport.Why(generations, conditions));
}
