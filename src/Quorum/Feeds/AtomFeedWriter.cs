using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Quorum.Load;
using Quorum.Public;
using Quorum.Render;

namespace Quorum.Feeds;

/// <summary>
/// The Atom feeds: new minutes for the whole site and for each body, decisions, and each member's actions. Every
/// date is a meeting's date (there is no "now" in them), entry ids are the permanent URLs of what they describe,
/// and entries are in a fixed order, so the same archive always gives the same bytes.
/// </summary>
public sealed class AtomFeedWriter
{
    const int SummaryLength = 400;

    /// <summary>
    /// Entries per feed, newest first. A feed reader only wants what is new; the whole archive is on the site and in
    /// /data/. Without a limit a decade of decisions is a feed of many megabytes, fetched again at every poll.
    /// </summary>
    public const int MaxEntries = 50;
    static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    public void Write(PublicArchive archive, ISiteOutput output)
    {
        var site = archive.Site;
        var urls = new SiteUrls(site.BasePath);
        var newestFirst = NewestFirst(archive.Meetings);

        output.Write(FeedPaths.Minutes, Serialize(Feed(archive, FeedPaths.Minutes, site.Title,
            site.Description ?? $"New and updated minutes published on {site.Title}.", urls.Meetings, site.Title,
            newestFirst.Select(m => MeetingEntry(site, urls, m)))));

        foreach (var body in archive.Bodies)
            output.Write(FeedPaths.Body(body.Id), Serialize(Feed(archive, FeedPaths.Body(body.Id), $"{body.Name}: minutes",
                $"New and updated minutes of the {body.Name}.", urls.Body(body.Id), body.Name,
                newestFirst.Where(m => m.Body == body).Select(m => MeetingEntry(site, urls, m)))));

        // Already newest first, then in the order of the minutes.
        output.Write(FeedPaths.Decisions, Serialize(Feed(archive, FeedPaths.Decisions, $"{site.Title}: decisions",
            $"Decisions recorded in the minutes published on {site.Title}.", urls.Decisions, site.Title,
            archive.Decisions.Select(d => DecisionEntry(site, urls, d)))));

        foreach (var member in archive.Members)
        {
            var changed = member.ActionsOwned.Select(a => new Changed(a, a.LastChanged)).ToList();
            changed.Sort(LatestChangeFirst);
            var actions = changed.Select(x => ActionEntry(site, urls, x.Action, x.Updated));
            output.Write(FeedPaths.MemberActions(member.Id), Serialize(Feed(archive, FeedPaths.MemberActions(member.Id),
                $"Actions for {member.Name}", $"Actions recorded for {member.Name} in the minutes published on {site.Title}.",
                urls.Member(member.Id), site.Title, actions)));
        }
    }

    /// <summary>An action with the date it last changed. A class, and a sort by comparison, not a query's ordering
    /// of value tuples: the ahead-of-time image holds no code for those, so the JIT compiled a dozen methods for it in
    /// every build (`benchmarks/jit.sh`).</summary>
    sealed record Changed(PublicAction Action, DateOnly Updated);

    // Latest change first, then by id (an action's id is unique, so the order is total).
    static readonly Comparison<Changed> LatestChangeFirst = (x, y) =>
        y.Updated.CompareTo(x.Updated) is var c && c != 0 ? c : string.CompareOrdinal(x.Action.Id, y.Action.Id);

    internal static List<PublicMeeting> NewestFirst(IEnumerable<PublicMeeting> meetings) =>
        meetings.OrderByDescending(m => m.Date).ThenBy(m => m.Slug, StringComparer.Ordinal).ToList();

    static SyndicationFeed Feed(PublicArchive archive, string path, string title, string subtitle, string pageUrl, string author,
        IEnumerable<SyndicationItem> entries)
    {
        var site = archive.Site;
        var self = FeedPaths.Absolute(site, site.BasePath + path);
        var items = entries.Take(MaxEntries).ToList();
        var feed = new SyndicationFeed
        {
            Id = self,
            Title = new TextSyndicationContent(title),
            Description = new TextSyndicationContent(subtitle),
            Language = site.Language,
            // An empty feed still needs an <updated>: the date of the newest minutes on the site, else (no minutes at
            // all) the build date, the only date there is.
            LastUpdatedTime = items.Count > 0 ? items.Max(i => i.LastUpdatedTime)
                : MeetingTimes.Midnight(archive.Meetings.Count > 0 ? archive.Meetings.Max(m => m.Date) : archive.BuildDate),
            Copyright = new TextSyndicationContent($"Published under the {site.Licence}: {site.LicenceUrl}"),
            Items = items,
        };
        feed.Authors.Add(new SyndicationPerson { Name = author, Uri = FeedPaths.Absolute(site, site.BasePath) });
        feed.Links.Add(new SyndicationLink(new Uri(self), "self", title, FeedPaths.AtomType, 0));
        feed.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(FeedPaths.Absolute(site, pageUrl)), "text/html"));
        return feed;
    }

    static SyndicationItem MeetingEntry(PublicSite site, SiteUrls urls, PublicMeeting m)
    {
        var url = FeedPaths.Absolute(site, urls.Meeting(m.Slug));
        var date = MeetingTimes.Midnight(m.Date);
        var item = new SyndicationItem
        {
            Id = url,
            Title = new TextSyndicationContent(m.IsDraft ? m.Title + " (draft)" : m.Title),
            Summary = new TextSyndicationContent(MeetingSummary(m)),
            PublishDate = date,
            LastUpdatedTime = date,
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url), "text/html"));
        item.Categories.Add(new SyndicationCategory(m.Body.Id, null, m.BodyName));
        return item;
    }

    /// <summary>The opening of the minutes as plain text, after a line saying whose meeting it was and when.</summary>
    internal static string MeetingSummary(PublicMeeting m)
    {
        var sb = new StringBuilder();
        sb.Append(m.IsDraft ? "Draft minutes (not yet approved) of the " : "Minutes of the ")
            .Append(m.BodyName).Append(" meeting of ").Append(ThemeHelpers.LongDate(m.Date));
        if (m.Venue is not null) sb.Append(", ").Append(m.Venue);
        sb.Append(". ");
        return PlainText.OneLine(sb.ToString()) + " " + PlainText.Excerpt(MeetingText(m, SummaryLength), SummaryLength);
    }

    /// <summary>
    /// The public text of a meeting in reading order (preamble, then each item's number, title and text, or its
    /// notice), as far as an excerpt of <paramref name="excerpt"/> characters needs: once its first
    /// <paramref name="excerpt"/> + 1 characters on one line are there, more text cannot change the excerpt (a feed
    /// entry's summary once decoded and joined every item of the meeting to keep 400 characters).
    /// </summary>
    internal static string MeetingText(PublicMeeting m, int excerpt)
    {
        var text = new StringBuilder();
        foreach (var part in MeetingParts(m))
        {
            if (part.Length == 0) continue;
            if (text.Length > 0) text.Append("\n\n");
            text.Append(part);
            if (PlainText.OneLine(text.ToString()).Length > excerpt) break;
        }
        return text.ToString();
    }

    static IEnumerable<string> MeetingParts(PublicMeeting m)
    {
        yield return PlainText.Of(m.Preamble);
        foreach (var item in m.AllItems)
        {
            yield return $"{item.Number}{(item.Parent is null ? "." : "")} {item.Title}.";
            yield return item.Exemption is { } e ? e.Notice : PlainText.Of(item.Content);
        }
    }

    static SyndicationItem DecisionEntry(PublicSite site, SiteUrls urls, PublicDecision d)
    {
        var m = d.Item.Meeting;
        var url = FeedPaths.Absolute(site, urls.Decision(d));
        var date = MeetingTimes.Midnight(m.Date);
        var title = $"{m.Title}{(m.IsDraft ? " (draft)" : "")}: item {d.Item.Number} {d.Item.Title}";
        if (d.Item.Decisions.Count > 1) title += $" (decision {d.Index})";
        var item = new SyndicationItem
        {
            Id = url,
            Title = new TextSyndicationContent(title),
            Summary = new TextSyndicationContent(PlainText.OneLine(d.Plain)),
            PublishDate = date,
            LastUpdatedTime = date,
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url), "text/html"));
        item.Categories.Add(new SyndicationCategory(m.Body.Id, null, m.BodyName));
        return item;
    }

    static SyndicationItem ActionEntry(PublicSite site, SiteUrls urls, PublicAction a, DateOnly updated)
    {
        var url = FeedPaths.Absolute(site, urls.Action(a));
        var status = a.Status == ActionStatus.Open ? "open" : "closed";
        var summary = new StringBuilder();
        if (a.Exemption is { } e) summary.Append(e.Notice);
        else summary.Append(Sentence(a.Text?.PlainOneLine ?? ""));
        summary.Append(" Raised at the ").Append(a.Meeting.BodyName).Append(" meeting of ").Append(ThemeHelpers.LongDate(a.Meeting.Date)).Append('.');
        if (a.Due is { } due) summary.Append(" Due ").Append(ThemeHelpers.LongDate(due)).Append('.');
        summary.Append(" Status: ").Append(status).Append('.');
        var last = a.Timeline.LastOrDefault();
        if (last is not null)
        {
            summary.Append(" Last reported at the meeting of ").Append(ThemeHelpers.LongDate(last.Meeting.Date));
            summary.Append(last.Note is null ? "." : ": " + Sentence(last.Note.PlainOneLine));
        }
        var item = new SyndicationItem
        {
            Id = url,
            Title = new TextSyndicationContent($"Action {a.Id} ({status})"),
            Summary = new TextSyndicationContent(PlainText.OneLine(summary.ToString())),
            PublishDate = MeetingTimes.Midnight(a.Meeting.Date),
            LastUpdatedTime = MeetingTimes.Midnight(updated),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url), "text/html"));
        return item;
    }

    static string Sentence(string text) => text.Length == 0 || ".!?".Contains(text[^1]) ? text : text + ".";

    static byte[] Serialize(SyndicationFeed feed)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
            new Atom10FeedFormatter(feed).WriteTo(writer);
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
