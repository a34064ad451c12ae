namespace Quorum.Tests.Support;

/// <summary>
/// Tests that compare diagnostics made at different moments: a diagnostic's path is relative to the process's current
/// directory, which <see cref="CliRunner"/> changes while other tests run, so these run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkingDirectoryCollection
{
    public const string Name = "working directory";
}
