using Markdig.Syntax;
using Quorum.Load;
using Quorum.Markdown.CrossLinks;
using Quorum.Markdown.Decisions;
using Quorum.Public;

namespace Quorum.Redact;

/// <summary>
/// Parses each piece of public Markdown once, linking names and action ids, and derives what depends on the text
/// (decisions, mentions) from the public text only (the redactor calls it on each piece as it is cut).
/// </summary>
public static class PublicMarkdownParser
{
    /// <summary>What is kept of one parsed piece (a full build keeps only its decisions and mentions, the rest is in the piece).</summary>
    internal sealed record Rendering(byte[] Html, byte[] InlineHtml, byte[] Plain, string[] MentionedMembers, DecisionRendering[] Decisions);

    internal sealed record DecisionRendering(string Html, string Plain, string[] MentionedMembers);

    /// <summary>
    /// Parses one piece once and keeps its rendering, as UTF-8, in place of its source; for an item, sets its
    /// decisions and mentions. The parsed document is not kept.
    /// </summary>
    public static void Parse(PublicMarkdown markdown, PublicItem? item, PublicTextParser parser)
    {
        var rendering = Parse(markdown.Text, item, parser);
        markdown.SetRendering(rendering.Html, rendering.InlineHtml, rendering.Plain);
        markdown.ReleaseText();
        if (item is not null) SetDecisionsAndMentions(item, rendering);
    }

    /// <summary>The cross-link phrases: members' names and aliases (those naming a public member), then action ids, with their URLs.</summary>
    internal static List<KeyValuePair<string, CrossLinkTarget>> Phrases(PublicSite site, IEnumerable<KeyValuePair<string, string>> memberIdByName,
        IReadOnlyDictionary<string, PublicMember> membersById, IEnumerable<string> actionIds)
    {
        var urls = new SiteUrls(site.BasePath);
        return memberIdByName
            .Where(p => membersById.ContainsKey(p.Value))
            .Select(p => KeyValuePair.Create(p.Key, new CrossLinkTarget(CrossLinkKind.Member, p.Value, urls.Member(p.Value))))
            .Concat(actionIds.Select(id => KeyValuePair.Create(id, new CrossLinkTarget(CrossLinkKind.Action, id, urls.Action(id)))))
            .ToList();
    }

    internal static PublicTextParser Parser(IEnumerable<KeyValuePair<string, CrossLinkTarget>> phrases) => new(new CrossLinkMatcher(phrases));

    /// <summary>An item's decisions and mentions from its content's rendering (replacing any it had).</summary>
    internal static void SetDecisionsAndMentions(PublicItem item, Rendering rendering)
    {
        item.MentionedMembers = rendering.MentionedMembers;
        item.Decisions.Clear();
        for (var n = 0; n < rendering.Decisions.Length; n++)
        {
            var d = rendering.Decisions[n];
            item.Decisions.Add(new PublicDecision { Item = item, Index = n + 1, Html = d.Html, Plain = d.Plain, MentionedMembers = d.MentionedMembers });
        }
    }

    /// <summary>
    /// Members' mentions and decisions that mention them, in the order of the minutes (meetings oldest first). The
    /// lists must start empty (<c>quorum serve</c> empties those of members it reuses).
    /// </summary>
    internal static void LinkMentions(IEnumerable<PublicMeeting> meetings, IReadOnlyDictionary<string, PublicMember> membersById)
    {
        foreach (var m in meetings)
            foreach (var item in m.AllItems)
            {
                foreach (var decision in item.Decisions)
                    foreach (var id in decision.MentionedMembers) membersById[id].DecisionsMentioning.Add(decision);
                foreach (var id in item.MentionedMembers) membersById[id].MentionedIn.Add(item);
            }
    }

    /// <summary>Parses one piece of public Markdown and renders it; for an item, with its decisions and mentions.</summary>
    internal static Rendering Parse(string text, PublicItem? item, PublicTextParser parser)
    {
        var document = parser.Parse(text);
        // The links the parse made, kept by the cross-linker: no walk of every inline to find them again.
        var links = CrossLinksExtension.LinksIn(document);
        var decisions = item is null ? [] : Decisions(document, item, links);
        var html = MarkdownHtml.BlockUtf8(document);
        return new Rendering(html, MarkdownHtml.IsOneParagraph(document) ? MarkdownHtml.InlineUtf8(document) : html,
            PlainText.Utf8Of(document), item is null ? [] : MentionedMembers(links, within: null), decisions);
    }

    /// <summary>The item's decisions in the order of the text (most items have none: then nothing is allocated).</summary>
    static DecisionRendering[] Decisions(MarkdownDocument document, PublicItem item, IReadOnlyList<CrossLinkInline> links)
    {
        List<DecisionBlock>? blocks = null;
        FindDecisions(document, ref blocks);
        if (blocks is null) return [];
        var decisions = new DecisionRendering[blocks.Count];
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            // The meeting page's id for the block, which the register links to.
            block.SetData(DecisionExtension.AnchorKey, PublicDecision.AnchorFor(item.Number, i + 1));
            decisions[i] = new DecisionRendering(MarkdownHtml.Children(block), PlainText.Of(block), MentionedMembers(links, within: block));
        }
        return decisions;
    }

    // Blocks only, walked by hand in document order (as Markdig's Descendants would, without its enumerators).
    static void FindDecisions(ContainerBlock container, ref List<DecisionBlock>? found)
    {
        foreach (var block in container)
        {
            if (block is DecisionBlock decision) (found ??= []).Add(decision);
            if (block is ContainerBlock inner) FindDecisions(inner, ref found);
        }
    }

    /// <summary>The ids of the members the links name (those within a block, if given), sorted, each once.</summary>
    static string[] MentionedMembers(IReadOnlyList<CrossLinkInline> links, Block? within)
    {
        List<string>? ids = null;
        foreach (var link in links)
            if (link.Target.Kind == CrossLinkKind.Member && (within is null || IsWithin(link, within)))
                (ids ??= []).Add(link.Target.Id);
        if (ids is null) return [];
        ids.Sort(StringComparer.Ordinal);
        int kept = 0;
        for (int i = 0; i < ids.Count; i++)
            if (kept == 0 || ids[i] != ids[kept - 1]) ids[kept++] = ids[i];
        ids.RemoveRange(kept, ids.Count - kept);
        return [.. ids];
    }

    /// <summary>Whether an inline is in a block's text (the block, or a block inside it, holds the inline's paragraph).</summary>
    static bool IsWithin(Markdig.Syntax.Inlines.Inline inline, Block block)
    {
        var top = inline.Parent;
        while (top?.Parent is { } up) top = up;
        for (Block? b = top?.ParentBlock; b is not null; b = b.Parent)
            if (b == block) return true;
        return false;
    }
}
