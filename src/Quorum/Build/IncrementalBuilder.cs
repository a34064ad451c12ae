using System.Diagnostics;
using Quorum.Check;
using Quorum.Diagnostics;
using Quorum.Load;
using Quorum.Public;
using Quorum.Redact;
using Quorum.Render;
using Quorum.Resolve;
using Quorum.Write;

namespace Quorum.Build;

public enum RebuildOutcome
{
    /// <summary>The output folder holds the site of the current input.</summary>
    Built,
    /// <summary>The input has errors (or the theme is broken): nothing was written; the last good site is still there.</summary>
    Failed,
    /// <summary>No input or theme file changed since the last build.</summary>
    Unchanged,
    /// <summary>A newer change arrived part-way: the pages not yet re-rendered are left to the next rebuild.</summary>
    Interrupted,
}

/// <summary>What one (re)build did, for the dev server's one-line report and for tests.</summary>
public sealed record RebuildReport(
    RebuildOutcome Outcome,
    IReadOnlyList<Diagnostic> Diagnostics,
    /// <summary>Input files (relative to the input folder) and theme files (relative to the theme folder, prefixed with <c>theme:</c>) that changed.</summary>
    IReadOnlyList<string> ChangedFiles,
    bool Full,
    int PagesRendered,
    int PagesTotal,
    /// <summary>Output files (relative paths) whose bytes changed, were added or were deleted.</summary>
    IReadOnlyList<string> FilesChanged,
    int FilesTotal,
    PhaseTimings Timings,
    TimeSpan Elapsed,
    /// <summary>When the changed meetings' own pages were written (before the rest), from the start of the rebuild.</summary>
    TimeSpan? FirstPagesAt,
    string? Error = null)
{
    /// <summary>How many pieces of public Markdown this rebuild's redact parsed; the others were renderings kept from the last one.</summary>
    public int MarkdownParsed { get; init; }

    /// <summary>How many published meetings this rebuild's redact kept from the last one, and how many it made afresh.</summary>
    public int MeetingsKept { get; init; }

    public int MeetingsRedacted { get; init; }

    /// <summary>The times of work done side by side within a phase (check and redact, within "check+redact"): not part of <see cref="PhaseTimings.Total"/>.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Time)> SideTimings { get; init; } = [];

    public bool Succeeded => Outcome is RebuildOutcome.Built or RebuildOutcome.Interrupted or RebuildOutcome.Unchanged;
}

/// <summary>
/// Builds a site and then keeps it up to date as input files change, for <c>quorum serve</c>. The first build is the
/// normal full build (staging folder swapped into place). Each rebuild re-reads only the files that changed (a
/// <see cref="LoadCache"/>), and resolves, checks and redacts again only the meetings whose files changed, with what
/// crosses meetings worked out again over the whole archive (<see cref="IncrementalResolver"/>,
/// <see cref="IncrementalChecker"/> and the <see cref="RedactCache"/>: diagnostics, cross-links and redaction are
/// exactly a build's), and re-renders only the pages the change affects (<see cref="IncrementalPlan"/>),
/// writing only files whose bytes changed and deleting those no longer produced: the output folder is always what a
/// full build would write. A rebuild with errors writes nothing; the last good site stays.
/// </summary>
public sealed class IncrementalBuilder : IDisposable
{
    readonly string _input;
    readonly string _output;
    readonly string _temp;
    readonly Func<DateOnly> _today;
    readonly LoadCache _cache = new();
    readonly RedactCache _redactCache = new();
    readonly IncrementalResolver _resolver = new();
    readonly IncrementalChecker _checker = new();
    readonly OutputManifest _manifest = new();

    // The archive of the last good build, kept only while no rebuild is under way (a rebuild lets it go before its
    // redact, so one archive is in memory, not two); the snapshot is what the next plan needs of it.
    PublicArchive? _archive;
    PlanSnapshot? _snapshot;
    PublicSite? _site;
    Theme? _theme;
    DateOnly _date;
    HashSet<string> _assets = new(StringComparer.Ordinal);
    IReadOnlyList<Diagnostic> _warnings = [];

    // Changes not yet reflected in the output: they accumulate over failed rebuilds and are cleared by a good one.
    readonly SortedSet<string> _changedSinceGood = new(StringComparer.Ordinal);
    bool _themeChanged;
    // Work an interrupted rebuild left for the next one.
    readonly HashSet<string> _pendingUrls = new(StringComparer.Ordinal);
    bool _pendingAll;
    bool _pendingSiteFiles;
    int _markdownParsed; // by the rebuild under way
    (int Kept, int Redacted) _meetingsRedacted; // by the rebuild under way
    List<(string Phase, TimeSpan Time)> _sideTimings = []; // of the rebuild under way

    public IncrementalBuilder(string inputDirectory, string outputDirectory, string? themeDirectory = null, Func<DateOnly>? today = null)
    {
        _input = Path.GetFullPath(inputDirectory);
        _output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        _today = today ?? (() => BuildOptions.Today);
        ThemeDirectory = Theme.Locate(themeDirectory, inputDirectory);
        var parent = Path.GetDirectoryName(_output) ?? throw new BuildException("the output folder cannot be a file system root");
        _temp = Path.Combine(parent, $".{Path.GetFileName(_output)}.serve-{Environment.ProcessId}-{Guid.NewGuid():N}");
        GuardOutput();
    }

    public string InputDirectory => _input;
    public string OutputDirectory => _output;
    public string ThemeDirectory { get; }

    /// <summary>The base path of the last good build ("/" or "/minutes/"), or of site.yml's base_url before one.</summary>
    public string BasePath => _site?.BasePath ?? "/";

    /// <summary>Whether the output folder holds a build of this session.</summary>
    public bool HasGoodBuild => _site is not null;

    /// <summary>The warnings of the last good build.</summary>
    public IReadOnlyList<Diagnostic> Warnings => _warnings;

    /// <summary>
    /// Brings the output up to date with the input. <paramref name="changedPaths"/> are the paths a file watcher
    /// reported (used to notice theme changes and as a hint; input changes are found from time stamps and sizes).
    /// <paramref name="firstPagesWritten"/> is called as soon as the changed meetings' own pages are written, with the
    /// output paths that changed, before the rest of the affected pages, feeds and search index; cancelling
    /// <paramref name="cancellation"/> after that point leaves the rest to the next rebuild.
    /// </summary>
    public RebuildReport Rebuild(IReadOnlyCollection<string>? changedPaths = null, Action<IReadOnlyList<string>>? firstPagesWritten = null,
        CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var timings = new PhaseTimings();
        _markdownParsed = 0;
        _meetingsRedacted = (0, 0);
        _sideTimings = [];
        var themeRoot = ThemeDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var path in changedPaths ?? [])
        {
            var full = Path.GetFullPath(path);
            if (full.StartsWith(themeRoot, StringComparison.Ordinal))
            {
                _themeChanged = true;
                _changedSinceGood.Add("theme:" + Path.GetRelativePath(ThemeDirectory, full).Replace('\\', '/'));
            }
            else _cache.Forget(full);
        }

        var diagnostics = new DiagnosticBag();
        var raw = timings.Time("load", () => InputLoader.Load(_input, diagnostics, _cache));
        foreach (var path in _cache.LastRead.Concat(_cache.LastRemoved))
            _changedSinceGood.Add(Path.GetRelativePath(_input, path).Replace('\\', '/'));
        var changed = _changedSinceGood.ToList();
        var date = _today();

        if (HasGoodBuild && changed.Count == 0 && date == _date && !_pendingAll && !_pendingSiteFiles && _pendingUrls.Count == 0)
            return Report(RebuildOutcome.Unchanged, [], changed, false, 0, 0, [], timings, clock, null);

        PublicArchive? archive;
        if (_archive is not null && changed.Count == 0 && date == _date)
            archive = _archive; // only work left over from an interrupted rebuild
        else
        {
            _archive = null; // the snapshot has what the plan needs; the garbage collector can have the rest
            if (raw is null) return Failed(diagnostics, changed, timings, clock);
            var resolved = timings.Time("resolve", () => _resolver.Resolve(raw));
            archive = timings.Time("check+redact", () => CheckAndRedact(resolved, diagnostics, date, timings));
            if (archive is null) return Failed(diagnostics, changed, timings, clock);
            _markdownParsed = _redactCache.LastParsed;
            _meetingsRedacted = (_redactCache.LastMeetingsReused, archive.Meetings.Count - _redactCache.LastMeetingsReused);
        }

        Theme theme;
        try
        {
            theme = _theme is not null && !_themeChanged && _site == archive.Site
                ? _theme
                : timings.Time("theme", () => new Theme(ThemeDirectory, new SiteUrls(archive.Site.BasePath), archive.Site));
        }
        catch (Exception e) when (e is ThemeException or IOException)
        {
            return Failed(diagnostics, changed, timings, clock, e.Message);
        }
        var renderer = new SiteRenderer(archive, theme);
        try
        {
            return !HasGoodBuild
                ? FirstBuild(archive, theme, renderer, diagnostics, changed, date, timings, clock)
                : Update(archive, theme, renderer, diagnostics, changed, date, timings, clock, firstPagesWritten, cancellation);
        }
        catch (ThemeException e)
        {
            return Failed(diagnostics, changed, timings, clock, e.Message);
        }
    }

    /// <summary>
    /// Checks and redacts side by side (neither reads what the other makes; the resolver is forgiving, so redact can
    /// run over input that check rejects); null when check finds errors, and then the public archive is never used.
    /// </summary>
    PublicArchive? CheckAndRedact(Resolve.Archive resolved, DiagnosticBag diagnostics, DateOnly date, PhaseTimings timings)
    {
        // Each side's own time is reported too, apart from the phases (they overlap).
        var checkTime = TimeSpan.Zero;
        var check = Task.Run(() =>
        {
            var started = Stopwatch.GetTimestamp();
            _checker.Check(resolved, diagnostics);
            checkTime = Stopwatch.GetElapsedTime(started);
        });
        PublicArchive? archive = null;
        var redactStarted = Stopwatch.GetTimestamp();
        try
        {
            archive = Redactor.Redact(resolved, date, _redactCache);
            _sideTimings.Add(("redact", Stopwatch.GetElapsedTime(redactStarted)));
        }
        catch (Exception) when (WaitForErrors(check, diagnostics))
        {
            // Input with errors that the redactor tripped on: the errors are the report.
        }
        check.GetAwaiter().GetResult();
        _sideTimings.Add(("check", checkTime));
        return diagnostics.HasErrors ? null : archive;
    }

    static bool WaitForErrors(Task check, DiagnosticBag diagnostics)
    {
        check.Wait();
        return diagnostics.HasErrors;
    }

    /// <summary>The first good build of the session: a normal full build into a staging folder swapped into place.</summary>
    RebuildReport FirstBuild(PublicArchive archive, Theme theme, SiteRenderer renderer,
        DiagnosticBag diagnostics, List<string> changed, DateOnly date, PhaseTimings timings, Stopwatch clock)
    {
        var pages = timings.Time("pages", renderer.Pages);
        _manifest.Files.Clear();
        using (var staging = new StagingOutput(_output))
        {
            var output = new HashingOutput(staging, _manifest);
            timings.Time("render", () => renderer.Render(output));
            timings.Time("write", staging.Commit);
        }
        Commit(archive, theme, diagnostics, date);
        _assets = AssetPaths(theme);
        _snapshot = timings.Time("snapshot", () => PlanSnapshot.Of(archive));
        return Report(RebuildOutcome.Built, diagnostics.Sorted(), changed, true, pages.Count, pages.Count,
            _manifest.Files.Keys.Order(StringComparer.Ordinal).ToList(), timings, clock, null);
    }

    RebuildReport Update(PublicArchive archive, Theme theme, SiteRenderer renderer,
        DiagnosticBag diagnostics, List<string> changed, DateOnly date, PhaseTimings timings, Stopwatch clock,
        Action<IReadOnlyList<string>>? firstPagesWritten, CancellationToken cancellation)
    {
        var before = _snapshot;
        var meetingSlugs = changed.Where(p => p.StartsWith("meetings/", StringComparison.Ordinal) && p.EndsWith(".md", StringComparison.Ordinal))
            .Select(p => Path.GetFileNameWithoutExtension(p)).ToHashSet(StringComparer.Ordinal);
        var onlyMeetings = changed.All(p => p.StartsWith("meetings/", StringComparison.Ordinal));
        var themeChanged = _themeChanged;
        var canPlan = before is not null && !_pendingAll && !themeChanged && onlyMeetings && date == _date && ReferenceEquals(theme, _theme);
        var pendingUrls = _pendingUrls.ToList();

        // From here the new archive is the good one: a failure below is a bug or a disk problem, not the input's.
        // Until the plan is known, assume everything is still to do.
        Commit(archive, theme, diagnostics, date);
        _pendingAll = true;
        _pendingSiteFiles = true;

        // The changed meetings' own pages first, whatever else the change affects: the page being edited reloads
        // without waiting for the registers, feeds and search index, or even for the list of every other page.
        var first = archive.Meetings.Where(m => meetingSlugs.Contains(m.Slug)).Select(renderer.MeetingPage).ToList();
        var firstUrls = first.Select(p => p.Url).ToHashSet(StringComparer.Ordinal);
        var output = new IncrementalOutput(_output, _temp, _manifest);
        TimeSpan? firstAt = null;
        if (first.Count > 0)
        {
            timings.Time("render first", () => renderer.RenderPages(first, output));
            firstAt = clock.Elapsed;
            firstPagesWritten?.Invoke(output.Changed.ToList());
        }

        var pages = timings.Time("pages", renderer.Pages);
        var affected = canPlan ? timings.Time("plan", () => IncrementalPlan.AffectedUrls(before!, archive, meetingSlugs)) : null;
        _snapshot = timings.Time("snapshot", () => PlanSnapshot.Of(archive));
        var full = affected is null;
        affected?.UnionWith(pendingUrls);
        var toRender = full ? pages.ToList()
            : pages.Where(p => !IncrementalPlan.EntityTemplates.Contains(p.Template) || affected!.Contains(p.Url)).ToList();
        var rest = toRender.Where(p => !(p.Template == "meeting" && firstUrls.Contains(p.Url))).ToList();
        _pendingAll = full;
        _pendingUrls.Clear();
        _pendingUrls.UnionWith(rest.Where(p => IncrementalPlan.EntityTemplates.Contains(p.Template)).Select(p => p.Url));

        var rendered = first.Count;
        try
        {
            timings.Time("render", () => renderer.RenderPages(rest, output, cancellation));
            cancellation.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException)
        {
            // Pages that were started may not have been written: only drop those the output has seen.
            var written = output.Produced.Keys.ToHashSet(StringComparer.Ordinal);
            foreach (var p in rest.Where(p => written.Contains(renderer.FileFor(p)))) _pendingUrls.Remove(p.Url);
            RemoveTemp();
            return Report(RebuildOutcome.Interrupted, diagnostics.Sorted(), changed, full, written.Count, pages.Count,
                output.Changed.ToList(), timings, clock, firstAt);
        }
        rendered += rest.Count;
        _pendingUrls.Clear();

        timings.Time("site files", () => renderer.RenderSiteFiles(pages, output));
        if (full || themeChanged)
        {
            renderer.CopyAssets(output);
            _assets = AssetPaths(theme);
        }
        _pendingSiteFiles = false;
        _pendingAll = false;

        // Pages not re-rendered are still produced (unchanged); whatever else the output held is gone.
        var renderedSet = toRender.ToHashSet(ReferenceEqualityComparer.Instance);
        var kept = full ? [] : pages.Where(p => !renderedSet.Contains(p)).Select(renderer.FileFor).Concat(_assets);
        var deleted = timings.Time("delete", () => output.DeleteOthers(kept));
        RemoveTemp();
        var changedFiles = output.Changed.Concat(deleted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return Report(RebuildOutcome.Built, diagnostics.Sorted(), changed, full, rendered, pages.Count, changedFiles, timings, clock, firstAt);
    }

    void Commit(PublicArchive archive, Theme theme, DiagnosticBag diagnostics, DateOnly date)
    {
        _archive = archive;
        _site = archive.Site;
        _snapshot = null; // until the new one is made
        _theme = theme;
        _date = date;
        _warnings = diagnostics.Sorted();
        _changedSinceGood.Clear();
        _themeChanged = false;
    }

    RebuildReport Failed(DiagnosticBag diagnostics, List<string> changed, PhaseTimings timings, Stopwatch clock, string? error = null)
    {
        return Report(RebuildOutcome.Failed, diagnostics.Sorted(), changed, false, 0, 0, [], timings, clock, null, error);
    }

    RebuildReport Report(RebuildOutcome outcome, IReadOnlyList<Diagnostic> diagnostics, List<string> changed, bool full, int rendered, int total,
        IReadOnlyList<string> files, PhaseTimings timings, Stopwatch clock, TimeSpan? firstAt, string? error = null) =>
        new(outcome, diagnostics, changed, full, rendered, total, files, _manifest.Files.Count, timings, clock.Elapsed, firstAt, error)
        {
            MarkdownParsed = _markdownParsed,
            MeetingsKept = _meetingsRedacted.Kept,
            MeetingsRedacted = _meetingsRedacted.Redacted,
            SideTimings = _sideTimings,
        };

    HashSet<string> AssetPaths(Theme theme) =>
        Directory.Exists(theme.AssetsDirectory)
            ? Directory.GetFiles(theme.AssetsDirectory, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Select(f => "assets/" + Path.GetRelativePath(theme.AssetsDirectory, f).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>As <c>quorum build</c>: the output folder is replaced whole, so it must not be (or contain) the input or the working directory.</summary>
    void GuardOutput()
    {
        var output = _output + Path.DirectorySeparatorChar;
        var input = _input.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var cwd = Path.GetFullPath(Environment.CurrentDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (input.StartsWith(output, StringComparison.Ordinal) || cwd.StartsWith(output, StringComparison.Ordinal))
            throw new BuildException($"the output folder '{_output}' contains the input or the working directory; it would be replaced whole. Choose another --output");
    }

    /// <summary>The folder of temporary files beside the output (empty once each file is renamed into place).</summary>
    void RemoveTemp()
    {
        try
        {
            if (Directory.Exists(_temp)) Directory.Delete(_temp, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public void Dispose() => RemoveTemp();
}
