namespace Quorum.Tests.Search;

/// <summary>
/// Files the search tests read straight from the source tree (found by walking up from the test
/// assembly to the folder holding Quorum.sln), so they need no copy step in the test project.
/// </summary>
internal static class SearchTestFiles
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    /// <summary>lunr.js 2.3.9's test/fixtures/stemming_vocab.json (word → stem), copied verbatim.</summary>
    public static string StemmingVocabulary => Path.Combine(RepositoryRoot, "tests", "Quorum.Tests", "Search", "stemming_vocab.json");

    /// <summary>The npm project holding the reference lunr.js and lunr-build.js.</summary>
    public static string NodeFolder => Path.Combine(RepositoryRoot, "tests", "Quorum.Tests", "node");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Quorum.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Quorum.sln above {AppContext.BaseDirectory}.");
    }
}
