using Quorum.Tests.Support;

namespace Quorum.Tests.Check;

/// <summary>
/// One fixture per check rule: Fixtures/minimal with the files of Fixtures/invalid/&lt;rule&gt;/ laid over it.
/// Each fixture's expected.txt names the diagnostic <c>quorum check</c> must print (path, line, column, code and,
/// where given, the message); <c>*</c> stands for a column not asserted.
/// </summary>
public class InvalidFixtureTests
{
    public static TheoryData<string> Rules()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Repo.Fixture("invalid")).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Check_reports_the_fault_at_its_file_and_line(string rule)
    {
        using var tmp = new TempDir();
        var input = tmp.CopyFrom(Repo.Fixture("minimal"));
        var overlay = Repo.Fixture("invalid", rule);
        foreach (var file in Directory.GetFiles(overlay, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(overlay, file);
            if (relative == "expected.txt") continue;
            var target = Path.Combine(input, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        var expected = File.ReadAllLines(Path.Combine(overlay, "expected.txt")).Single(l => !l.StartsWith('#') && l.Length > 0);

        var outcome = CliRunner.Run(tmp.Path, "check", "--input", "input");

        // A fixture whose expected line is a warning must still build: exit 0.
        Assert.Equal(expected.Contains(": warning ", StringComparison.Ordinal) ? 0 : 1, outcome.ExitCode);
        var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => Matches(line, "input/" + expected));
        Assert.DoesNotContain("   at ", outcome.Stderr); // never a stack trace
    }

    [Fact]
    public void The_base_fixture_is_valid()
    {
        using var tmp = new TempDir();
        tmp.CopyFrom(Repo.Fixture("minimal"));
        var outcome = CliRunner.Run(tmp.Path, "check", "--input", "input");
        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Equal("", outcome.Stderr);
    }

    [Fact]
    public void Github_format_prints_workflow_annotations()
    {
        using var tmp = new TempDir();
        var input = tmp.CopyFrom(Repo.Fixture("minimal"));
        var meeting = Path.Combine(input, "meetings", "2024", "2024-03-05-parish-council.md");
        File.WriteAllText(meeting, File.ReadAllText(meeting).Replace("- bob-jones", "- bob-jnoes"));
        var outcome = CliRunner.Run(tmp.Path, "check", "--input", "input", "--format", "github");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("::error file=input/meetings/2024/2024-03-05-parish-council.md,line=8,col=7,title=Q010::unknown member 'bob-jnoes'; did you mean 'bob-jones'?",
            outcome.Stderr.Trim());
    }

    /// <summary>Same path, line and code; the column unless it is <c>*</c>; and the message when one is given.</summary>
    static bool Matches(string line, string expected)
    {
        var e = expected.Split(": ", 3);
        var l = line.Split(": ", 3);
        if (l.Length < 2) return false;
        var ep = e[0].Split(':');
        var lp = l[0].Split(':');
        if (ep.Length != 3 || lp.Length != 3 || ep[0] != lp[0] || ep[1] != lp[1]) return false;
        if (ep[2] != "*" && ep[2] != lp[2]) return false;
        if (e[1] != l[1]) return false;
        return e.Length < 3 || (l.Length == 3 && l[2] == e[2]);
    }
}
