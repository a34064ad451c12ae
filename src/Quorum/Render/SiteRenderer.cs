using System.Text;
using Quorum.Public;

namespace Quorum.Render;

/// <summary>
/// The render phase: every page of the URL table, plus sitemap.xml, robots.txt and the theme's assets, streamed
/// to an <see cref="ISiteOutput"/>. Pages render in parallel; each is a pure function of the public archive, so
/// the output is the same whatever order they finish in.
/// </summary>
public sealed class SiteRenderer(PublicArchive archive, Theme theme)
{
    readonly SiteUrls _urls = new(archive.Site.BasePath);
    static readonly UTF8Encoding Utf8 = new(false);

    public sealed record Page(string Url, string Template, object Model, string Title, string Section, IReadOnlyList<Crumb> Crumbs,
        string? Description = null, string? EditPath = null, bool InSitemap = true, string? File = null,
        IReadOnlyList<Quorum.Feeds.FeedLink>? Feeds = null, Func<string>? JsonLd = null);

    public IReadOnlyList<Page> Pages() => PageList.For(archive, _urls);

    /// <summary>One meeting's page, the same as its entry in <see cref="Pages"/>, without making every other page's model.</summary>
    public Page MeetingPage(PublicMeeting meeting) => PageList.Meeting(archive, _urls, meeting);

    /// <summary>Renders the whole site; with <paramref name="timings"/>, each part's time is recorded as a part of "render".</summary>
    /// <remarks>
    /// The pages render in parallel, on every core. Then the feeds and data files, and the search's reading of the
    /// archive, are each mostly one thread's work, so they run side by side (1,000 meetings: 0.5 s less; 5,000: 3 s
    /// less). Running all three side by side was measured too: no faster, and 10-20% more memory, as the pages then
    /// compete with the search's big arrays for the garbage collector. Last, the search index is built and written
    /// from what was read, which needs nothing of the archive (<see cref="RenderReleasing"/>).
    /// </remarks>
    public void Render(ISiteOutput output, Quorum.Build.PhaseTimings? timings = null)
    {
        timings ??= new();
        WriteSearch(RenderFromArchive(output, timings, releaseHtml: false), output, timings);
    }

    /// <summary>
    /// <see cref="Render"/> for a one-off build that hands over its only reference to the archive: once the pages are
    /// written, the archive lets go of its HTML (<see cref="PublicArchive.ReleaseHtml"/>); once every file but the search
    /// index is written, the archive is let go (<paramref name="archive"/> is set to null), so the index, the build's
    /// biggest moment, is built and written without it. At 5,000 meetings the archive is over half a gigabyte, a third
    /// of it HTML (README "Performance").
    /// </summary>
    public static void RenderReleasing(ref PublicArchive? archive, Theme theme, ISiteOutput output, Quorum.Build.PhaseTimings timings)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var search = RenderInOwnFrame(archive, theme, output, timings);
        archive = null;
        if (theme.RanOnHandlebars) Theme.ForgetRenderedModels();
        // The archive is garbage now, and the index is about to allocate its largest arrays (5,000 meetings: the
        // postings alone are 200 MB). Left to itself the collector sometimes reached the archive only after them, and
        // the build's peak came here: 975-989 MB in two of four runs instead of the pages' 900. Collected first, the
        // index never raised the peak in eight runs. A smaller heap is far from that danger and the collection is only
        // a pause there (1,000 meetings, 140 MB: 16 alternated pairs, 11 faster without it, medians 40-90 ms).
        LargeHeap.CollectIfLarge();
        WriteSearch(search, output, timings);
    }

    // Its own frame, gone on return: no slot of the caller's frame keeps the renderer (and so the archive) alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static Quorum.Search.SearchFiles.Reading RenderInOwnFrame(PublicArchive archive, Theme theme, ISiteOutput output, Quorum.Build.PhaseTimings timings) =>
        new SiteRenderer(archive, theme).RenderFromArchive(output, timings, releaseHtml: true);

    /// <summary>Every file that needs the archive: pages, sitemap, assets, feeds and data files; and the search's reading.</summary>
    Quorum.Search.SearchFiles.Reading RenderFromArchive(ISiteOutput output, Quorum.Build.PhaseTimings timings, bool releaseHtml)
    {
        string[] sitemap = [];
        // The input redact let go of, collected before the pages: left in place, every young collection while the
        // pages rendered scanned old objects' references to it (5,000 meetings: pages 1.48-1.58 s, 1.15-1.23 s so).
        if (releaseHtml) LargeHeap.CollectIfLarge();
        timings.TimePart("render", "pages", () =>
        {
            var pages = Pages();
            RenderPages(pages, output);
            sitemap = SitemapUrls(pages); // the pages and their models are let go here, the URLs kept for later
        });
        if (releaseHtml)
        {
            archive.ReleaseHtml();
            // The HTML, a third of the archive, is garbage now, and the search's reading is about to build its tables
            // beside the feeds. Collected first, a 5,000-meeting build peaked at 854-878 MB in three runs (and took
            // 8.8 s); left to the collector, at 841-1,079 MB (9.2 s), as it reached the old HTML only late
            // (README "Performance", session 24).
            LargeHeap.CollectIfLarge();
        }
        Quorum.Search.SearchFiles.Reading? search = null;
        // The sitemap and the assets are one thread's work each, so they go with the feeds rather than before both.
        SideBySide.Run(
            () => timings.TimePart("render", "search", () => search = Quorum.Search.SearchFiles.Read(archive), beside: "the feeds"),
            () => timings.TimePart("render", "feeds", () =>
            {
                WriteSitemap(sitemap, output);
                CopyAssets(output);
                new Quorum.Feeds.MachineReadableWriter().Write(archive, output);
            }, beside: "the search"));
        return search!;
    }

    /// <summary>The search index, built from the search's reading and written (its own part of the timings: "index").</summary>
    static void WriteSearch(Quorum.Search.SearchFiles.Reading search, ISiteOutput output, Quorum.Build.PhaseTimings timings) =>
        timings.TimePart("render", "index", () => search.Write(output));

    /// <summary>The output file of a page (<c>members/x/index.html</c>).</summary>
    public string FileFor(Page page) => page.File ?? _urls.FileFor(page.Url);

    /// <summary>Renders some of the pages (all of them for a build; those a change affects for <c>quorum serve</c>), in parallel.</summary>
    public void RenderPages(IEnumerable<Page> pages, ISiteOutput output, CancellationToken cancellation = default)
    {
        try
        {
            Parallel.ForEach(pages, new ParallelOptions { CancellationToken = cancellation },
                page =>
                {
                    var buffer = PageBuffer.ForThisThread();
                    RenderPage(page, buffer);
                    output.Write(FileFor(page), buffer.Bytes);
                    buffer.Release();
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault() is ThemeException or IOException)
        {
            // Report the first failure as it is rather than as a parallel-loop wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>The files derived from the whole archive rather than one page: feeds, calendars, data, the search index, sitemap.xml and robots.txt.</summary>
    public void RenderSiteFiles(IReadOnlyList<Page> pages, ISiteOutput output)
    {
        new Quorum.Feeds.MachineReadableWriter().Write(archive, output);
        Quorum.Search.SearchFiles.Write(archive, output);
        WriteSitemap(pages, output);
    }

    void WriteSitemap(IReadOnlyList<Page> pages, ISiteOutput output) => WriteSitemap(SitemapUrls(pages), output);

    static string[] SitemapUrls(IReadOnlyList<Page> pages) => pages.Where(p => p.InSitemap).Select(p => p.Url).ToArray();

    void WriteSitemap(string[] urls, ISiteOutput output)
    {
        output.Write("sitemap.xml", Utf8.GetBytes(Sitemap(urls)));
        output.Write("robots.txt", Utf8.GetBytes($"User-agent: *\nAllow: /\nSitemap: {Absolute(_urls.BasePath + "sitemap.xml")}\n"));
    }

    public string RenderPage(Page page)
    {
        var buffer = new PageBuffer();
        RenderPage(page, buffer);
        return Utf8.GetString(buffer.Bytes);
    }

    void RenderPage(Page page, PageBuffer buffer)
    {
        var layout = new LayoutModel(archive.Site, page.Title, page.Description ?? archive.Site.Description, Absolute(page.Url),
            page.Section, page.Crumbs, page.EditPath, archive.Pages, "", !page.InSitemap,
            [.. Quorum.Feeds.FeedPaths.SiteWide(archive.Site, _urls), .. page.Feeds ?? []], page.JsonLd?.Invoke());
        theme.RenderPage(page.Template, page.Model, layout, buffer.Html, buffer.Body);
        buffer.Html.Flush();
    }

    string Absolute(string url) => Quorum.Feeds.FeedPaths.Absolute(archive.Site, url);

    string Sitemap(string[] urls)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var url in urls.Order(StringComparer.Ordinal))
            sb.Append("  <url><loc>").Append(System.Security.SecurityElement.Escape(Absolute(url))).Append("</loc></url>\n");
        return sb.Append("</urlset>\n").ToString();
    }

    /// <summary>The theme's assets, copied as they are.</summary>
    public void CopyAssets(ISiteOutput output)
    {
        if (!Directory.Exists(theme.AssetsDirectory)) return;
        foreach (var file in Directory.GetFiles(theme.AssetsDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(theme.AssetsDirectory, file).Replace('\\', '/');
            if (Path.GetFileName(file).StartsWith('.')) continue;
            output.Copy("assets/" + relative, file);
        }
    }
}
