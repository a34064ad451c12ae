using Xunit;

namespace Quorum.Tests.Search;

/// <summary>
/// A [Fact] that needs Node.js (to run the reference lunr.js). xunit 2 has no dynamic skip, so the
/// attribute sets <see cref="FactAttribute.Skip"/> itself when `node` is not on PATH — unless the
/// environment variable CI is "true": there a missing node must fail the run, not quietly skip it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (LunrNode.FindOnPath("node") is null && !LunrNode.IsCi)
            Skip = "Node.js ('node') is not on PATH: skipped the comparison with the reference lunr.js 2.3.9 (with CI=true this fails instead).";
    }
}
