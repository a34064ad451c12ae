using Quorum.Feeds;
using Quorum.Public;

namespace Quorum.Data;

/// <summary>The model of the <c>/data/</c> page (template <c>data.hbs</c>).</summary>
public sealed record DataPageModel(PublicSite Site, IReadOnlyList<DataFile> Files, IReadOnlyList<DataFile> Schemas,
    IReadOnlyList<FeedLink> Feeds, IReadOnlyList<FeedLink> Calendars);

public static class DataPage
{
    public const string Title = "Open data";

    public static DataPageModel Model(PublicArchive archive, SiteUrls urls)
    {
        var site = archive.Site;
        var feeds = new List<FeedLink>
        {
            new("New minutes, all bodies", FeedPaths.Url(urls, FeedPaths.Minutes), FeedPaths.AtomType),
            new("Decisions, all bodies", FeedPaths.Url(urls, FeedPaths.Decisions), FeedPaths.AtomType),
        };
        feeds.AddRange(archive.Bodies.Select(b => new FeedLink($"New minutes of the {b.Name}", FeedPaths.Url(urls, FeedPaths.Body(b.Id)), FeedPaths.AtomType)));
        var calendars = new List<FeedLink> { new("Meetings, all bodies", FeedPaths.Url(urls, FeedPaths.Calendar), FeedPaths.CalendarType) };
        calendars.AddRange(archive.Bodies.Select(b => new FeedLink($"Meetings of the {b.Name}", FeedPaths.Url(urls, FeedPaths.BodyCalendar(b.Id)), FeedPaths.CalendarType)));
        return new DataPageModel(site, DataCatalogue.Files, DataCatalogue.Schemas, feeds, calendars);
    }
}
