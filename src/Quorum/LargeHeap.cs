namespace Quorum;

/// <summary>
/// Full collections a one-off build asks for itself when its heap is large (5,000 meetings, not 1,000), each at a
/// moment it has just let go of much of it: halfway through redact (the first half's input lines), before the pages
/// (the rest of the input), before the search's reading (the pages' HTML) and before the index (the archive).
/// </summary>
/// <remarks>
/// The standalone build tells the collector not to raise a young collection to a full one when old objects' references
/// point mostly at objects that are not the youngest (Quorum.Cli.csproj, GCLowSkipRatio): a 1,000-meeting build is
/// 3-4% faster so, but a large heap then keeps what the build released until a full collection comes late (5,000
/// meetings: 1,020 MB by the end of redact). Each collection here also hands the freed memory back to the system
/// (<see cref="GCCollectionMode.Aggressive"/>): kept, it was reused too little, and the index took the build to
/// 933-967 MB. With all four, 5,000 meetings peak at 816-826 MB (thirteen runs; 851-934 MB before), at the end of redact.
/// </remarks>
internal static class LargeHeap
{
    const long Threshold = 256L << 20;

    /// <summary>Whether the heap is over 256 MB (5,000 meetings: 500 MB when redact starts; 1,000 meetings: about 150 MB).</summary>
    public static bool IsLarge => GC.GetTotalMemory(forceFullCollection: false) > Threshold;

    /// <summary>A full, compacting collection that hands freed memory back, when the heap is over 256 MB; a smaller heap is not collected (it would only pause).</summary>
    public static void CollectIfLarge()
    {
        if (IsLarge) GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
