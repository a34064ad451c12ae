using System.Globalization;
using Quorum.Public;

namespace Quorum.Search;

/// <summary>
/// Everything the search finds, made from the public archive only (already redacted, so nothing withheld can reach
/// the index or the documents file). The order is stable and documented, because the index is a function of it:
/// meetings oldest first, each followed by its items in the order of the minutes (a sub-item after its parent; each
/// item followed by its decisions) and then the actions raised at it; then members by name; then free pages by slug.
/// Every document of a meeting carries the meeting's date, so a later split of the index by year keeps refs and
/// the documents file as they are.
/// </summary>
public static class SearchDocuments
{
    /// <summary>Characters of text shown under a result.</summary>
    public const int ExcerptLength = 200;

    public static IReadOnlyList<SearchDocument> From(PublicArchive archive) => Enumerate(archive).ToList();

    /// <summary>
    /// The documents one at a time, in order: the index builder takes each in turn, so a decade of minutes' text is
    /// never held as strings all at once (about 250 MB at 5,000 meetings).
    /// </summary>
    public static IEnumerable<SearchDocument> Enumerate(PublicArchive archive)
    {
        // A ref is a URL: two documents at one URL would be one result. Anchors are unique by construction (checked
        // item numbers, numbered decisions), so this only guards the index against counting a ref twice.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in Part(archive, 0, archive.Meetings.Count, rest: true))
            if (seen.Add(d.Ref)) yield return d;
    }

    /// <summary>
    /// Part of <see cref="Enumerate"/>, refs not made distinct: the documents of meetings [<paramref name="from"/>,
    /// <paramref name="to"/>), then, with <paramref name="rest"/>, the members' and pages'.
    /// </summary>
    internal static IEnumerable<SearchDocument> Part(PublicArchive archive, int from, int to, bool rest)
    {
        var urls = new SiteUrls(archive.Site.BasePath);
        for (int i = from; i < to; i++)
        {
            var meeting = archive.Meetings[i];
            yield return Meeting(meeting, urls);
            foreach (var item in meeting.AllItems)
            {
                yield return Item(item, urls);
                foreach (var decision in item.Decisions)
                    yield return Decision(decision, urls);
            }
            foreach (var action in meeting.ActionsRaised)
                yield return Action(action, urls);
        }
        if (!rest) yield break;
        foreach (var member in archive.Members)
            yield return Member(member, urls);
        foreach (var page in archive.Pages.OrderBy(p => p.Slug, StringComparer.Ordinal))
            yield return Page(page, urls);
    }

    static SearchDocument Meeting(PublicMeeting m, SiteUrls urls)
    {
        // The page's summary as words: body, the date written out and as ISO (2009-01-08 indexes as 2009, 01, 08),
        // the venue; then the preamble, and notes on earlier actions that have no page of their own here.
        var lines = new List<string> { m.BodyName, LongDate(m.Date), IsoDate(m.Date) };
        if (m.Number is not null) lines.Add("Meeting " + m.Number);
        if (m.Venue is not null) lines.Add(m.Venue);
        var preamble = PlainText.Of(m.Preamble);
        if (preamble.Length > 0) lines.Add(preamble);
        foreach (var update in m.Updates.Where(u => u.Action is null && u.Note is not null))
            lines.Add(update.ActionId + ": " + PlainText.Of(update.Note));
        var text = string.Join("\n", lines);
        // Those actions' ids are searchable here too (in the id field), as this page is where they can be found.
        var orphanIds = string.Join(", ", m.Updates.Where(u => u.Action is null).Select(u => u.ActionId).Distinct(StringComparer.Ordinal));
        var excerpt = string.Join(". ", new[] { m.BodyName, LongDate(m.Date), m.Venue }.OfType<string>());
        return new SearchDocument(urls.Meeting(m.Slug), SearchKind.Meeting, m.Title, text,
            PlainText.Excerpt(preamble.Length > 0 ? excerpt + ". " + preamble : excerpt, SearchDocuments.ExcerptLength),
            m.BodyName, m.Body.Id, m.Date, Id: orphanIds.Length > 0 ? orphanIds : null, Draft: m.IsDraft);
    }

    static SearchDocument Item(PublicItem item, SiteUrls urls)
    {
        // As the meeting page heads it: "3. Title" for an item, "3.1 Title" for a sub-item.
        var title = item.Parent is null ? $"{item.Number}. {item.Title}" : $"{item.Number} {item.Title}";
        var m = item.Meeting;
        if (item.Exemption is { } exemption)
        {
            // Withheld: only its number and title are searchable; the excerpt is the public notice the page shows.
            return new SearchDocument(urls.Item(item), SearchKind.Item, title, "", exemption.Notice, m.BodyName, m.Body.Id, m.Date, Draft: m.IsDraft);
        }
        var text = PlainText.Of(item.Content);
        return new SearchDocument(urls.Item(item), SearchKind.Item, title, text, PlainText.Excerpt(text, ExcerptLength),
            m.BodyName, m.Body.Id, m.Date, Draft: m.IsDraft);
    }

    static SearchDocument Decision(PublicDecision decision, SiteUrls urls)
    {
        var m = decision.Item.Meeting;
        var text = decision.Plain;
        return new SearchDocument(urls.Decision(decision), SearchKind.Decision, "Decision: " + decision.Item.Title, text,
            PlainText.Excerpt(text, ExcerptLength), m.BodyName, m.Body.Id, m.Date, Draft: m.IsDraft);
    }

    static SearchDocument Action(PublicAction action, SiteUrls urls)
    {
        var m = action.Meeting;
        if (action.Exemption is { } exemption)
        {
            // Withheld: its id stays visible (and searchable); its text, owners and notes do not exist here.
            return new SearchDocument(urls.Action(action), SearchKind.Action, action.Id, "", exemption.Notice,
                m.BodyName, m.Body.Id, m.Date, Id: action.Id, Draft: m.IsDraft);
        }
        var own = PlainText.Of(action.Text);
        var lines = new List<string> { own };
        // Progress notes are on the action's page too.
        foreach (var update in action.Timeline.Where(u => u.Note is not null && !u.NoteWithheld))
            lines.Add(PlainText.Of(update.Note));
        var names = string.Join(", ", action.Owners.Select(o => o.Name));
        return new SearchDocument(urls.Action(action), SearchKind.Action, action.Id, string.Join("\n", lines),
            PlainText.Excerpt(own, ExcerptLength), m.BodyName, m.Body.Id, m.Date, Id: action.Id, Names: names.Length > 0 ? names : null,
            Draft: m.IsDraft);
    }

    static SearchDocument Member(PublicMember member, SiteUrls urls)
    {
        var lines = new List<string>();
        if (member.Organisation is not null) lines.Add(member.Organisation);
        foreach (var role in member.Roles) lines.Add(role.Role + ", " + role.BodyName);
        var biography = PlainText.Of(member.Biography);
        if (biography.Length > 0) lines.Add(biography);
        var text = string.Join("\n", lines);
        return new SearchDocument(urls.Member(member.Id), SearchKind.Member, member.Name, text, PlainText.Excerpt(text, ExcerptLength),
            Names: member.Aliases.Count > 0 ? string.Join(", ", member.Aliases) : null);
    }

    static SearchDocument Page(PublicPage page, SiteUrls urls)
    {
        var text = PlainText.Of(page.Content);
        return new SearchDocument(urls.Page(page.Slug), SearchKind.Page, page.Title, text, PlainText.Excerpt(text, ExcerptLength));
    }

    static string LongDate(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    internal static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
