using System.Text.RegularExpressions;
using Quorum.Benchmarks;
using Quorum.Build;
using Quorum.Render;
using Quorum.Search;
using Quorum.Tests.Support;

namespace Quorum.Tests.Corpus;

/// <summary><c>Quorum.Benchmarks search</c> reads and writes the search as a build does, and says so with a count and a hash.</summary>
public sealed partial class SearchTimerTests
{
    [Fact]
    public void Each_run_writes_the_files_a_build_writes_and_the_first_hashes_them_the_same_way_each_time()
    {
        var input = Repo.Fixture("minimal");
        var (archive, _) = BuildPipeline.Prepare(input, SiteBuilder.DefaultDate, new PhaseTimings());
        var built = new MemoryOutput();
        SearchFiles.Write(archive!, built);

        string Report()
        {
            var o = new StringWriter();
            SearchTimer.Run(input, SiteBuilder.DefaultDate, 2, o);
            return o.ToString();
        }
        var first = Report();
        var runs = Line().Matches(first);
        Assert.Equal(2, runs.Count);
        Assert.All(runs, run => Assert.Equal(built.Files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Groups["files"].Value));
        Assert.All(runs, run => Assert.Equal(built.Files.Values.Sum(f => (long)f.Length).ToString(System.Globalization.CultureInfo.InvariantCulture), run.Groups["bytes"].Value));
        Assert.True(runs[0].Groups["hash"].Success && !runs[1].Groups["hash"].Success, first);
        Assert.Equal(runs[0].Groups["hash"].Value, Line().Matches(Report())[0].Groups["hash"].Value);
    }

    [GeneratedRegex(@"^run \d+: read wall \d+ ms, cpu \d+ ms \| write wall \d+ ms, cpu \d+ ms \| (?<files>\d+) files, (?<bytes>\d+) bytes(, hash (?<hash>[0-9a-f]{16}))?\r?$", RegexOptions.Multiline)]
    private static partial Regex Line();
}
