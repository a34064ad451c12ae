using System.Globalization;
using HandlebarsDotNet;
using Quorum.Load;
using Quorum.Public;

namespace Quorum.Render;

/// <summary>
/// The helpers a theme's templates call (<c>{{urlFor this}}</c>, <c>{{longDate Date}}</c>, ...). One implementation for
/// both ways a template runs: registered with Handlebars.Net (<see cref="Register"/>), and called directly by the
/// default theme's precompiled templates (<see cref="Precompiled.PrecompiledTheme"/>), so the two cannot disagree.
/// Each takes what Handlebars.Net would pass (an object), and a few take typed overloads that the precompiled
/// templates' calls pick, with the same result, to spare boxing.
/// </summary>
public sealed class ThemeHelpers(SiteUrls urls, PublicSite site)
{
    public void Register(IHandlebars hb)
    {
        hb.RegisterHelper("urlFor", (context, args) => UrlFor(args[0]));
        hb.RegisterHelper("absoluteUrl", (context, args) => AbsoluteUrl(args[0]));
        hb.RegisterHelper("assetUrl", (context, args) => AssetUrl(args[0]));
        hb.RegisterHelper("longDate", (context, args) => LongDate(args[0]));
        hb.RegisterHelper("isoDate", (context, args) => IsoDate(args[0]));
        hb.RegisterHelper("countOf", (context, args) => CountOf(args[0]));
        hb.RegisterHelper("eq", (context, args) => Eq(args[0], args[1]));
        hb.RegisterHelper("plural", (context, args) => args.Length > 2 ? Plural(args[0], args[1], args[2]) : Plural(args[0], args[1]));
        // The search page's URL for a query; written as is ("=" escaped as an entity reads badly), its parts made safe here.
        hb.RegisterHelper("searchLink", (writer, context, args) => writer.WriteSafeString(SearchLink(args[0])));
        hb.RegisterHelper("statusName", (context, args) => StatusName(args[0]));
        hb.RegisterHelper("groupName", (context, args) => GroupName(args[0]));
        hb.RegisterHelper("editUrl", (context, args) => EditUrl(args[0]));
        hb.RegisterHelper("markdown", (writer, context, args) => WriteHtml(writer, args[0] as PublicMarkdown, inline: false));
        hb.RegisterHelper("inline", (writer, context, args) => WriteHtml(writer, args[0] as PublicMarkdown, inline: true));
        hb.RegisterHelper("decision", (writer, context, args) => writer.WriteSafeString((args[0] as PublicDecision)?.Html ?? ""));
    }

    public string UrlFor(object? target) => target switch
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

    public string AbsoluteUrl(object? target) => Quorum.Feeds.FeedPaths.Absolute(site, UrlFor(target));

    public string AssetUrl(object? path) => urls.Asset(path?.ToString() ?? "");

    public static string LongDate(object? date) => date is DateOnly d ? LongDate(d) : "";
    public static string LongDate(DateOnly? date) => date is { } d ? LongDate(d) : "";
    public static string LongDate(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string IsoDate(object? date) => date is DateOnly d ? IsoDate(d) : "";
    public static string IsoDate(DateOnly? date) => date is { } d ? IsoDate(d) : "";
    public static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static int CountOf(object? list) => list is System.Collections.ICollection c ? c.Count : 0;

    public static bool Eq(object? a, object? b) => Equals(a?.ToString(), b?.ToString());

    public static string Plural(object? count, object? one) => Plural(count, one, (one?.ToString() ?? "") + "s");

    public static string Plural(object? count, object? one, object? many)
    {
        var n = Convert.ToInt32(count, CultureInfo.InvariantCulture);
        var singular = one?.ToString() ?? "";
        return $"{n} {(n == 1 ? singular : many?.ToString() ?? singular)}";
    }

    /// <summary>HTML, written as it is: the search page's address escaped for HTML, the query for a URL.</summary>
    public string SearchLink(object? query) =>
        System.Net.WebUtility.HtmlEncode(urls.Search) + "?q=" + Uri.EscapeDataString(query?.ToString() ?? "");

    public static string StatusName(object? status) => status is ActionStatus s ? (s == ActionStatus.Open ? "Open" : "Closed") : "";

    public static string GroupName(object? group) => group is AttendanceGroup g ? GroupName(g) : "";

    public static string GroupName(AttendanceGroup g) => g switch
    {
        AttendanceGroup.Present => "Present",
        AttendanceGroup.InAttendance => "In attendance",
        _ => "Apologies",
    };

    public string EditUrl(object? path) => site.EditUrl is null || path is not string p || p.Length == 0 ? "" : site.EditUrl + p;

    /// <summary>Rendered Markdown, unescaped: copied as UTF-8 into a page's own writer, else written as a string.</summary>
    public static void WriteHtml(TextWriter writer, PublicMarkdown? markdown, bool inline)
    {
        if (markdown is null) return;
        if (writer is PageWriter page)
            page.WriteUtf8(inline ? markdown.InlineHtmlUtf8 : markdown.HtmlUtf8);
        else
            writer.Write(inline ? markdown.InlineHtml : markdown.Html);
    }

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
}
