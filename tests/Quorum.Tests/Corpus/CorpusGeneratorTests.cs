using Quorum.Benchmarks;
using Quorum.Diagnostics;
using Quorum.Load;
using Quorum.Resolve;
using Quorum.Tests.Support;

namespace Quorum.Tests.Corpus;

/// <summary>The synthetic corpus of issue 6 (tests/Quorum.Benchmarks): valid input, the same bytes for the same seed.</summary>
public sealed class CorpusGeneratorTests : IDisposable
{
    readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Twenty_meetings_pass_check()
    {
        var summary = CorpusGenerator.Generate(_temp["a"], 20, seed: 7);

        Assert.Equal(20, summary.Meetings);
        var check = CliRunner.Run(_temp.Path, "check", "--input", "a", "--theme", Repo.Theme);
        Assert.True(check.ExitCode == 0, check.Stderr);
        Assert.DoesNotContain(" error ", check.Stderr);
    }

    [Fact]
    public void The_same_meetings_and_seed_give_identical_files_and_another_seed_does_not()
    {
        CorpusGenerator.Generate(_temp["a"], 20, seed: 7);
        CorpusGenerator.Generate(_temp["b"], 20, seed: 7);
        CorpusGenerator.Generate(_temp["c"], 20, seed: 8);

        var a = Files(_temp["a"]);
        Assert.Equal(a, Files(_temp["b"]));
        Assert.NotEqual(a, Files(_temp["c"]));
        Assert.True(a.Count > 80);
    }

    [Fact]
    public void Regenerating_in_place_replaces_the_corpus_but_an_unrelated_folder_is_refused()
    {
        CorpusGenerator.Generate(_temp["a"], 30, seed: 7);
        CorpusGenerator.Generate(_temp["a"], 20, seed: 7);
        CorpusGenerator.Generate(_temp["b"], 20, seed: 7);
        Assert.Equal(Files(_temp["b"]), Files(_temp["a"]));

        _temp.Write("mine/notes.txt", "not a corpus");
        Assert.Throws<IOException>(() => CorpusGenerator.Generate(_temp["mine"], 20));
    }

    [Fact]
    public void The_corpus_is_shaped_like_real_minutes()
    {
        CorpusGenerator.Generate(_temp["a"], 20, seed: 7);
        var archive = Resolver.Resolve(InputLoader.Load(_temp["a"], new DiagnosticBag())!);
        var meetings = archive.Meetings;

        Assert.InRange(archive.Members.Count, 60, 150);
        Assert.Contains(archive.Members.Values, m => m.Name == "Zoë Ó Briain" && m.Raw.Aliases.Count > 0);
        Assert.True(archive.Members.Values.Count(m => m.Raw.Aliases.Count > 0) > archive.Members.Count / 2);
        Assert.True(archive.Bodies.Count >= 5);
        Assert.Contains(archive.Bodies.Values, b => b.Raw.FormerNames.Count > 0);
        Assert.True(meetings.Select(m => m.Body!.Id).Distinct().Count() >= 4);
        Assert.All(meetings, m =>
        {
            Assert.Equal(15, m.Attendance.Count);
            Assert.All(Enum.GetValues<AttendanceGroup>(), g => Assert.Contains(m.Attendance, a => a.Group == g));
            Assert.InRange(m.AllItems.Count(), 15, 25);
            Assert.InRange(m.Raw.Actions.Count, 10, 16);
            Assert.InRange(m.Raw.Markdown.Lines.Sum(l => l.Length + 1), 18_000, 40_000);
        });
        Assert.Contains(meetings, m => m.Raw.Items.Any(i => i.SubItems.Count > 0));
        Assert.Contains(meetings, m => m.Raw.IsDraft);
        Assert.Contains(meetings, m => m.AllItems.Any(i => i.Exemption is not null));
        Assert.Contains(meetings, m => m.AllItems.Any(i => i.Exemption?.Until is not null));
        Assert.Contains(meetings, m => m.Raw.Markdown.ExemptBlocks.Count > 0);
        Assert.Contains(meetings, m => m.Raw.Actions.Any(a => a.Exemption is not null));
        Assert.Contains(meetings, m => m.Raw.Markdown.Lines.Any(l => l == ":::decision"));
        Assert.Contains(meetings, m => m.Updates.Any(u => u.Action is not null && u.Update.Status == ActionStatus.Closed));
        Assert.Contains(meetings, m => m.Updates.Any(u => u.Action is not null && u.Update.Status == ActionStatus.Open));
        // Names and earlier action ids appear in the text, so cross-links happen.
        var text = string.Join("\n", meetings.SelectMany(m => m.Raw.Markdown.Lines));
        Assert.Contains(archive.MembersByName.Keys, name => text.Contains(name, StringComparison.Ordinal));
        Assert.Contains("(ref ", text);
    }

    /// <summary>Every file as its path and the SHA-256 of its bytes, in path order.</summary>
    static List<string> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/') + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))
            .Order(StringComparer.Ordinal)
            .ToList();
}
