using System.Text.RegularExpressions;
using Quorum.Benchmarks;
using Quorum.Build;
using Quorum.Render;
using Quorum.Tests.Support;

namespace Quorum.Tests.Serve;

/// <summary>
/// Incremental rebuilds (<c>quorum serve</c>): after each kind of edit, only the affected pages are re-rendered, and the
/// output folder is byte for byte what a fresh full build of the same input writes.
/// </summary>
[Collection(WorkingDirectoryCollection.Name)]
public sealed class IncrementalBuilderTests : IDisposable
{
    readonly TempDir _temp = new();
    readonly string _input;
    readonly string _theme;
    readonly IncrementalBuilder _builder;

    public IncrementalBuilderTests()
    {
        CorpusGenerator.Generate(_temp["input"], 8, seed: 5);
        _input = _temp["input"];
        // A copy, so the comparison builds see the same theme whatever happens to the repository's meanwhile.
        _theme = _temp.CopyFrom(Repo.Theme, "theme");
        _builder = new IncrementalBuilder(_input, _temp["site"], _theme, () => SiteBuilder.DefaultDate);
    }

    public void Dispose()
    {
        _builder.Dispose();
        _temp.Dispose();
    }

    string[] MeetingFiles => Directory.GetFiles(Path.Combine(_input, "meetings"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    RebuildReport Rebuild(params string[] changed)
    {
        var report = _builder.Rebuild(changed);
        Assert.True(report.Outcome == RebuildOutcome.Built, $"{report.Outcome}: {string.Join("\n", report.Diagnostics.Where(d => d.IsError))} {report.Error}");
        return report;
    }

    /// <summary>The output folder holds exactly the files of a fresh full build (built in memory), byte for byte, and no empty folders.</summary>
    void AssertSameAsFullBuild()
    {
        var fresh = new MemoryOutput();
        var result = BuildPipeline.BuildTo(new BuildOptions(_input, "", SiteBuilder.DefaultDate, _theme), fresh);
        Assert.True(result.Succeeded);
        var site = _temp["site"];
        var files = Directory.GetFiles(site, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(fresh.Files.Keys.Order(StringComparer.Ordinal), files);
        var different = files.Where(f => !fresh.Files[f].AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(site, f)))).ToList();
        Assert.True(different.Count == 0, "differs from a full build: " + string.Join(", ", different));
        Assert.DoesNotContain(Directory.GetDirectories(site, "*", SearchOption.AllDirectories), d => !Directory.EnumerateFileSystemEntries(d).Any());
    }

    static void Edit(string file, Func<string, string> change)
    {
        var before = File.ReadAllText(file);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(file, after);
    }

    [Fact]
    public void Editing_one_meeting_re_renders_only_what_it_affects_and_the_output_equals_a_full_build()
    {
        var first = _builder.Rebuild();
        Assert.Equal(RebuildOutcome.Built, first.Outcome);
        Assert.True(first.Full);
        AssertSameAsFullBuild();

        // Append a sentence to the last item of a meeting in the middle of the archive.
        var meeting = MeetingFiles[5];
        var slug = Path.GetFileNameWithoutExtension(meeting);
        Edit(meeting, t => t + "\nThe clerk added a sentence to this item.\n");
        var report = Rebuild(meeting);
        Assert.False(report.Full);
        Assert.Equal(["meetings/" + Path.GetRelativePath(Path.Combine(_input, "meetings"), meeting).Replace('\\', '/')], report.ChangedFiles);
        Assert.True(report.PagesRendered < report.PagesTotal / 2, $"{report.PagesRendered} of {report.PagesTotal} pages re-rendered");
        Assert.NotNull(report.FirstPagesAt);
        Assert.Contains($"meetings/{slug}/index.html", report.FilesChanged);
        Assert.Contains("search/lunr-index.json", report.FilesChanged);
        // An unrelated meeting's page is neither rendered differently nor rewritten.
        Assert.DoesNotContain($"meetings/{Path.GetFileNameWithoutExtension(MeetingFiles[0])}/index.html", report.FilesChanged);
        Assert.Contains("The clerk added a sentence", File.ReadAllText(_temp[$"site/meetings/{slug}/index.html"]));
        AssertSameAsFullBuild();

        // Nothing changed since: nothing to do.
        Assert.Equal(RebuildOutcome.Unchanged, _builder.Rebuild([meeting]).Outcome);
    }

    [Fact]
    public void A_rebuild_re_parses_only_the_markdown_the_save_changed()
    {
        var first = _builder.Rebuild();
        Assert.Equal(RebuildOutcome.Built, first.Outcome);
        Assert.True(first.MarkdownParsed > 100, $"the first build parsed {first.MarkdownParsed} pieces of Markdown");

        // A sentence appended to a meeting's last item: that item is the one piece whose public text changed.
        var meeting = MeetingFiles[5];
        Edit(meeting, t => t + "\nThe clerk added a sentence to this item.\n");
        var report = Rebuild(meeting);
        Assert.Equal(1, report.MarkdownParsed);
        Assert.Contains("The clerk added a sentence", File.ReadAllText(_temp[$"site/meetings/{Path.GetFileNameWithoutExtension(meeting)}/index.html"]));
        AssertSameAsFullBuild();

        // A save that changes no public text (a venue) parses nothing.
        Edit(meeting, t => Regex.Replace(t, "^venue: .*$", "venue: The Old Court Room", RegexOptions.Multiline));
        Assert.Equal(0, Rebuild(meeting).MarkdownParsed);
        AssertSameAsFullBuild();
    }

    [Fact]
    public void A_new_alias_or_name_changes_every_rendering_so_none_is_reused()
    {
        var first = _builder.Rebuild();
        Assert.Equal(RebuildOutcome.Built, first.Outcome);
        var meeting = MeetingFiles[3];
        var slug = Path.GetFileNameWithoutExtension(meeting);
        Edit(meeting, t => t + "\nCouncillor Quill Penhaligon spoke for the motion.\n");
        Assert.Equal(1, Rebuild(meeting).MarkdownParsed);
        Assert.DoesNotContain(">Councillor Quill Penhaligon</a>", File.ReadAllText(_temp[$"site/meetings/{slug}/index.html"]));

        // The phrase becomes a member's alias: the minutes that were rendered without the link must now have it.
        var memberFile = Directory.GetFiles(Path.Combine(_input, "members"), "*.md").Order(StringComparer.Ordinal).First();
        var memberId = Path.GetFileNameWithoutExtension(memberFile);
        Edit(memberFile, t => t.Contains("\naliases: [", StringComparison.Ordinal)
            ? t.Replace("\naliases: [", "\naliases: [\"Councillor Quill Penhaligon\", ", StringComparison.Ordinal)
            : Regex.Replace(t, "^(name: .*)$", "$1\naliases: [\"Councillor Quill Penhaligon\"]", RegexOptions.Multiline));
        var aliased = Rebuild(memberFile);
        Assert.Equal(first.MarkdownParsed, aliased.MarkdownParsed);
        Assert.Matches($"href=\"[^\"]*/members/{memberId}/\">Councillor Quill Penhaligon</a>", File.ReadAllText(_temp[$"site/meetings/{slug}/index.html"]));
        AssertSameAsFullBuild();

        // A member's new name relinks every mention of it, and of the old name no longer.
        Edit(memberFile, t => Regex.Replace(t, "^name: .*$", "name: \"Quill Penhaligon-Smith\"", RegexOptions.Multiline));
        Assert.Equal(first.MarkdownParsed, Rebuild(memberFile).MarkdownParsed);
        AssertSameAsFullBuild();
    }

    [Fact]
    public void Updates_attendance_mentions_dates_and_deletions_stay_exact()
    {
        Assert.Equal(RebuildOutcome.Built, _builder.Rebuild().Outcome);
        var files = MeetingFiles;

        // Close (or reopen) an earlier action: its page, its raising meeting's page and its owners' pages change.
        var withUpdates = files.Last(f => File.ReadAllText(f).Contains("\nupdates:\n", StringComparison.Ordinal));
        Edit(withUpdates, t =>
        {
            var at = t.IndexOf("\nupdates:\n", StringComparison.Ordinal);
            var status = new Regex("status: (open|closed)").Match(t, at);
            return t[..status.Index] + (status.Groups[1].Value == "open" ? "status: closed" : "status: open") + t[(status.Index + status.Length)..];
        });
        Assert.False(Rebuild(withUpdates).Full);
        AssertSameAsFullBuild();

        // Mention a member by name (their page lists the mention), and drop an attendee.
        var memberName = Regex.Match(File.ReadAllText(Directory.GetFiles(Path.Combine(_input, "members"), "*.md").Order(StringComparer.Ordinal).Last()),
            "^name: \"?([^\"\n]+)\"?$", RegexOptions.Multiline).Groups[1].Value;
        var meeting = files[3];
        Edit(meeting, t =>
        {
            var present = t.IndexOf("  present:\n", StringComparison.Ordinal);
            var second = t.IndexOf("\n    - ", t.IndexOf("\n    - ", present, StringComparison.Ordinal) + 1, StringComparison.Ordinal);
            var end = t.IndexOf('\n', second + 1);
            return t[..second] + t[end..] + $"\n{memberName} thanked the committee.\n";
        });
        Assert.False(Rebuild(meeting).Full);
        AssertSameAsFullBuild();

        // Move a meeting to a later date, still before the newest: the previous/next links around its old and new
        // places change.
        static DateOnly DateOf(string file) => DateOnly.Parse(Regex.Match(File.ReadAllText(file), @"^date: (\S+)$", RegexOptions.Multiline).Groups[1].Value);
        void MoveTo(string file, DateOnly date) =>
            Edit(file, t => Regex.Replace(t, @"^date: \S+$", $"date: {date:yyyy-MM-dd}", RegexOptions.Multiline));
        MoveTo(files[1], DateOf(files[4]).AddDays(1));
        Assert.False(Rebuild(files[1]).Full);
        AssertSameAsFullBuild();

        // Past the newest: registers and members' pages show the year to the newest minutes, so everything changes.
        MoveTo(files[1], files.Max(DateOf).AddYears(1));
        Assert.True(Rebuild(files[1]).Full);
        AssertSameAsFullBuild();

        // Delete a meeting: its actions disappear (cross-links elsewhere change), so everything is re-rendered, and
        // its pages are deleted.
        File.Delete(files[6]);
        Assert.True(Rebuild(files[6]).Full);
        Assert.False(Directory.Exists(_temp[$"site/meetings/{Path.GetFileNameWithoutExtension(files[6])}"]));
        AssertSameAsFullBuild();

        // A member file: everything.
        var member = Directory.GetFiles(Path.Combine(_input, "members"), "*.md").Order(StringComparer.Ordinal).First();
        Edit(member, t => t.Replace("\n---\n", "\n---\nA new line of biography.\n"));
        var report = Rebuild(member);
        Assert.True(report.Full);
        Assert.Equal(report.PagesTotal, report.PagesRendered);
        AssertSameAsFullBuild();
    }

    [Fact]
    public void A_broken_save_writes_nothing_and_the_fix_brings_every_change_since_the_last_good_build()
    {
        Assert.Equal(RebuildOutcome.Built, _builder.Rebuild().Outcome);
        var a = MeetingFiles[2];
        var b = MeetingFiles[4];
        var before = Directory.GetFiles(_temp["site"], "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

        // One save changes a (fine) and breaks b: nothing is written.
        Edit(a, t => t + "\nA sentence saved while another file was broken.\n");
        Edit(b, t => Regex.Replace(t, @"^body: .*$", "body: no-such-body", RegexOptions.Multiline));
        var failed = _builder.Rebuild([a, b]);
        Assert.Equal(RebuildOutcome.Failed, failed.Outcome);
        Assert.Contains(failed.Diagnostics, d => d.IsError && d.Message.Contains("no-such-body"));
        Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));

        // Fixing b alone brings a's change too.
        Edit(b, t => Regex.Replace(t, @"^body: no-such-body$", "body: " + Regex.Match(File.ReadAllText(a), @"^body: (.*)$", RegexOptions.Multiline).Groups[1].Value,
            RegexOptions.Multiline));
        var fixedReport = Rebuild(b);
        Assert.Contains(fixedReport.ChangedFiles, f => a.Replace('\\', '/').EndsWith(f, StringComparison.Ordinal));
        AssertSameAsFullBuild();
    }

    /// <summary>What a full check of the current input reports (the incremental resolve and check must report the same).</summary>
    List<string> FullCheck() =>
        BuildPipeline.Prepare(_input, SiteBuilder.DefaultDate, new PhaseTimings()).Diagnostics.Sorted().Select(d => d.ToString()).ToList();

    [Fact]
    public void Diagnostics_after_each_save_are_those_of_a_full_check_including_cross_meeting_ones()
    {
        Assert.Equal(RebuildOutcome.Built, _builder.Rebuild().Outcome);
        var files = MeetingFiles;

        // A text-only save: the same warnings as a full check.
        Edit(files[5], t => t + "\nThe clerk added a sentence.\n");
        Assert.Equal(FullCheck(), Rebuild(files[5]).Diagnostics.Select(d => d.ToString()).ToList());

        // A later meeting raises an action id an earlier one already raised: an error about the two meetings.
        var idLine = new Regex(@"^  - id: ""?([^""\n]+)""?$", RegexOptions.Multiline);
        var earlierId = idLine.Match(File.ReadAllText(files[1])).Groups[1].Value;
        Edit(files[6], t => idLine.Replace(t, $"  - id: \"{earlierId}\"", 1));
        var failed = _builder.Rebuild([files[6]]);
        Assert.Equal(RebuildOutcome.Failed, failed.Outcome);
        Assert.Contains(failed.Diagnostics, d => d.IsError && d.Message.Contains($"action id '{earlierId}' is already used"));
        Assert.Equal(FullCheck(), failed.Diagnostics.Select(d => d.ToString()).ToList());

        // The earlier meeting renames that action: the later one's is now the one and only, and updates follow it.
        Edit(files[1], t => idLine.Replace(t, $"  - id: \"{earlierId}-renamed\"", 1));
        var report = Rebuild(files[1]);
        Assert.Equal(FullCheck(), report.Diagnostics.Select(d => d.ToString()).ToList());
        AssertSameAsFullBuild();

        // A member's new alias changes every meeting's resolution context: still a full check's report and a full build's output.
        var member = Directory.GetFiles(Path.Combine(_input, "members"), "*.md").Order(StringComparer.Ordinal).First();
        Edit(member, t => t.Contains("\naliases: [", StringComparison.Ordinal)
            ? t.Replace("\naliases: [", "\naliases: [\"Councillor Quill\", ", StringComparison.Ordinal)
            : Regex.Replace(t, "^(name: .*)$", "$1\naliases: [\"Councillor Quill\"]", RegexOptions.Multiline));
        Assert.Equal(FullCheck(), Rebuild(member).Diagnostics.Select(d => d.ToString()).ToList());
        AssertSameAsFullBuild();
    }

    static readonly Regex ActionIdLine = new(@"^  - id: ""?([^""\n]+)""?$", RegexOptions.Multiline);
    static readonly Regex UpdateLine = new(@"^  - action: ""?([^""\n]+)""?$", RegexOptions.Multiline);

    /// <summary>An action raised in one meeting file and updated (with a note) in a later one.</summary>
    (string Raising, string Id, string Updating) ActionUpdatedLater()
    {
        var files = MeetingFiles;
        for (var j = files.Length - 1; j > 0; j--)
        {
            var updating = File.ReadAllText(files[j]);
            foreach (Match update in UpdateLine.Matches(updating))
            {
                var id = update.Groups[1].Value;
                var next = updating.IndexOf("\n  - ", update.Index + update.Length, StringComparison.Ordinal);
                var entry = updating[update.Index..(next < 0 ? updating.Length : next)];
                if (!entry.Contains("note:", StringComparison.Ordinal)) continue;
                for (var i = 0; i < j; i++)
                {
                    var raising = File.ReadAllText(files[i]);
                    var raised = ActionIdLine.Matches(raising).FirstOrDefault(m => m.Groups[1].Value == id);
                    // Not exempt already: the edits below make it so.
                    if (raised is not null && !raising[raised.Index..].Split("\n  - ", 2)[0].Contains("exempt", StringComparison.Ordinal))
                        return (files[i], id, files[j]);
                }
            }
        }
        throw new InvalidOperationException("the corpus has no action updated with a note in a later meeting");
    }

    /// <summary>Text inserted at the end of a meeting's first item (just before its second heading).</summary>
    static string InFirstItem(string text, string insert)
    {
        var body = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        var first = text.IndexOf("\n## ", body, StringComparison.Ordinal);
        var second = text.IndexOf("\n## ", first + 1, StringComparison.Ordinal);
        return text[..second] + "\n" + insert + "\n" + text[second..];
    }

    [Fact]
    public void Unchanged_meetings_keep_their_public_objects_and_every_cross_meeting_effect_equals_a_full_build()
    {
        var first = _builder.Rebuild();
        Assert.Equal(RebuildOutcome.Built, first.Outcome);
        var published = first.MeetingsRedacted;
        Assert.True(published >= 6, $"{published} meetings published");
        var files = MeetingFiles;
        var memberFiles = Directory.GetFiles(Path.Combine(_input, "members"), "*.md").Order(StringComparer.Ordinal).ToArray();
        string NameOf(string memberFile) => Regex.Match(File.ReadAllText(memberFile), "^name: \"?([^\"\n]+)\"?$", RegexOptions.Multiline).Groups[1].Value;

        // A sentence: one meeting is redacted again, the others are kept; one piece of Markdown is parsed.
        Edit(files[5], t => t + "\nThe clerk added a sentence.\n");
        var report = Rebuild(files[5]);
        Assert.Equal((published - 1, 1), (report.MeetingsKept, report.MeetingsRedacted));
        Assert.Equal(1, report.MarkdownParsed);
        AssertSameAsFullBuild();

        // A decision added, with a mention of a member (the decisions register, the member's page).
        Edit(files[2], t => InFirstItem(t, $":::decision\nThe committee thanked {NameOf(memberFiles[1])} and resolved to plant an oak.\n:::\n"));
        report = Rebuild(files[2]);
        Assert.Equal((published - 1, 1), (report.MeetingsKept, report.MeetingsRedacted));
        Assert.Contains("resolved to plant an oak", File.ReadAllText(_temp[$"site/meetings/{Path.GetFileNameWithoutExtension(files[2])}/index.html"]));
        AssertSameAsFullBuild();

        // A decision removed; a mention removed (every mention of a member in one meeting becomes plain words).
        Edit(files[3], t =>
        {
            var at = t.IndexOf("\n:::decision\n", StringComparison.Ordinal);
            var end = t.IndexOf("\n:::\n", at + 1, StringComparison.Ordinal);
            return t[..at] + t[(end + 4)..];
        });
        var mentioned = memberFiles.Select(NameOf).First(n => File.ReadAllText(files[4]).Contains(n, StringComparison.Ordinal));
        Edit(files[4], t => t.Replace(mentioned, "the councillor", StringComparison.Ordinal));
        report = Rebuild(files[3], files[4]);
        Assert.Equal((published - 2, 2), (report.MeetingsKept, report.MeetingsRedacted));
        AssertSameAsFullBuild();

        // An action's timeline through a later meeting: a new update with a note, then its status and its removal.
        var (raising, id, updating) = ActionUpdatedLater();
        var later = files.Last();
        if (later == updating) later = files[^2];
        Edit(later, t => t.Replace("\nupdates:\n", $"\nupdates:\n  - action: \"{id}\"\n    status: closed\n    note: \"Done, said {NameOf(memberFiles[2])}.\"\n",
            StringComparison.Ordinal));
        report = Rebuild(later);
        Assert.False(report.Full);
        Assert.Equal((published - 1, 1), (report.MeetingsKept, report.MeetingsRedacted));
        Assert.Contains("Done, said", File.ReadAllText(_temp[$"site/actions/{Quorum.Load.Ids.ActionSlug(id)}/index.html"]));
        AssertSameAsFullBuild();
        Edit(later, t => t.Replace($"  - action: \"{id}\"\n    status: closed\n    note: \"Done, said {NameOf(memberFiles[2])}.\"\n", "",
            StringComparison.Ordinal));
        Rebuild(later);
        AssertSameAsFullBuild();

        // The raising meeting makes that action exempt: the later meeting's note on it is withheld (its updates are
        // made again, though its file did not change), and back.
        Edit(raising, t =>
        {
            var at = ActionIdLine.Matches(t).First(m => m.Groups[1].Value == id);
            return t[..(at.Index + at.Length)] + "\n    exempt: \"FOIA s.43 — commercial interests\"" + t[(at.Index + at.Length)..];
        });
        report = Rebuild(raising);
        Assert.Equal((published - 1, 1), (report.MeetingsKept, report.MeetingsRedacted));
        AssertSameAsFullBuild();
        Edit(raising, t => t.Replace("\n    exempt: \"FOIA s.43 — commercial interests\"", "", StringComparison.Ordinal));
        Rebuild(raising);
        AssertSameAsFullBuild();

        // An exempt item (its actions become exempt, and updates' notes on them withheld), an exempt block, and back.
        var original = File.ReadAllText(raising);
        Edit(raising, t => Regex.Replace(t, @"^(## [^\n{]+)$", "$1 {exempt=\"FOIA s.43\"}", RegexOptions.Multiline));
        Rebuild(raising);
        AssertSameAsFullBuild();
        Edit(raising, _ => InFirstItem(original, ":::exempt FOIA s.40 — personal information\nThe name of the complainant.\n:::\n"));
        Rebuild(raising);
        Assert.DoesNotContain("The name of the complainant", File.ReadAllText(_temp[$"site/meetings/{Path.GetFileNameWithoutExtension(raising)}/index.html"]));
        AssertSameAsFullBuild();
        Edit(raising, _ => original);
        Rebuild(raising);
        AssertSameAsFullBuild();

        // Not published, then published again: its actions, attendance and mentions go and come back.
        Edit(raising, t => t.Insert(4, "publish: false\n"));
        report = Rebuild(raising);
        Assert.Equal((published - 1, 0), (report.MeetingsKept, report.MeetingsRedacted));
        Assert.False(Directory.Exists(_temp[$"site/meetings/{Path.GetFileNameWithoutExtension(raising)}"]));
        AssertSameAsFullBuild();
        Edit(raising, _ => original);
        report = Rebuild(raising);
        Assert.Equal((published - 1, 1), (report.MeetingsKept, report.MeetingsRedacted));
        AssertSameAsFullBuild();

        // A save that breaks check (an unknown attendee) runs redact over the broken input; the fix is still exact.
        Edit(files[1], t => t.Replace("  present:\n", "  present:\n    - no-such-member\n", StringComparison.Ordinal));
        Assert.Equal(RebuildOutcome.Failed, _builder.Rebuild([files[1]]).Outcome);
        Edit(files[1], t => t.Replace("  present:\n    - no-such-member\n", "  present:\n", StringComparison.Ordinal));
        Rebuild(files[1]);
        AssertSameAsFullBuild();

        // A new meeting, between two others of its body, naming members and an earlier action.
        var template = File.ReadAllText(files[3]);
        var body = Regex.Match(template, @"^body: (\S+)$", RegexOptions.Multiline).Groups[1].Value;
        var date = DateOnly.Parse(Regex.Match(template, @"^date: (\S+)$", RegexOptions.Multiline).Groups[1].Value).AddDays(1);
        var memberId = Path.GetFileNameWithoutExtension(memberFiles[3]);
        var added = Path.Combine(Path.GetDirectoryName(files[3])!, $"{date:yyyy-MM-dd}-{body}.md");
        File.WriteAllText(added, $"---\nbody: {body}\ndate: {date:yyyy-MM-dd}\nattendance:\n  present:\n    - {memberId}\n" +
                                 $"updates:\n  - action: \"{id}\"\n    status: open\n    note: \"Still waiting.\"\n---\n\n" +
                                 $"## 1. Welcome\n\n{NameOf(memberFiles[3])} welcomed everyone and asked about {id}.\n\n" +
                                 ":::decision\nThe committee agreed to meet again.\n:::\n");
        report = Rebuild(added);
        Assert.Equal((published, 1), (report.MeetingsKept, report.MeetingsRedacted));
        AssertSameAsFullBuild();

        // Renamed (its slug and URL change), then deleted.
        var renamed = Path.Combine(Path.GetDirectoryName(added)!, $"{date:yyyy-MM-dd}-{body}-extra.md");
        File.Move(added, renamed);
        report = Rebuild(added, renamed);
        Assert.Equal((published, 1), (report.MeetingsKept, report.MeetingsRedacted));
        Assert.Equal(0, report.MarkdownParsed); // its pieces take the renderings of the same text under the old name
        AssertSameAsFullBuild();
        File.Delete(renamed);
        report = Rebuild(renamed);
        Assert.Equal((published, 0), (report.MeetingsKept, report.MeetingsRedacted));
        AssertSameAsFullBuild();

        // A body's new name: every public object is made again (meetings show their body's name).
        var bodyFile = Path.Combine(_input, "bodies", body + ".yml");
        Edit(bodyFile, t => Regex.Replace(t, "^name: .*$", "name: \"The Renamed Committee\"", RegexOptions.Multiline));
        report = Rebuild(bodyFile);
        Assert.Equal((0, published), (report.MeetingsKept, report.MeetingsRedacted));
        AssertSameAsFullBuild();

        // A member's biography: the same, and the next save keeps all but one again.
        Edit(memberFiles[0], t => t + "\nA new line of biography.\n");
        report = Rebuild(memberFiles[0]);
        Assert.Equal((0, published), (report.MeetingsKept, report.MeetingsRedacted));
        AssertSameAsFullBuild();
        Edit(files[5], t => t + "\nAnd another sentence.\n");
        report = Rebuild(files[5]);
        Assert.Equal((published - 1, 1), (report.MeetingsKept, report.MeetingsRedacted));
        AssertSameAsFullBuild();
    }

    [Fact]
    public void A_theme_change_re_renders_everything()
    {
        var theme = _theme;
        using var builder = new IncrementalBuilder(_input, _temp["site2"], theme, () => SiteBuilder.DefaultDate);
        Assert.Equal(RebuildOutcome.Built, builder.Rebuild().Outcome);
        var css = Path.Combine(theme, "assets", "css", "quorum.css");
        File.AppendAllText(css, "\n/* changed */\n");
        var report = builder.Rebuild([css]);
        Assert.Equal(RebuildOutcome.Built, report.Outcome);
        Assert.True(report.Full);
        Assert.Equal(["assets/css/quorum.css"], report.FilesChanged);
        Assert.EndsWith("/* changed */\n", File.ReadAllText(_temp["site2/assets/css/quorum.css"]));
    }
}
