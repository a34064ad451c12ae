using System.Globalization;
using System.Reflection;
using HandlebarsDotNet;
using Quorum.Load;
using Quorum.Public;
using Quorum.Render.Precompiled;
using Compiled = HandlebarsDotNet.HandlebarsTemplate<System.IO.TextWriter, object, object>;

namespace Quorum.Render;

/// <summary>
/// A theme folder: <c>templates/*.hbs</c> (one per page kind, plus <c>layout.hbs</c>), <c>partials/*.hbs</c>, and
/// <c>assets/</c> copied to the site as they are. Handlebars escapes every <c>{{value}}</c>; the only unescaped output is
/// the HTML of Markdown we rendered ourselves, through the <c>markdown</c>, <c>inline</c> and <c>decision</c> helpers
/// and the layout's <c>{{{BodyHtml}}}</c> (a template's own output) and <c>{{{JsonLdHtml}}}</c> (JSON-LD we serialised, with <c>&lt;</c> escaped).
/// The templates run as compiled into Quorum while they are exactly the default theme's (<see cref="PrecompiledTheme"/>),
/// else on Handlebars.Net (<see cref="HandlebarsTheme"/>); both write the same bytes.
/// </summary>
public sealed class Theme
{
    // The theme as the default theme compiled into Quorum, when its files are exactly those (Precompiled/PrecompiledTheme.cs);
    // otherwise, and for a model a compiled template was not made for, the theme compiled by Handlebars.Net.
    readonly PrecompiledTheme? _precompiled;
    readonly ThemeHelpers _helpers;
    readonly Lazy<HandlebarsTheme> _handlebars;
    bool _layoutWhole;

    public string Directory { get; }
    public string AssetsDirectory => Path.Combine(Directory, "assets");

    /// <summary>Whether the theme's templates run as compiled into Quorum (the default theme, unedited).</summary>
    public bool IsPrecompiled => _precompiled is not null;

    /// <summary>Whether any template has run on Handlebars.Net (a precompiled theme never loads it for the pages it was made for).</summary>
    public bool RanOnHandlebars => _handlebars.IsValueCreated;

    public Theme(string directory, SiteUrls urls, PublicSite site)
        : this(directory, urls, site, usePrecompiled: true, readModelsByReflection: !System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
    {
    }

    /// <summary>For tests: the theme on Handlebars.Net even if it is the default one, reading models as a native build does.</summary>
    internal Theme(string directory, SiteUrls urls, PublicSite site, bool usePrecompiled, bool readModelsByReflection)
    {
        Directory = directory;
        _helpers = new ThemeHelpers(urls, site);
        _handlebars = new Lazy<HandlebarsTheme>(() => new HandlebarsTheme(directory, _helpers, readModelsByReflection));
        var templates = Path.Combine(directory, "templates");
        if (!System.IO.Directory.Exists(templates))
            throw new ThemeException($"{templates}: the theme has no templates folder");
        if (usePrecompiled && DefaultTheme.Theme is { } compiled && compiled.IsCompiledFrom(Texts(templates), Texts(Path.Combine(directory, "partials"))))
            _precompiled = compiled;
        else
            _ = _handlebars.Value; // compiled now, so a broken theme is reported before anything is rendered
    }

    static Dictionary<string, string> Texts(string folder) => !System.IO.Directory.Exists(folder) ? [] :
        System.IO.Directory.GetFiles(folder, "*.hbs").ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText, StringComparer.Ordinal);

    /// <summary>Whether pages are written as the layout's head, the page's template and the layout's tail.</summary>
    internal bool LayoutIsCut => !_layoutWhole && (_precompiled is { } p ? p.LayoutHead is not null : _handlebars.Value.LayoutIsCut);

    /// <summary>For tests: render the layout whole, as a layout that cannot be cut is.</summary>
    internal void RenderLayoutWhole() => _layoutWhole = true;

    /// <summary>
    /// Renders a page: its template inside the layout. <paramref name="body"/> is scratch space, used only when the
    /// layout cannot be cut at its body (see <see cref="HandlebarsTheme.Halves"/>).
    /// </summary>
    public void RenderPage(string template, object model, LayoutModel layout, TextWriter writer, StringWriter body)
    {
        if (_precompiled is { LayoutHead: { } head, LayoutTail: { } tail } p && !_layoutWhole && p.Templates.TryGetValue(template, out var compiled) &&
            compiled.Model.IsInstanceOfType(model))
        {
            Run(head, "layout", layout, writer);
            Run(compiled, template, model, writer);
            Run(tail, "layout", layout, writer);
            return;
        }
        if (_precompiled is null && !_layoutWhole && _handlebars.Value.LayoutIsCut)
        {
            _handlebars.Value.RenderPage(template, model, layout, writer);
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
        if (_precompiled is { } p && p.Templates.TryGetValue(template, out var compiled) && compiled.Model.IsInstanceOfType(model))
            Run(compiled, template, model, writer);
        else
            _handlebars.Value.Render(template, model, writer);
    }

    void Run(CompiledTemplate t, string template, object model, TextWriter writer)
    {
        try
        {
            t.Render(writer, model, _helpers);
        }
        catch (Exception e) when (e is not ThemeException)
        {
            throw new ThemeException($"{Path.Combine(Directory, "templates", template + ".hbs")}: error: {e.GetBaseException().Message}");
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
    public static bool ForgetRenderedModels() => HandlebarsTheme.ForgetRenderedModels();

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

    /// <summary>The layout's text before and after its <c>{{{BodyHtml}}}</c>, if it stands alone on its line (see <see cref="HandlebarsTheme.Halves"/>).</summary>
    public static (string Head, string Tail)? CutLayout(string layout)
    {
        const string Body = "{{{BodyHtml}}}";
        var at = layout.IndexOf(Body, StringComparison.Ordinal);
        if (at < 0 || layout.Split(nameof(LayoutModel.BodyHtml)).Length != 2) return null; // named once, and there
        var lineStart = layout.LastIndexOf('\n', at) + 1;
        var lineEnd = layout.IndexOf('\n', at) is var end and >= 0 ? end : layout.Length;
        if (!layout.AsSpan(lineStart, at - lineStart).IsWhiteSpace() || !layout.AsSpan(at + Body.Length, lineEnd - at - Body.Length).IsWhiteSpace())
            return null;
        return (layout[..at], layout[(at + Body.Length)..]);
    }
}

/// <summary>A broken theme: reported as an error with the template's path, never a stack trace.</summary>
public sealed class ThemeException(string message) : Exception(message);

/// <summary>
/// A theme compiled by Handlebars.Net when the build starts: <c>templates/*.hbs</c> (one per page kind, plus
/// <c>layout.hbs</c>) and <c>partials/*.hbs</c>.
/// </summary>
sealed class HandlebarsTheme
{
    readonly string _directory;
    readonly Dictionary<string, Compiled> _templates = new(StringComparer.Ordinal);
    readonly (Compiled Head, Compiled Tail)? _layoutHalves;
    // The layout whole, compiled only if a page needs it (a layout that cannot be cut, or a test): when the halves
    // compile, every page uses them, and compiling the layout a third time was a sixth of the theme's compile.
    readonly Lazy<Compiled>? _wholeLayout;

    public HandlebarsTheme(string directory, ThemeHelpers helpers, bool readModelsByReflection)
    {
        _directory = directory;
        var configuration = new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true };
        if (readModelsByReflection) configuration.ObjectDescriptorProviders.Add(new ModelDescriptors());
        var hb = Handlebars.Create(configuration);
        helpers.Register(hb);
        // A small site's build waits for its theme (0.3 s of the demo's 0.6 s) while the phases beside it leave a core
        // free, so each folder's files compile side by side. Handlebars.Net compiles safely on several threads once its
        // configuration is complete, and registering a partial is configuration: the partials are compiled, then
        // registered, and only then are the templates compiled.
        var partials = Path.Combine(directory, "partials");
        if (System.IO.Directory.Exists(partials))
            foreach (var (file, _, template, _) in CompileAll(hb, partials, layout: false))
                hb.RegisterTemplate(Path.GetFileNameWithoutExtension(file), template!);
        var templates = Path.Combine(directory, "templates");
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

    public bool LayoutIsCut => _layoutHalves is not null;

    public void RenderPage(string template, object model, LayoutModel layout, TextWriter writer)
    {
        var (head, tail) = _layoutHalves!.Value;
        Run(head, "layout", layout, writer);
        Render(template, model, writer);
        Run(tail, "layout", layout, writer);
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
    internal static (Compiled Head, Compiled Tail)? Halves(IHandlebars hb, string layout)
    {
        if (Theme.CutLayout(layout) is not var (head, tail)) return null;
        try
        {
            return (Compile(hb, head), Compile(hb, tail));
        }
        catch (HandlebarsException)
        {
            return null; // BodyHtml sits inside a block: the layout is rendered whole
        }
    }

    /// <summary>See <see cref="Theme.ForgetRenderedModels"/>.</summary>
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

    /// <summary>Renders straight into <paramref name="writer"/>: a page is written once, not built up as a string and copied.</summary>
    public void Render(string template, object model, TextWriter writer)
    {
        if (!_templates.TryGetValue(template, out var t) && !(template == "layout" && _wholeLayout is not null && Whole(out t)))
            throw new ThemeException($"{Path.Combine(_directory, "templates", template + ".hbs")}: the theme has no such template");
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
            throw new ThemeException($"{Path.Combine(_directory, "templates", "layout.hbs")}: {e.Message}");
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
            throw new ThemeException($"{Path.Combine(_directory, "templates", template + ".hbs")}: error: {inner.Message}");
        }
    }
}
