namespace Quorum.Write;

/// <summary>
/// The media types a server of the built site gives its files, where a server's defaults differ or lack them (feeds
/// and data as XML and JSON, calendars, CSV): one table for <c>quorum serve</c> and the browser tests' server, so both
/// serve a site as Netlify does.
/// </summary>
public static class SiteMediaTypes
{
    public static IReadOnlyDictionary<string, string> ByExtension { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html",
        [".json"] = "application/json",
        [".ics"] = "text/calendar",
        [".xml"] = "application/xml",
        [".svg"] = "image/svg+xml",
        [".js"] = "text/javascript",
        [".mjs"] = "text/javascript",
        [".css"] = "text/css",
        [".csv"] = "text/csv",
        [".txt"] = "text/plain",
        [".webmanifest"] = "application/manifest+json",
    };
}
