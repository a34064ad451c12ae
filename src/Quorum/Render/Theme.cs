using System.Globalization;
using System.Reflection;
using HandlebarsDotNet;
using Quorum.Load;
using Quorum.Public;
using Compiled = HandlebarsDotNet.HandlebarsTemplate<System.IO.TextWriter, object, object>;

namespace Quorum.Render;

/// <summary>
/// A theme folder: <c>templates/*.hbs</c> (one per page kind, plus <c>layout.hbs</c>), <c>partials/*.hbs</c>, and
/// <c>assets/</c> copied to the site as they are. Handlebars escapes every <c>{{value}}</c>; the only unescaped output is
/// the HTML of Markdown we rendered ourselves, through the <c>markdown</c>, <c>inline</c> and <c>decision</c> helpers
/// and the layout's <c>{{{BodyHtml}}}</c> (a template's own output) and <c>{{{JsonLdHtml}}}</c> (JSON-LD we serialised, with <c>&lt;</c> escaped).
/// </summary>
public sealed class Theme
{
    readonly Dictionary<string, Compiled> _templates = new(StringComparer.Ordinal);
    (Compiled Head, Compiled Tail)? _layoutHalves;
    // The layout whole, compiled only if a page needs it (a layout that cannot be cut, or a test): when the halves
    // compile, every page uses them, and compiling the layout a third time was a sixth of the theme's compile.
    Lazy<Compiled>? _wholeLayout;

    public string Directory { get; }
    public string AssetsDirectory => Path.Combine(Directory, "assets");

    public Theme(string directory, SiteUrls urls, PublicSite site)
    {
        Directory = directory;
        var hb = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true });
        ThemeHelpers.Register(hb, urls, site);
        // A small site's build waits for its theme (0.3 s of the demo's 0.6 s) while the phases beside it leave a core
        // free, so each folder's files compile side by side. Handlebars.Net compiles safely on several threads once its
        // configuration is complete, and registering a partial is configuration: the partials are compiled, then
        // registered, and only then are the templates compiled.
        var partials = Path.Combine(directory, "partials");
        if (System.IO.Directory.Exists(partials))
            foreach (var (file, _, template, _) in CompileAll(hb, partials, layout: false))
                hb.RegisterTemplate(Path.GetFileNameWithoutExtension(file), template!);
        var templates = Path.Combine(directory, "templates");
        if (!System.IO.Directory.Exists(templates))
            throw new ThemeException($"{templates}: the theme has no templates folder");
        foreach (var (file, text, template, halves) in CompileAll(hb, templates, layout: true))
        {
            if (halves is not null)
            {
                _layoutHalves = halves; // only the layout's are cut
                _wholeLayout = new Lazy<Compiled>(() => Compile(hb, text));
            }
            else _templates[Path.GetFileNameWithoutExtension(file)] = template!;
        }
    }

    /// <summary>
    /// Every <c>.hbs</c> file of a folder compiled, in file name order; the first in that order that fails is the error,
    /// whichever thread met it first. With <paramref name="layout"/>, <c>layout.hbs</c> is also cut (<see cref="Halves"/>).
    /// </summary>
    /// <remarks>A layout that is cut is not compiled whole (its template is null).</remarks>
    static List<(string File, string Text, Compiled? Template, (Compiled, Compiled)? Halves)> CompileAll(IHandlebars hb, string folder, bool layout)
    {
        var files = System.IO.Directory.GetFiles(folder, "*.hbs").Order(StringComparer.Ordinal).ToArray();
        var texts = files.Select(File.ReadAllText).ToArray();
        var compiled = new (Compiled? Template, (Compiled, Compiled)? Halves, HandlebarsException? Error)[files.Length];
        try
        {
            Parallel.For(0, files.Length, i =>
            {
                try
                {
                    if (layout && Path.GetFileNameWithoutExtension(files[i]) == "layout") compiled[i].Halves = Halves(hb, texts[i]);
                    if (compiled[i].Halves is null) compiled[i].Template = Compile(hb, texts[i]);
                }
                catch (HandlebarsException e)
                {
                    compiled[i].Error = e;
                }
            });
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw(); // as itself
        }
        var result = new List<(string, string, Compiled?, (Compiled, Compiled)?)>(files.Length);
        for (int i = 0; i < files.Length; i++)
        {
            if (compiled[i].Error is { } e) throw new ThemeException($"{files[i]}: {e.Message}");
            result.Add((files[i], texts[i], compiled[i].Template, compiled[i].Halves));
        }
        return result;
    }

    static Compiled Compile(IHandlebars hb, string text)
    {
        using var reader = new StringReader(text);
        return hb.Compile(reader);
    }

    /// <summary>
    /// The layout cut at its one <c>{{{BodyHtml}}}</c>, when that stands alone on its line (so no tag beside it reads
    /// differently as the first or last of a half: Handlebars strips a line that holds only a block tag or comment)
    /// and outside every block (each half then compiles on its own; a half that opens or closes a block does not).
    /// A page is then written head, body, tail into one writer, and its body is never held as a string and copied
    /// again (at 1,000 meetings that copy was 0.2 GB).
    /// </summary>
    static (Compiled Head, Compiled Tail)? Halves(IHandlebars hb, string layout)
    {
        const string Body = "{{{BodyHtml}}}";
        var at = layout.IndexOf(Body, StringComparison.Ordinal);
        if (at < 0 || layout.Split(nameof(LayoutModel.BodyHtml)).Length != 2) return null; // named once, and there
        var lineStart = layout.LastIndexOf('\n', at) + 1;
        var lineEnd = layout.IndexOf('\n', at) is var end and >= 0 ? end : layout.Length;
        if (!layout.AsSpan(lineStart, at - lineStart).IsWhiteSpace() || !layout.AsSpan(at + Body.Length, lineEnd - at - Body.Length).IsWhiteSpace())
            return null;
        try
        {
            return (Compile(hb, layout[..at]), Compile(hb, layout[(at + Body.Length)..]));
        }
        catch (HandlebarsException)
        {
            return null; // BodyHtml sits inside a block: the layout is rendered whole
        }
    }

    /// <summary>
    /// Lets go of the last models rendered. Handlebars.Net keeps a process-wide pool of binding contexts, and a pooled
    /// context still holds the values it last bound (its model, <c>@root</c>, block parameters); as page models link to
    /// one another, that keeps the whole archive reachable after the pages are written (at 5,000 meetings, half a
    /// gigabyte a build no longer needs). Emptying the pool is always safe: a pool only saves allocations, and contexts
    /// in use are not in it. The pool is private to Handlebars.Net (2.4.3), so it is found by reflection; if a later
    /// version moves it, nothing breaks but the saving (<c>BuildOutputTests</c> would notice).
    /// </summary>
    /// <returns>Whether the pool was found.</returns>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075",
        Justification = "Handlebars.Net is not trimmed (it is not marked trimmable); were its private pool gone, this returns false and nothing else changes.")]
    public static bool ForgetRenderedModels()
    {
        var pool = typeof(BindingContext).GetField("Pool", BindingFlags.Static | BindingFlags.NonPublic)?.GetValue(null);
        for (var type = pool?.GetType(); type is not null; type = type.BaseType)
        {
            var queue = type.GetField("_queue", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(pool);
            if (queue is System.Collections.Concurrent.ConcurrentQueue<BindingContext> contexts)
            {
                contexts.Clear();
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether pages are written as the layout's head, the page's template and the layout's tail.</summary>
    internal bool LayoutIsCut => _layoutHalves is not null;

    /// <summary>For tests: render the layout whole, as a layout that cannot be cut is.</summary>
    internal void RenderLayoutWhole() => _layoutHalves = null;

    /// <summary>
    /// Renders a page: its template inside the layout. <paramref name="body"/> is scratch space, used only when the
    /// layout cannot be cut at its body (see <see cref="Halves"/>).
    /// </summary>
    public void RenderPage(string template, object model, LayoutModel layout, TextWriter writer, StringWriter body)
    {
        if (_layoutHalves is var (head, tail))
        {
            Run(head, "layout", layout, writer);
            Render(template, model, writer);
            Run(tail, "layout", layout, writer);
            return;
        }
        Render(template, model, body);
        Render("layout", layout with { BodyHtml = body.ToString() }, writer);
    }

    public string Render(string template, object model)
    {
        var writer = new StringWriter();
        Render(template, model, writer);
        return writer.ToString();
    }

    /// <summary>Renders straight into <paramref name="writer"/>: a page is written once, not built up as a string and copied.</summary>
    public void Render(string template, object model, TextWriter writer)
    {
        if (!_templates.TryGetValue(template, out var t) && !(template == "layout" && _wholeLayout is not null && Whole(out t)))
            throw new ThemeException($"{Path.Combine(Directory, "templates", template + ".hbs")}: the theme has no such template");
        Run(t, template, model, writer);
    }

    bool Whole(out Compiled whole)
    {
        try
        {
            whole = _wholeLayout!.Value;
            return true;
        }
        catch (HandlebarsException e)
        {
            throw new ThemeException($"{Path.Combine(Directory, "templates", "layout.hbs")}: {e.Message}");
        }
    }

    void Run(Compiled t, string template, object model, TextWriter writer)
    {
        try
        {
            t(writer, model, null);
        }
        catch (Exception e) when (e is not ThemeException)
        {
            // A template bug must read as one, with the template's path, not as a stack trace.
            var inner = e is HandlebarsException ? e : e.GetBaseException();
            throw new ThemeException($"{Path.Combine(Directory, "templates", template + ".hbs")}: error: {inner.Message}");
        }
    }

    /// <summary>The theme to use: the one named, else <c>themes/default</c> beside the input folder or above it, else below the working directory.</summary>
    public static string Locate(string? theme, string inputDirectory)
    {
        if (theme is not null) return Path.GetFullPath(theme);
        for (var dir = new DirectoryInfo(Path.GetFullPath(inputDirectory)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "themes", "default");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "themes", "default");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        return Path.GetFullPath(Path.Combine("themes", "default"));
    }
}

/// <summary>A broken theme: reported as an error with the template's path, never a stack trace.</summary>
public sealed class ThemeException(string message) : Exception(message);

static class ThemeHelpers
{
    public static void Register(IHandlebars hb, SiteUrls urls, PublicSite site)
    {
        hb.RegisterHelper("urlFor", (context, args) => Url(urls, args));
        hb.RegisterHelper("absoluteUrl", (context, args) => Quorum.Feeds.FeedPaths.Absolute(site, Url(urls, args)));
        hb.RegisterHelper("assetUrl", (context, args) => urls.Asset(args[0]?.ToString() ?? ""));
        hb.RegisterHelper("longDate", (context, args) => args[0] is DateOnly d ? LongDate(d) : "");
        hb.RegisterHelper("isoDate", (context, args) => args[0] is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");
        hb.RegisterHelper("countOf", (context, args) => args[0] is System.Collections.ICollection c ? c.Count : 0);
        hb.RegisterHelper("eq", (context, args) => Equals(args[0]?.ToString(), args[1]?.ToString()));
        hb.RegisterHelper("plural", (context, args) =>
        {
            var one = args[1]?.ToString() ?? "";
            return Plural(Convert.ToInt32(args[0], CultureInfo.InvariantCulture), one, args.Length > 2 ? args[2]?.ToString() ?? one : one + "s");
        });
        // The search page's URL for a query; written as is ("=" escaped as an entity reads badly), its parts made safe here.
        hb.RegisterHelper("searchLink", (writer, context, args) => writer.WriteSafeString(
            System.Net.WebUtility.HtmlEncode(urls.Search) + "?q=" + Uri.EscapeDataString(args[0]?.ToString() ?? "")));
        hb.RegisterHelper("statusName", (context, args) => args[0] is ActionStatus s ? (s == ActionStatus.Open ? "Open" : "Closed") : "");
        hb.RegisterHelper("groupName", (context, args) => args[0] is AttendanceGroup g ? GroupName(g) : "");
        hb.RegisterHelper("editUrl", (context, args) => site.EditUrl is null || args[0] is not string p || p.Length == 0 ? "" : site.EditUrl + p);
        hb.RegisterHelper("markdown", (writer, context, args) => WriteHtml(writer, args[0] as PublicMarkdown, inline: false));
        hb.RegisterHelper("inline", (writer, context, args) => WriteHtml(writer, args[0] as PublicMarkdown, inline: true));
        hb.RegisterHelper("decision", (writer, context, args) => writer.WriteSafeString((args[0] as PublicDecision)?.Html ?? ""));
    }

    public static string LongDate(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Rendered Markdown, unescaped: copied as UTF-8 into a page's own writer, else written as a string.</summary>
    static void WriteHtml(in EncodedTextWriter writer, PublicMarkdown? markdown, bool inline)
    {
        if (markdown is null) return;
        if (Underlying(writer) is PageWriter page)
            page.WriteUtf8(inline ? markdown.InlineHtmlUtf8 : markdown.HtmlUtf8);
        else
            writer.WriteSafeString(inline ? markdown.InlineHtml : markdown.Html);
    }

    /// <summary>
    /// The writer a Handlebars.Net writer writes to (a field it keeps to itself, in 2.4.3), or null if a later version
    /// moves it: helpers then write strings, as before (<c>PageWriterTests</c> would notice).
    /// </summary>
    internal static TextWriter? Underlying(in EncodedTextWriter writer)
    {
        if (!s_canReachUnderlying) return null;
        try
        {
            return UnderlyingWriter(ref System.Runtime.CompilerServices.Unsafe.AsRef(in writer));
        }
        catch (MissingFieldException)
        {
            s_canReachUnderlying = false;
            return null;
        }
    }

    static bool s_canReachUnderlying = true;

    [System.Runtime.CompilerServices.UnsafeAccessor(System.Runtime.CompilerServices.UnsafeAccessorKind.Field, Name = "UnderlyingWriter")]
    static extern ref TextWriter UnderlyingWriter(ref EncodedTextWriter writer);

    public static string GroupName(AttendanceGroup g) => g switch
    {
        AttendanceGroup.Present => "Present",
        AttendanceGroup.InAttendance => "In attendance",
        _ => "Apologies",
    };

    static string Plural(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    static string Url(SiteUrls urls, Arguments args) => args[0] switch
    {
        PublicMeeting m => urls.Meeting(m.Slug),
        PublicMember m => urls.Member(m.Id),
        PublicAction a => urls.Action(a),
        PublicItem i => urls.Item(i),
        PublicDecision d => urls.Decision(d),
        PublicBody b => urls.Body(b.Id),
        PublicPage p => urls.Page(p.Slug),
        "home" => urls.Home,
        "meetings" => urls.Meetings,
        "members" => urls.Members,
        "actions" => urls.Actions,
        "decisions" => urls.Decisions,
        "bodies" => urls.BasePath + "bodies/",
        "search" => urls.Search,
        string s => urls.BasePath + s.TrimStart('/'),
        var other => throw new ThemeException($"the urlFor helper cannot link to {other?.GetType().Name ?? "nothing"}"),
    };
}
