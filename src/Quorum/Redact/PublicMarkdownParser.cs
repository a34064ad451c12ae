using Markdig;
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
    /// <param name="cache">Renderings of earlier redacts to reuse (<c>quorum serve</c>); null parses every piece.</param>
    public static PublicArchive ParseAll(PublicArchive archive, IReadOnlyDictionary<string, string> memberIdByName, MarkdownRenderingCache? cache = null)
    {
        var urls = new SiteUrls(archive.Site.BasePath);
        var membersById = archive.Members.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var phrases = memberIdByName
            .Where(p => membersById.ContainsKey(p.Value))
            .Select(p => KeyValuePair.Create(p.Key, new CrossLinkTarget(CrossLinkKind.Member, p.Value, urls.Member(p.Value))))
            .Concat(archive.Actions.Select(a => KeyValuePair.Create(a.Id, new CrossLinkTarget(CrossLinkKind.Action, a.Id, urls.Action(a.Id)))))
            .ToList();
        MarkdownPipeline Build() => MarkdownPipelines.Render(new CrossLinkMatcher(phrases));
        var pipeline = cache is null ? Build() : cache.Pipeline(phrases, Build);

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
        var keys = new MarkdownRenderingCache.Key[all.Count];
        var renderings = new MarkdownRenderingCache.Rendering[all.Count];
        var parsed = 0;
        Parallel.For(0, all.Count, i =>
        {
            var (markdown, item) = all[i];
            keys[i] = new MarkdownRenderingCache.Key(markdown.Text, item?.Number);
            if (cache?.Find(keys[i]) is not { } rendering)
            {
                rendering = Parse(markdown.Text, item, pipeline);
                Interlocked.Increment(ref parsed);
            }
            markdown.SetRendering(rendering.Html, rendering.InlineHtml, rendering.Plain);
            if (cache is null)
            {
                // A full build keeps each piece once, as UTF-8 in the archive: not its source, not its strings.
                markdown.ReleaseText();
                keys[i] = default;
                rendering = rendering with { Html = "", InlineHtml = "", Plain = "" };
            }
            renderings[i] = rendering;
        });
        cache?.Keep(keys, renderings, parsed);

        var decisions = new List<PublicDecision>();
        for (var i = 0; i < all.Count; i++)
        {
            var rendering = renderings[i];
            if (all[i].Item is not { } item) continue;
            item.MentionedMembers = rendering.MentionedMembers;
            foreach (var decision in rendering.Decisions.Select((d, n) => new PublicDecision
                     {
                         Item = item, Index = n + 1, Html = d.Html, Plain = d.Plain, MentionedMembers = d.MentionedMembers,
                     }))
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

    /// <summary>Parses one piece of public Markdown and renders it; for an item, with its decisions and mentions.</summary>
    static MarkdownRenderingCache.Rendering Parse(string text, PublicItem? item, MarkdownPipeline pipeline)
    {
        var document = Markdig.Markdown.Parse(text, pipeline);
        var decisions = item is null ? [] : document.Descendants<DecisionBlock>().Select((block, i) =>
        {
            // The meeting page's id for the block, which the register links to.
            block.SetData(DecisionExtension.AnchorKey, PublicDecision.AnchorFor(item.Number, i + 1));
            return new MarkdownRenderingCache.DecisionRendering(MarkdownHtml.Children(block), PlainText.Of(block), MentionedMembers(block));
        }).ToArray();
        var html = MarkdownHtml.Block(document);
        return new MarkdownRenderingCache.Rendering(html, MarkdownHtml.IsOneParagraph(document) ? MarkdownHtml.Inline(document) : html,
            PlainText.Of(document), item is null ? [] : MentionedMembers(document), decisions);
    }

    static string[] MentionedMembers(Block block) =>
        block.Descendants<CrossLinkInline>().Where(l => l.Target.Kind == CrossLinkKind.Member)
            .Select(l => l.Target.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
