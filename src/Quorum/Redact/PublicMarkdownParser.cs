using Markdig.Syntax;
using Quorum.Load;
using Quorum.Markdown.CrossLinks;
using Quorum.Markdown.Decisions;
using Quorum.Public;

namespace Quorum.Redact;

/// <summary>
/// The redact phase's last step: parses every piece of public Markdown once (in parallel), linking names and
/// action ids, and derives what depends on the text (decisions, mentions) from the public text only.
/// </summary>
public static class PublicMarkdownParser
{
    public static PublicArchive ParseAll(PublicArchive archive, IReadOnlyDictionary<string, string> memberIdByName)
    {
        var urls = new SiteUrls(archive.Site.BasePath);
        var membersById = archive.Members.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var phrases = memberIdByName
            .Where(p => membersById.ContainsKey(p.Value))
            .Select(p => KeyValuePair.Create(p.Key, new CrossLinkTarget(CrossLinkKind.Member, p.Value, urls.Member(p.Value))))
            .Concat(archive.Actions.Select(a => KeyValuePair.Create(a.Id, new CrossLinkTarget(CrossLinkKind.Action, a.Id, urls.Action(a.Id)))));
        var pipeline = MarkdownPipelines.Render(new CrossLinkMatcher(phrases));

        var all = new List<(PublicMarkdown Markdown, PublicItem? Item)>();
        all.AddRange(archive.Members.Select(m => (m.Biography, (PublicItem?)null)));
        all.AddRange(archive.Pages.Select(p => (p.Content, (PublicItem?)null)));
        foreach (var m in archive.Meetings)
        {
            all.Add((m.Preamble, null));
            all.AddRange(m.AllItems.Select(i => (i.Content, (PublicItem?)i)));
            all.AddRange(m.ActionsRaised.Select(a => a.Text).OfType<PublicMarkdown>().Select(t => (t, (PublicItem?)null)));
            all.AddRange(m.Updates.Select(u => u.Note).OfType<PublicMarkdown>().Select(n => (n, (PublicItem?)null)));
        }
        // Each piece is parsed, its decisions found, and rendered to HTML and plain text on one thread; only the
        // strings are kept, so the parsed documents can be collected as soon as each piece is done.
        var found = new PublicDecision[all.Count][];
        Parallel.For(0, all.Count, i => found[i] = Parse(all[i].Markdown, all[i].Item, pipeline));

        var decisions = new List<PublicDecision>();
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Item is not { } item) continue;
            foreach (var decision in found[i])
            {
                item.Decisions.Add(decision);
                decisions.Add(decision);
                foreach (var id in decision.MentionedMembers) membersById[id].DecisionsMentioning.Add(decision);
            }
            foreach (var id in item.MentionedMembers) membersById[id].MentionedIn.Add(item);
        }

        return new PublicArchive
        {
            Site = archive.Site,
            BuildDate = archive.BuildDate,
            Bodies = archive.Bodies,
            Members = archive.Members,
            Meetings = archive.Meetings,
            Actions = archive.Actions,
            Decisions = decisions
                .OrderByDescending(d => d.Item.Meeting.Date)
                .ThenBy(d => d.Item.Meeting.Slug, StringComparer.Ordinal) // then in the order of the minutes
                .ToList(),
            Pages = archive.Pages,
        };
    }

    /// <summary>Parses one piece of public Markdown and keeps its renderings; for an item, returns its decisions.</summary>
    static PublicDecision[] Parse(PublicMarkdown markdown, PublicItem? item, Markdig.MarkdownPipeline pipeline)
    {
        var document = Markdig.Markdown.Parse(markdown.Text, pipeline);
        var decisions = item is null ? [] : document.Descendants<DecisionBlock>().Select((block, i) =>
        {
            var decision = new PublicDecision
            {
                Item = item, Index = i + 1, Html = MarkdownHtml.Children(block), Plain = PlainText.Of(block),
                MentionedMembers = MentionedMembers(block),
            };
            block.SetData(DecisionExtension.AnchorKey, decision.Anchor); // the meeting page's id for the block
            return decision;
        }).ToArray();
        if (item is not null) item.MentionedMembers = MentionedMembers(document);
        markdown.Html = MarkdownHtml.Block(document);
        markdown.InlineHtml = MarkdownHtml.IsOneParagraph(document) ? MarkdownHtml.Inline(document) : markdown.Html;
        markdown.Plain = PlainText.Of(document);
        return decisions;
    }

    static string[] MentionedMembers(Block block) =>
        block.Descendants<CrossLinkInline>().Where(l => l.Target.Kind == CrossLinkKind.Member)
            .Select(l => l.Target.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
