using Quorum.Load;

namespace Quorum.Public;

/// <summary>The URL table of FORMAT.md: permanent paths, prefixed with the site's base path so a site can live below a domain's root.</summary>
public sealed class SiteUrls(string basePath)
{
    public string BasePath { get; } = basePath.EndsWith('/') ? basePath : basePath + "/";

    public string Home => BasePath;
    public string Meetings => BasePath + "meetings/";
    public string Meeting(string slug) => $"{BasePath}meetings/{slug}/";
    public string Item(PublicItem item) => Meeting(item.Meeting.Slug) + "#" + item.Anchor;
    public string Members => BasePath + "members/";
    public string Member(string id) => $"{BasePath}members/{id}/";
    public string Actions => BasePath + "actions/";
    public string Action(string id) => $"{BasePath}actions/{Ids.ActionSlug(id)}/";
    public string Decisions => BasePath + "decisions/";
    public string Decision(PublicDecision d) => Meeting(d.Item.Meeting.Slug) + "#" + d.Anchor;
    public string Body(string id) => $"{BasePath}bodies/{id}/";
    public string Page(string slug) => $"{BasePath}{slug}/";
    public string Search => BasePath + "search/";
    public string Asset(string path) => BasePath + "assets/" + path;

    /// <summary>The output file for a pretty URL: <c>/members/x/</c> → <c>members/x/index.html</c>.</summary>
    public string FileFor(string url)
    {
        var path = url[BasePath.Length..];
        var hash = path.IndexOf('#');
        if (hash >= 0) path = path[..hash];
        return path.Length == 0 ? "index.html" : path.TrimEnd('/') + "/index.html";
    }
}
