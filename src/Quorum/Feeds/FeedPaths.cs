using Quorum.Public;

namespace Quorum.Feeds;

/// <summary>A feed or calendar a page links to: in the head as <c>&lt;link rel="alternate"&gt;</c> and visibly as "Subscribe".</summary>
public sealed record FeedLink(string Title, string Url, string Type);

/// <summary>
/// Where the Atom feeds, calendars and data files live, relative to the site root (no leading slash). Like the
/// URL table of FORMAT.md these paths are permanent once published.
/// </summary>
public static class FeedPaths
{
    public const string AtomType = "application/atom+xml";
    public const string CalendarType = "text/calendar";

    public const string Minutes = "feeds/minutes.xml";
    public const string Decisions = "feeds/decisions.xml";
    public static string Body(string bodyId) => $"feeds/bodies/{bodyId}.xml";
    public static string MemberActions(string memberId) => $"feeds/members/{memberId}/actions.xml";

    public const string Calendar = "calendar/meetings.ics";
    public static string BodyCalendar(string bodyId) => $"calendar/bodies/{bodyId}.ics";

    public const string DataPage = "data/";

    /// <summary>The site path of a file (with the base path), as pages link to it.</summary>
    public static string Url(SiteUrls urls, string relative) => urls.BasePath + relative;

    /// <summary>The absolute URL of a site path (as <see cref="SiteUrls"/> gives it).</summary>
    public static string Absolute(PublicSite site, string sitePath)
    {
        var parsed = Base(site.BaseUrl);
        // A path of plain characters from the root is joined to the origin as it is: that is what resolving it
        // against the base gives, without a Uri (every page, feed entry and data record asks: tens of thousands).
        return IsPlainRootPath(sitePath) ? parsed.Origin + sitePath : new Uri(parsed.Uri, sitePath).ToString();
    }

    // The base URL parsed once, not once per link.
    sealed record ParsedBase(string Url, Uri Uri, string Origin);
    static ParsedBase? s_base;

    static ParsedBase Base(string baseUrl)
    {
        var parsed = s_base;
        if (parsed is null || parsed.Url != baseUrl)
        {
            var uri = new Uri(baseUrl);
            s_base = parsed = new ParsedBase(baseUrl, uri, uri.GetLeftPart(UriPartial.Authority));
        }
        return parsed;
    }

    /// <summary>
    /// A path from the site's root that resolving leaves as it is: starts with one slash, only letters, digits and
    /// <c>-._~/#</c>, no empty or dot segment. Anything else (escapes, queries, dot segments) goes through <see cref="Uri"/>.
    /// </summary>
    internal static bool IsPlainRootPath(string path)
    {
        if (path.Length == 0 || path[0] != '/') return false;
        if (path.AsSpan().IndexOfAnyExcept(PlainPathChars) >= 0) return false;
        return !path.Contains("//", StringComparison.Ordinal) && !path.Contains("/.", StringComparison.Ordinal);
    }

    static readonly System.Buffers.SearchValues<char> PlainPathChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/#");

    /// <summary>The links every page carries: the site-wide minutes feed and meetings calendar.</summary>
    public static IReadOnlyList<FeedLink> SiteWide(PublicSite site, SiteUrls urls) =>
    [
        new($"{site.Title}: new minutes (Atom)", Url(urls, Minutes), AtomType),
        new($"{site.Title}: meetings calendar (iCalendar)", Url(urls, Calendar), CalendarType),
    ];

    public static IReadOnlyList<FeedLink> ForBody(PublicBody body, SiteUrls urls) =>
    [
        new($"{body.Name}: new minutes (Atom)", Url(urls, Body(body.Id)), AtomType),
        new($"{body.Name}: meetings calendar (iCalendar)", Url(urls, BodyCalendar(body.Id)), CalendarType),
    ];

    public static IReadOnlyList<FeedLink> ForMember(PublicMember member, SiteUrls urls) =>
        [new($"{member.Name}: actions (Atom)", Url(urls, MemberActions(member.Id)), AtomType)];

    public static IReadOnlyList<FeedLink> ForDecisions(PublicSite site, SiteUrls urls) =>
        [new($"{site.Title}: decisions (Atom)", Url(urls, Decisions), AtomType)];
}
