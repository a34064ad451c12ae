using Quorum.Tests.Support;

namespace Quorum.Tests.Feeds;

public class DeterminismTests
{
    [Fact]
    public void Two_builds_write_the_same_bytes()
    {
        var first = Built.Site.Build(Repo.Input).MachineReadable().ToList();
        var second = Built.Site.Build(Repo.Input).MachineReadable().ToList();
        Assert.Equal(first.Select(f => f.Key), second.Select(f => f.Key));
        foreach (var ((path, a), (_, b)) in first.Zip(second))
            Assert.True(a.AsSpan().SequenceEqual(b), $"{path} differs between two builds");
    }

    [Fact]
    public void The_build_date_changes_nothing_while_nothing_is_withheld_until_a_date()
    {
        var first = Built.Site.Build(Repo.Input, new DateOnly(2026, 1, 1)).MachineReadable().ToList();
        var second = Built.Site.Build(Repo.Input, new DateOnly(2031, 6, 30)).MachineReadable().ToList();
        Assert.Equal(first.Select(f => f.Key), second.Select(f => f.Key));
        foreach (var ((path, a), (_, b)) in first.Zip(second))
            Assert.True(a.AsSpan().SequenceEqual(b), $"{path} depends on the build date");
    }

    [Fact]
    public void Every_machine_readable_file_is_valid_utf8()
    {
        foreach (var (_, bytes) in Built.Demo.MachineReadable().Concat(Built.Fixture.MachineReadable()))
            Built.Site.Utf8(bytes); // throws on invalid UTF-8
    }
}
