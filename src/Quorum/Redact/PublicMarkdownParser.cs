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

        var all = new List<PublicMarkdown>();
        all.AddRange(archive.Members.Select(m => m.Biography));
        all.AddRange(archive.Pages.Select(p => p.Content));
        foreach (var m in archive.Meetings)
        {
            all.Add(m.Preamble);
            all.AddRange(m.AllItems.Select(i => i.Content));
            all.AddRange(m.ActionsRaised.Select(a => a.Text).OfType<PublicMarkdown>());
            all.AddRange(m.Updates.Select(u => u.Note).OfType<PublicMarkdown>());
        }
        Parallel.ForEach(all, md => md.Document = Markdig.Markdown.Parse(md.Text, pipeline));

        var decisions = new List<PublicDecision>();
        foreach (var meeting in archive.Meetings)
            foreach (var item in meeting.AllItems)
            {
                if (item.Content.Document is not { } doc) continue;
                var index = 0;
                foreach (var block in doc.Descendants<DecisionBlock>())
                {
                    var decision = new PublicDecision { Item = item, Index = ++index, Block = block };
                    block.SetData(DecisionExtension.AnchorKey, decision.Anchor);
                    item.Decisions.Add(decision);
                    decisions.Add(decision);
                    foreach (var id in MentionedMembers(block)) membersById[id].DecisionsMentioning.Add(decision);
                }
                foreach (var id in MentionedMembers(doc)) membersById[id].MentionedIn.Add(item);
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

    static IEnumerable<string> MentionedMembers(Block block) =>
        block.Descendants<CrossLinkInline>().Where(l => l.Target.Kind == CrossLinkKind.Member)
            .Select(l => l.Target.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}
