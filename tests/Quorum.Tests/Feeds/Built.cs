using System.Text;
using Quorum.Build;
using Quorum.Public;
using Quorum.Render;
using Quorum.Tests.Support;

namespace Quorum.Tests.Feeds;

/// <summary>Sites built once per test run: the demo input, and <see cref="FeedFixture"/>.</summary>
public static class Built
{
    static readonly Lazy<Site> DemoSite = new(() => Site.Build(Repo.Input));
    static readonly Lazy<Site> FixtureSite = new(() =>
    {
        var dir = new TempDir();
        FeedFixture.WriteTo(dir.Path);
        var site = Site.Build(dir.Path);
        dir.Dispose();
        return site;
    });

    public static Site Demo => DemoSite.Value;
    public static Site Fixture => FixtureSite.Value;

    public sealed record Site(BuildPipeline.Result Result, MemoryOutput Output)
    {
        public PublicArchive Archive => Result.Archive!;

        public static Site Build(string input, DateOnly? date = null)
        {
            var (result, output) = SiteBuilder.InMemory(input, date);
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            return new Site(result, output);
        }

        public string Text(string path)
        {
            Assert.True(Output.Files.ContainsKey(path), $"no file {path}; files: {string.Join(", ", Output.Files.Keys.Order(StringComparer.Ordinal).Take(300))}");
            return Output.Text(path);
        }

        public byte[] Bytes(string path) => Output.Files[path];

        /// <summary>The feeds, calendars and data files: what this area of the code writes.</summary>
        public IEnumerable<KeyValuePair<string, byte[]>> MachineReadable() =>
            Output.Files.Where(f => f.Key.StartsWith("feeds/", StringComparison.Ordinal) || f.Key.StartsWith("calendar/", StringComparison.Ordinal)
                || (f.Key.StartsWith("data/", StringComparison.Ordinal) && f.Key != "data/index.html"))
                .OrderBy(f => f.Key, StringComparer.Ordinal);

        public static string Utf8(byte[] bytes) => new UTF8Encoding(false, true).GetString(bytes);
    }
}
