using Quorum.Tests.Support;

namespace Quorum.Tests.Build;

public class BuildOutputTests
{
    [Fact]
    public void The_same_input_builds_byte_identical_files()
    {
        using var tmp = new TempDir();
        Assert.True(SiteBuilder.ToFolder(Repo.Input, tmp["a"]).Succeeded);
        Assert.True(SiteBuilder.ToFolder(Repo.Input, tmp["b"]).Succeeded);
        var a = Directory.GetFiles(tmp["a"], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(tmp["a"], f)).Order(StringComparer.Ordinal).ToList();
        var b = Directory.GetFiles(tmp["b"], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(tmp["b"], f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(a, b);
        Assert.True(a.Count > 100);
        foreach (var file in a)
            Assert.True(File.ReadAllBytes(Path.Combine(tmp["a"], file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(tmp["b"], file))), file);
    }

    [Fact]
    public void A_folder_build_writes_the_same_bytes_as_a_build_into_memory()
    {
        // On disk the big files (the open data) are streamed into the file; in memory they arrive whole.
        using var tmp = new TempDir();
        var folder = SiteBuilder.ToFolder(Repo.Input, tmp["site"]);
        var (memory, output) = SiteBuilder.InMemory(Repo.Input);
        Assert.True(folder.Succeeded && memory.Succeeded);
        var files = Directory.GetFiles(tmp["site"], "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(tmp["site"], f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(output.Files.Keys.Order(StringComparer.Ordinal), files);
        Assert.Contains("data/actions.json", files);
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(tmp["site"], file)).AsSpan().SequenceEqual(output.Files[file]), file);
        Assert.Equal(files.Count, folder.Files);
        Assert.Equal(output.Files.Values.Sum(b => (long)b.Length), folder.Bytes);
    }

    [Fact]
    public void A_build_lets_go_of_each_meetings_lines_once_it_is_redacted()
    {
        var diagnostics = new Quorum.Diagnostics.DiagnosticBag();
        var archive = Quorum.Resolve.Resolver.Resolve(Quorum.Load.InputLoader.Load(Repo.Input, diagnostics)!);
        var meeting = archive.Meetings.First(m => m.Raw.Markdown.Lines.Count > 0);
        Quorum.Redact.Redactor.Redact(archive, SiteBuilder.DefaultDate, releaseSource: true);
        Assert.Throws<InvalidOperationException>(() => meeting.Raw.Markdown.Lines);
        // The built site is the same as ever: the build test above and every other site test build this way.
    }

    [Fact]
    public void Redacting_the_meetings_in_parts_publishes_the_same_site()
    {
        // A large archive is redacted in two halves with a collection between them (LargeHeap): the parts must not
        // change a byte, however the meetings fall between them (a generated archive of a dozen meetings, whose
        // actions are raised at one meeting and updated at later ones, across the parts).
        using var tmp = new TempDir();
        Quorum.Benchmarks.CorpusGenerator.Generate(tmp["input"], 12, seed: 3);
        var whole = RenderedAfterRedactIn(tmp["input"], parts: 1);
        Assert.True(whole.Count > 100, $"{whole.Count} files");
        foreach (var parts in new[] { 2, 5 })
        {
            var split = RenderedAfterRedactIn(tmp["input"], parts);
            Assert.Equal(whole.Keys.Order(StringComparer.Ordinal), split.Keys.Order(StringComparer.Ordinal));
            foreach (var (file, bytes) in whole)
                Assert.True(bytes.AsSpan().SequenceEqual(split[file]), $"{file} ({parts} parts)");
        }
    }

    static IReadOnlyDictionary<string, byte[]> RenderedAfterRedactIn(string input, int parts)
    {
        var archive = Quorum.Resolve.Resolver.Resolve(Quorum.Load.InputLoader.Load(input, new Quorum.Diagnostics.DiagnosticBag())!);
        var published = Quorum.Redact.Redactor.Redact(archive, SiteBuilder.DefaultDate, releaseSource: true, parts);
        var output = new Quorum.Render.MemoryOutput();
        var theme = new Quorum.Render.Theme(Repo.Theme, new Quorum.Public.SiteUrls(published.Site.BasePath), published.Site);
        new Quorum.Render.SiteRenderer(published, theme).Render(output);
        return output.Files;
    }

    [Fact]
    public void Timings_give_each_phase_its_time_cpu_gc_pauses_and_the_peak_memory_so_far()
    {
        using var tmp = new TempDir();
        tmp.CopyFrom(Repo.Fixture("minimal"));
        var outcome = CliRunner.Run(tmp.Path, "build", "--input", "input", "--output", "site", "--theme", Repo.Theme, "--timings");
        Assert.Equal(0, outcome.ExitCode);
        var phases = outcome.Stdout.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("    ", StringComparison.Ordinal))
            .Where(l => !l.StartsWith("  garbage collections:", StringComparison.Ordinal) && !l.StartsWith("  JIT:", StringComparison.Ordinal))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^  (\w+) +[\d.]+ ms  \(CPU +\d+ ms, GC +\d+ ms, +([\d,]+) MB allocated\)  peak ([\d,]+) MB$")).ToList();
        Assert.All(phases, m => Assert.True(m.Success, m.Value));
        Assert.Equal(["load", "resolve", "check", "redact", "render", "write"], phases.Select(m => m.Groups[1].Value));
        // The peak so far never falls, and a process that has built a site has used some memory.
        var peaks = phases.Select(m => long.Parse(m.Groups[3].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(peaks[0] > 0);
        Assert.Equal(peaks.Order(), peaks);
        Assert.Matches(@"\n    pages +[\d.]+ ms  \(CPU +\d+ ms, GC +\d+ ms, +[\d,]+ MB allocated\)  peak [\d,]+ MB\n", outcome.Stdout);
        // The collections so far: every collection of an older generation is also counted as a younger one.
        var gc = System.Text.RegularExpressions.Regex.Match(outcome.Stdout,
            @"\n  garbage collections: (\d+) \(generation 1: (\d+), 2: (\d+)\), \d+ ms paused, ([\d,]+) MB allocated\n");
        Assert.True(gc.Success, outcome.Stdout);
        var counts = Enumerable.Range(1, 3).Select(i => int.Parse(gc.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(counts[0] >= counts[1] && counts[1] >= counts[2], gc.Value);
        // What the JIT compiled as the build ran (this test's Quorum has no ahead-of-time image: everything it ran).
        var jit = System.Text.RegularExpressions.Regex.Match(outcome.Stdout, @"\n  JIT: ([\d,]+) methods, \d+ ms\n");
        Assert.True(jit.Success, outcome.Stdout);
        Assert.True(int.Parse(jit.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) > 0);
        // What each phase allocated: rendering allocates (megabytes even for this site), and the phases, which do not
        // overlap, allocate no more in all than the process did (each figure rounded to a whole megabyte).
        var allocated = phases.Select(m => long.Parse(m.Groups[2].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(allocated[4] > 0, phases[4].Value);
        Assert.True(allocated.Sum() <= long.Parse(gc.Groups[4].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) + allocated.Count, outcome.Stdout);
    }

    [Fact]
    public void Releasing_the_html_keeps_the_plain_text_that_feeds_data_and_search_read()
    {
        // A one-off build lets go of the HTML once the pages are written; the command-line build test below shows
        // that nothing after the pages reads it.
        var (archive, _) = SiteBuilder.InMemory(Repo.Input);
        var item = archive.Archive!.Meetings.SelectMany(m => m.AllItems).First(i => !i.Content.IsEmpty);
        var plain = item.Content.Plain;
        Assert.Contains("<", item.Content.Html);
        archive.Archive.ReleaseHtml();
        Assert.Equal(plain, item.Content.Plain);
        Assert.Throws<InvalidOperationException>(() => item.Content.Html);
        Assert.Throws<InvalidOperationException>(() => archive.Archive.Members.First().Biography.InlineHtml);
    }

    [Fact]
    public void A_failing_build_leaves_the_previous_site_untouched()
    {
        using var tmp = new TempDir();
        var input = tmp.CopyFrom(Repo.Fixture("minimal"));
        var site = tmp["site"];
        Assert.True(SiteBuilder.ToFolder(input, site).Succeeded);
        var before = Snapshot(site);

        // Break the input: an unknown member.
        var meeting = Path.Combine(input, "meetings", "2024", "2024-03-05-parish-council.md");
        File.WriteAllText(meeting, File.ReadAllText(meeting).Replace("- bob-jones", "- bob-jnoes"));
        var outcome = CliRunner.Run(tmp.Path, "build", "--input", "input", "--output", "site", "--theme", Repo.Theme);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error Q010", outcome.Stderr);
        Assert.Contains("the previous contents of site/ are untouched", outcome.Stderr);
        Assert.Equal(before, Snapshot(site));
        Assert.Equal(["input", "site"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal)); // no staging folder left
    }

    [Fact]
    public void A_build_that_fails_while_rendering_leaves_the_previous_site_untouched()
    {
        using var tmp = new TempDir();
        var input = tmp.CopyFrom(Repo.Fixture("minimal"));
        var theme = tmp.CopyFrom(Repo.Theme, "theme");
        var site = tmp["site"];
        Assert.True(SiteBuilder.ToFolder(input, site).Succeeded);
        var before = Snapshot(site);

        File.WriteAllText(Path.Combine(theme, "templates", "member.hbs"), "{{#each Nothing}}{{/each}}{{Member.NoSuchProperty}}");
        var outcome = CliRunner.Run(tmp.Path, "build", "--input", "input", "--output", "site", "--theme", "theme");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("member.hbs", outcome.Stderr); // the template is named, not a stack trace
        Assert.DoesNotContain("   at ", outcome.Stderr);
        Assert.Equal(before, Snapshot(site));
        Assert.DoesNotContain(Directory.GetDirectories(tmp.Path), d => Path.GetFileName(d).Contains("staging", StringComparison.Ordinal));
    }

    [Fact]
    public void A_theme_that_does_not_compile_is_reported_and_the_previous_site_stays()
    {
        // The templates compile beside load, resolve, check and redact; a template error still reads as one.
        using var tmp = new TempDir();
        var input = tmp.CopyFrom(Repo.Fixture("minimal"));
        var theme = tmp.CopyFrom(Repo.Theme, "theme");
        var site = tmp["site"];
        Assert.True(SiteBuilder.ToFolder(input, site).Succeeded);
        var before = Snapshot(site);

        File.WriteAllText(Path.Combine(theme, "templates", "meeting.hbs"), "{{#each Items}}never closed");
        var outcome = CliRunner.Run(tmp.Path, "build", "--input", "input", "--output", "site", "--theme", "theme");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("meeting.hbs", outcome.Stderr);
        Assert.DoesNotContain("   at ", outcome.Stderr);
        Assert.Equal(before, Snapshot(site));

        // With errors in the input as well, the input's errors are the report (the theme is never asked for).
        var meeting = Path.Combine(input, "meetings", "2024", "2024-03-05-parish-council.md");
        File.WriteAllText(meeting, File.ReadAllText(meeting).Replace("- bob-jones", "- bob-jnoes"));
        outcome = CliRunner.Run(tmp.Path, "build", "--input", "input", "--output", "site", "--theme", "theme");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error Q010", outcome.Stderr);
        Assert.DoesNotContain("meeting.hbs", outcome.Stderr);
        Assert.Equal(before, Snapshot(site));
    }

    [Theory]
    [InlineData("data/actions.json")]            // written by the feeds, beside the search
    [InlineData("search/shards/manifest.json")]  // written by the search, beside the feeds
    public void A_write_failure_in_work_done_side_by_side_is_reported_as_itself(string path)
    {
        // A full disk must read as one line (the CLI reports an IOException's message), not as a parallel wrapper.
        var options = new Quorum.Build.BuildOptions(Repo.Fixture("minimal"), "", SiteBuilder.DefaultDate, Repo.Theme);
        var e = Assert.Throws<IOException>(() => Quorum.Build.BuildPipeline.BuildTo(options, new FailingOutput(path)));
        Assert.Contains(path, e.Message);
    }

    sealed class FailingOutput(string failing) : Quorum.Render.ISiteOutput
    {
        public void Write(string relativePath, ReadOnlySpan<byte> content)
        {
            if (relativePath == failing) throw new IOException($"no space left on device: {relativePath}");
        }

        public void Copy(string relativePath, string sourceFile) { }
    }

    [Fact]
    public void A_one_off_build_lets_go_of_the_archive_before_the_search_index_is_written()
    {
        // Held in a field, not a local: a debug build keeps a method's locals (and hidden temporaries) to its end.
        var prepared = Prepared.Of(Repo.Input);
        var output = new WatchingOutput(prepared.Alive);
        Quorum.Render.SiteRenderer.RenderReleasing(ref prepared.Archive, prepared.Theme, output, new Quorum.Build.PhaseTimings());
        Assert.Null(prepared.Archive);
        Assert.True(output.SearchIndexWritten);
        // Pages, feeds and data were written with the archive alive; by the first file of the index it was collectable.
        Assert.True(output.AliveAtFirstPage);
        Assert.False(output.AliveAtSearchIndex);
    }

    [Fact]
    public void A_command_line_build_writes_the_same_bytes_as_a_build_that_keeps_the_archive()
    {
        // The command line lets go of the archive before the search index; the library's builds keep it.
        using var tmp = new TempDir();
        var outcome = CliRunner.Run(Repo.Root, "build", "--input", Repo.Input, "--output", tmp["cli"], "--theme", Repo.Theme,
            "--date", SiteBuilder.DefaultDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, outcome.ExitCode);
        var (memory, output) = SiteBuilder.InMemory(Repo.Input);
        Assert.True(memory.Succeeded);
        var files = Directory.GetFiles(tmp["cli"], "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(tmp["cli"], f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(output.Files.Keys.Order(StringComparer.Ordinal), files);
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(tmp["cli"], file)).AsSpan().SequenceEqual(output.Files[file]), file);
    }

    [Fact]
    public void Forgetting_rendered_models_lets_the_last_model_a_template_bound_be_collected()
    {
        // Handlebars.Net pools its binding contexts, and a pooled context still holds what it last bound; as page
        // models link to each other, one kept model keeps the whole archive (README "Performance").
        var model = Rendered();
        Assert.True(Quorum.Render.Theme.ForgetRenderedModels()); // the pool is where this version of Handlebars.Net keeps it
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(model.IsAlive);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static WeakReference Rendered()
    {
        var template = HandlebarsDotNet.Handlebars.Create().Compile("{{#each Items as |item|}}{{item.Name}}{{@index}}{{/each}}{{@root.Title}}");
        var model = new { Title = "t", Items = new[] { new { Name = "a" }, new { Name = "b" } } };
        Assert.Equal("a0b1t", template(model));
        return new WeakReference(model);
    }

    sealed class Prepared
    {
        public Quorum.Public.PublicArchive? Archive;
        public required Quorum.Render.Theme Theme;
        public required WeakReference Alive;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        public static Prepared Of(string input)
        {
            var (archive, diagnostics) = Quorum.Build.BuildPipeline.Prepare(input, SiteBuilder.DefaultDate, new Quorum.Build.PhaseTimings());
            Assert.False(diagnostics.HasErrors);
            var theme = new Quorum.Render.Theme(Repo.Theme, new Quorum.Public.SiteUrls(archive!.Site.BasePath), archive.Site);
            return new Prepared { Archive = archive, Theme = theme, Alive = new WeakReference(archive) };
        }
    }

    /// <summary>Notes whether the archive could still be reached when the first page and the first search index file were written.</summary>
    sealed class WatchingOutput(WeakReference archive) : Quorum.Render.ISiteOutput
    {
        readonly Lock _gate = new();
        public bool AliveAtFirstPage, AliveAtSearchIndex, SearchIndexWritten;
        bool _page;

        public void Write(string relativePath, ReadOnlySpan<byte> content)
        {
            lock (_gate)
            {
                if (!_page && relativePath.EndsWith(".html", StringComparison.Ordinal))
                {
                    _page = true;
                    AliveAtFirstPage = AliveAfterCollection(archive);
                }
                else if (!SearchIndexWritten && relativePath.StartsWith("search/shards/", StringComparison.Ordinal))
                {
                    SearchIndexWritten = true;
                    AliveAtSearchIndex = AliveAfterCollection(archive);
                }
            }
        }

        public void Copy(string relativePath, string sourceFile) { }

        static bool AliveAfterCollection(WeakReference reference)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return reference.IsAlive;
        }
    }

    [Fact]
    public void The_output_folder_may_not_contain_the_input()
    {
        using var tmp = new TempDir();
        tmp.CopyFrom(Repo.Fixture("minimal"));
        var outcome = CliRunner.Run(tmp.Path, "build", "--input", "input", "--output", ".", "--theme", Repo.Theme);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("would be replaced whole", outcome.Stderr);
        Assert.True(Directory.Exists(tmp["input"]));
    }

    static Dictionary<string, string> Snapshot(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
