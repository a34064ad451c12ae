using Quorum.Build;
using Quorum.Render;

namespace Quorum.Tests.Support;

/// <summary>Builds an input folder with the default theme, into memory or a real folder.</summary>
public static class SiteBuilder
{
    public static readonly DateOnly DefaultDate = new(2026, 11, 23);

    public static (BuildPipeline.Result Result, MemoryOutput Output) InMemory(string input, DateOnly? date = null)
    {
        var output = new MemoryOutput();
        var result = BuildPipeline.BuildTo(new BuildOptions(input, "", date ?? DefaultDate, Repo.Theme), output);
        return (result, output);
    }

    public static BuildPipeline.Result ToFolder(string input, string output, DateOnly? date = null) =>
        BuildPipeline.Build(new BuildOptions(input, output, date ?? DefaultDate, Repo.Theme));
}
