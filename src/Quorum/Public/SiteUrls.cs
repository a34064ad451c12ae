using Quorum.Load;

namespace Quorum.Public;

/// <summary>The URL table of FORMAT.md: permanent paths, prefixed with the site's base path so a site can live below a domain's root.</summary>
public sealed class SiteUrls
{
    public SiteUrls(string basePath)
    {
        BasePath = basePath.EndsWith('/') ? basePath : basePath + "/";
        // The registers' paths, made once: every page's navigation links to them.
        Meetings = BasePath + "meetings/";
        Members = BasePath + "members/";
        Actions = BasePath + "actions/";
        Decisions = BasePath + "decisions/";
        Search = BasePath + "search/";
    }

    public string BasePath { get; }

    public string Home => BasePath;
    public string Meetings { get; }
    public string Meeting(string slug) => $"{BasePath}meetings/{slug}/";
    public string Item(PublicItem item) => Meeting(item.Meeting.Slug) + "#" + item.Anchor;
    public string Members { get; }
    public string Member(string id) => $"{BasePath}members/{id}/";
    public string Actions { get; }
    public string Action(string id) => ActionPage(Ids.ActionSlug(id));
    /// <summary>An action's page, from the slug it already has (<see cref="Ids.ActionSlug"/> is a regular expression's work).</summary>
    public string Action(PublicAction action) => ActionPage(action.Slug);
    string ActionPage(string slug) => $"{BasePath}actions/{slug}/";
    public string Decisions { get; }
    public string Decision(PublicDecision d) => Meeting(d.Item.Meeting.Slug) + "#" + d.Anchor;
    public string Body(string id) => $"{BasePath}bodies/{id}/";
    public string Page(string slug) => $"{BasePath}{slug}/";
    public string Search { get; }
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
