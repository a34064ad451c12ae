using Quorum.Diagnostics;

namespace Quorum.Load;

/// <summary>Reads <c>site.yml</c>.</summary>
public static class SiteLoader
{
    public static RawSiteConfig? Load(SourceFile file, DiagnosticBag diagnostics)
    {
        var map = YamlReader.Parse(file.Text, file.DisplayPath, 1, diagnostics);
        if (map is null) return null;
        var y = new YamlReader(file.DisplayPath, 1, diagnostics);
        y.KnownKeys(map, "site.yml", "title", "base_url", "language", "description", "edit_url", "licence", "licence_url");
        var at = SourceLocation.File(file.DisplayPath);
        var title = y.String(map, "title", true, map, "site.yml");
        var baseUrl = y.String(map, "base_url", true, map, "site.yml");
        if (baseUrl is not null && !IsAbsoluteHttp(baseUrl.Value))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, baseUrl.Location, $"'base_url' must be an absolute http(s) URL, not '{baseUrl.Value}'");
            baseUrl = null;
        }
        var editUrl = y.String(map, "edit_url");
        if (editUrl is not null && !IsAbsoluteHttp(editUrl.Value))
            diagnostics.Error(DiagnosticCodes.InvalidValue, editUrl.Location, $"'edit_url' must be an absolute http(s) URL, not '{editUrl.Value}'");
        if (title is null || baseUrl is null) return null;
        var url = baseUrl.Value.EndsWith('/') ? baseUrl.Value : baseUrl.Value + "/";
        return new RawSiteConfig(title.Value, url, y.String(map, "language")?.Value ?? "en-GB",
            y.String(map, "description")?.Value, editUrl?.Value, y.String(map, "licence")?.Value, y.String(map, "licence_url")?.Value, at);
    }

    static bool IsAbsoluteHttp(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);
}
