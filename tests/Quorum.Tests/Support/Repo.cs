namespace Quorum.Tests.Support;

/// <summary>Paths of the repository the tests run in: found by walking up to Quorum.sln.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    public static string Input => Path.Combine(Root, "input");
    public static string Theme => Path.Combine(Root, "themes", "default");
    public static string Fixtures => Path.Combine(Root, "tests", "Quorum.Tests", "Fixtures");
    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Quorum.sln"))) return dir.FullName;
        throw new InvalidOperationException("tests must run inside the Quorum repository");
    }
}
