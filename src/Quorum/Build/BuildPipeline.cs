using Quorum.Check;
using Quorum.Diagnostics;
using Quorum.Load;
using Quorum.Public;
using Quorum.Redact;
using Quorum.Render;
using Quorum.Resolve;
using Quorum.Write;

namespace Quorum.Build;

/// <summary>
/// A build is six named phases that data flows through one way:
/// load (files → raw input) → resolve (→ archive) → check (→ diagnostics) → redact (→ public archive)
/// → render (→ pages, streamed) → write (staging folder swapped into place).
/// </summary>
public static class BuildPipeline
{
    /// <summary>What a build did. <see cref="Archive"/> is the public archive when the build kept it (see
    /// <see cref="Build"/>); <see cref="Counts"/>, what it published, whenever it got that far.</summary>
    public sealed record Result(IReadOnlyList<Diagnostic> Diagnostics, PublicArchive? Archive, int Files, long Bytes, ArchiveCounts? Counts = null)
    {
        public bool Succeeded => Counts is not null && !Diagnostics.Any(d => d.IsError);
    }

    /// <summary>How much a build published: for the command line's summary, without keeping the archive.</summary>
    public sealed record ArchiveCounts(int Meetings, int Members, int Actions)
    {
        public static ArchiveCounts Of(PublicArchive archive) => new(archive.Meetings.Count, archive.Members.Count, archive.Actions.Count);
    }

    /// <summary>Load, resolve, check and redact: everything before output. Null archive when there are errors.</summary>
    /// <param name="loaded">Called with the site's settings as soon as <c>site.yml</c> is read, while the rest of the input loads.</param>
    public static (PublicArchive? Archive, DiagnosticBag Diagnostics) Prepare(string inputDirectory, DateOnly buildDate, PhaseTimings timings,
        Action<PublicSite>? loaded = null)
    {
        var diagnostics = new DiagnosticBag();
        var raw = timings.Time("load", () => InputLoader.Load(inputDirectory, diagnostics, cache: null,
            siteLoaded: loaded is null ? null : site => loaded(Redactor.Site(site))));
        if (raw is null) return (null, diagnostics);
        var archive = timings.Time("resolve", () => Resolver.Resolve(raw));
        timings.Time("check", () => Checker.Check(archive, diagnostics));
        if (diagnostics.HasErrors) return (null, diagnostics);
        return (timings.Time("redact", () => Redactor.Redact(archive, buildDate, releaseSource: true)), diagnostics);
    }

    /// <summary><c>quorum build</c>: writes the site only when every phase succeeded.</summary>
    /// <param name="keepArchive">
    /// False for a one-off build (the command line): the archive is let go before the search index is built, the
    /// build's biggest moment (<see cref="SiteRenderer.RenderReleasing"/>), and the result holds only its counts.
    /// </param>
    public static Result Build(BuildOptions options, PhaseTimings? timings = null, bool keepArchive = true)
    {
        timings ??= new PhaseTimings();
        GuardOutput(options);
        var themeLoading = new ThemeLoading(options, timings);
        var (archive, diagnostics) = Prepare(options.InputDirectory, options.BuildDate, timings, themeLoading.Start);
        if (archive is null) return new Result(diagnostics.Sorted(), null, 0, 0);
        var counts = ArchiveCounts.Of(archive);
        var kept = keepArchive ? archive : null;
        using var staging = new StagingOutput(options.OutputDirectory);
        timings.Time("render", () =>
        {
            var theme = themeLoading.Finish(archive.Site);
            SiteRenderer.RenderReleasing(ref archive, theme, staging, timings);
        });
        timings.Time("write", staging.Commit);
        return new Result(diagnostics.Sorted(), kept, staging.Files, staging.Bytes, counts);
    }

    /// <summary>Renders into any output (memory, or nowhere for <c>quorum check</c>).</summary>
    public static Result BuildTo(BuildOptions options, ISiteOutput output, PhaseTimings? timings = null)
    {
        timings ??= new PhaseTimings();
        var theme = new ThemeLoading(options, timings);
        var (archive, diagnostics) = Prepare(options.InputDirectory, options.BuildDate, timings, theme.Start);
        if (archive is null) return new Result(diagnostics.Sorted(), null, 0, 0);
        timings.Time("render", () => new SiteRenderer(archive, theme.Finish(archive.Site)).Render(output, timings));
        return new Result(diagnostics.Sorted(), archive, 0, 0, ArchiveCounts.Of(archive));
    }

    /// <summary>
    /// Compiling the theme's templates takes a quarter of a second (a third of a small site's build) and needs only
    /// the site's settings, so it runs beside the rest of the load, resolve, check and redact, from the moment
    /// <c>site.yml</c> is read.
    /// </summary>
    sealed class ThemeLoading(BuildOptions options, PhaseTimings timings)
    {
        Task<Theme>? _compiling;
        PublicSite? _site;

        public void Start(PublicSite site)
        {
            _site = site;
            _compiling = Task.Run(() =>
            {
                Theme? theme = null;
                timings.TimePart("load", "theme", () => theme = Compile(site), beside: "load, resolve, check and redact");
                return theme!;
            });
            // A build that stops at errors never asks for the theme: its failure then is not news.
            _compiling.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }

        /// <summary>The compiled theme (its errors thrown as they are); compiled afresh if the site's settings changed meanwhile.</summary>
        public Theme Finish(PublicSite site) =>
            _compiling is not null && site == _site ? _compiling.GetAwaiter().GetResult() : Compile(site);

        Theme Compile(PublicSite site) =>
            new(Theme.Locate(options.ThemeDirectory, options.InputDirectory), new SiteUrls(site.BasePath), site);
    }

    /// <summary>The output folder is replaced whole, so it must never be (or contain) the input, the theme or the working directory.</summary>
    static void GuardOutput(BuildOptions options)
    {
        var output = Path.GetFullPath(options.OutputDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var input = Path.GetFullPath(options.InputDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var cwd = Path.GetFullPath(Environment.CurrentDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (input.StartsWith(output, StringComparison.Ordinal) || cwd.StartsWith(output, StringComparison.Ordinal))
            throw new BuildException($"the output folder '{options.OutputDirectory}' contains the input or the working directory; it would be replaced whole. Choose another --output");
    }
}

/// <summary>A problem with the build's own settings (not the input): reported as one line, no stack trace.</summary>
public sealed class BuildException(string message) : Exception(message);
