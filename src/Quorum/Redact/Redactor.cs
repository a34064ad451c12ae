using Quorum.Load;
using Quorum.Public;
using Quorum.Resolve;

namespace Quorum.Redact;

/// <summary>
/// The redact phase, the one place where anything is withheld: turns the archive into the public archive for a
/// build date. Unpublished meetings are dropped whole; exempt items keep number, title and anchor only; exempt
/// blocks become notices; exempt actions keep id, meeting and status only. Everything derived later (pages,
/// mentions, counts, the search index, feeds) is derived from what this returns.
/// </summary>
public static class Redactor
{
    /// <param name="cache">
    /// What <c>quorum serve</c> keeps from the last redact: with one, unchanged meetings keep their public objects and
    /// only what crosses meetings is linked again (<see cref="IncrementalRedactor"/>); null for a build.
    /// </param>
    /// <param name="releaseSource">
    /// A build's: each meeting's Markdown lines are released as soon as its public text is cut from them, so the raw
    /// input and the public archive are not both held whole. The archive cannot be redacted again afterwards.
    /// </param>
    public static PublicArchive Redact(Archive archive, DateOnly buildDate, RedactCache? cache = null, bool releaseSource = false) =>
        cache is not null ? cache.Redactor.Redact(archive, buildDate)
            : Redact(archive, buildDate, releaseSource, parts: releaseSource && LargeHeap.IsLarge ? 2 : 1);

    /// <summary>As a build's redact, the meetings in <paramref name="parts"/> parts with a collection of a large heap between them.</summary>
    internal static PublicArchive Redact(Archive archive, DateOnly buildDate, bool releaseSource, int parts)
    {
        PublicText publicText = (markdown, range) => TextRedaction.PublicText(markdown, range, buildDate);
        var bodies = Bodies(archive);
        var members = Members(archive, bodies, publicText);
        var site = Site(archive.Site);
        var published = archive.Meetings.Where(m => m.Raw.Publish && m.Body is not null).ToList();
        if (releaseSource)
            foreach (var meeting in archive.Meetings.Where(m => !m.Raw.Publish || m.Body is null)) meeting.Raw.Markdown.ReleaseLines();

        // Names and action ids are linked wherever they appear, so the phrases come first: the ids are those the
        // published meetings raise, in the order they are first raised (the order of the public actions below).
        var actionIds = published.SelectMany(m => m.ActionsRaised).Select(a => a.Id).Distinct(StringComparer.Ordinal);
        PublicTextParser parser = null!;
        List<List<ActionRecord>> raisedFirst = null!;
        // Side by side: each is one thread's work (about 10 ms each at 1,000 meetings), and neither needs the other.
        SideBySide.Run(
            () => parser = PublicMarkdownParser.Parser(PublicMarkdownParser.Phrases(site,
                archive.MembersByName.Select(p => KeyValuePair.Create(p.Key, p.Value.Id)), members, actionIds)),
            () => raisedFirst = RaisedFirst(published));

        // Each meeting's text is cut from its lines and parsed at once, on any thread: its public text lives only
        // while its pieces are parsed, and its lines go as soon as it is done (so neither the raw input, the public
        // text nor the parsed documents are ever held whole). A large archive's lines released in the first half are
        // collected before the second (LargeHeap), the rest before the pages: a 5,000-meeting build otherwise held its
        // released input beside its public archive, 1,020 MB by the end of redact; so, 816-826 MB.
        var meetings = new PublicMeeting[published.Count];
        for (int part = 0; part < parts; part++)
        {
            if (part > 0) LargeHeap.CollectIfLarge();
            Parallel.For(published.Count * part / parts, published.Count * (part + 1) / parts, i =>
            {
                var meeting = published[i];
                var pm = Meeting(meeting, bodies[meeting.Body!.Id], members, buildDate, publicText);
                if (releaseSource) meeting.Raw.Markdown.ReleaseLines();
                PublicMarkdownParser.Parse(pm.Preamble, null, parser);
                foreach (var item in pm.AllItems) PublicMarkdownParser.Parse(item.Content, item, parser);
                pm.ActionsRaised.AddRange(Actions(raisedFirst[i], pm, members, buildDate));
                meetings[i] = pm;
            });
        }

        var actions = new List<PublicAction>();
        var actionsById = new Dictionary<string, PublicAction>(StringComparer.Ordinal);
        foreach (var pm in meetings)
            foreach (var pa in pm.ActionsRaised)
            {
                actions.Add(pa);
                actionsById[pa.Id] = pa;
            }
        // Updates after all actions exist: an update may come before the raising meeting in file order.
        foreach (var (meeting, pm) in published.Zip(meetings))
            foreach (var pu in Updates(meeting, pm, actionsById))
            {
                pm.Updates.Add(pu);
                pu.Action?.Timeline.Add(pu);
            }
        Link(meetings);

        var pages = archive.Pages.Select(p => Page(p, publicText)).ToList();
        // The rest of the text: biographies, pages, actions' texts and updates' notes (short, and cut above).
        var rest = members.Values.Select(m => m.Biography).Concat(pages.Select(p => p.Content))
            .Concat(actions.Select(a => a.Text)).Concat(meetings.SelectMany(m => m.Updates).Select(u => u.Note))
            .OfType<PublicMarkdown>().ToList();
        // Members' mentions come from the meetings' items, parsed above, so they are linked beside the rest's parse.
        // The decisions register's order too (a sort of every decision, 6 ms at 1,000 meetings, one core's work).
        List<PublicDecision> decisions = null!;
        SideBySide.Run(
            () => Parallel.ForEach(rest, markdown => PublicMarkdownParser.Parse(markdown, null, parser)),
            () => PublicMarkdownParser.LinkMentions(meetings, members),
            () => decisions = meetings.SelectMany(m => m.AllItems).SelectMany(i => i.Decisions)
                .OrderByDescending(d => d.Item.Meeting.Date)
                .ThenBy(d => d.Item.Meeting.Slug, StringComparer.Ordinal) // then in the order of the minutes
                .ToList());
        return new PublicArchive
        {
            Site = site,
            BuildDate = buildDate,
            Bodies = bodies.Values.ToList(),
            Members = SortedMembers(members),
            Meetings = meetings,
            Actions = actions,
            Decisions = decisions,
            Pages = pages,
        };
    }

    internal static PublicSite Site(RawSiteConfig site) =>
        new(site.Title, site.BaseUrl, site.Language, site.Description, site.EditUrl,
            site.Licence ?? "Open Government Licence v3.0",
            site.LicenceUrl ?? "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/");

    internal static Dictionary<string, PublicBody> Bodies(Archive archive) =>
        archive.Bodies.Values.OrderBy(b => b.Id, StringComparer.Ordinal).ToDictionary(b => b.Id, b => new PublicBody
        {
            Id = b.Id,
            Name = b.Raw.Name,
            Description = b.Raw.Description,
            FormerNames = b.Raw.FormerNames.OrderBy(f => f.Until).Select(f => new PublicFormerName(f.Name, f.Until)).ToList(),
            SourcePath = b.Raw.SourcePath,
        }, StringComparer.Ordinal);

    /// <summary>The public members, in the order of the archive's, each in its bodies' lists of roles.</summary>
    internal static Dictionary<string, PublicMember> Members(Archive archive, Dictionary<string, PublicBody> bodies, PublicText publicText)
    {
        var members = archive.Members.Values.ToDictionary(m => m.Id, m => new PublicMember
        {
            Id = m.Id,
            Name = m.Name,
            Aliases = m.Raw.Aliases.Select(a => a.Value).Distinct().ToList(),
            Organisation = m.Raw.Organisation,
            Roles = m.Raw.Roles.Select(r => new PublicRole(r.Body.Value,
                bodies.TryGetValue(r.Body.Value, out var b) ? b.Name : r.Body.Value, r.Role, r.From, r.Until)).ToList(),
            Biography = new PublicMarkdown(publicText(m.Raw.Biography, m.Raw.Biography.All)),
            SourcePath = m.Raw.SourcePath,
        }, StringComparer.Ordinal);
        foreach (var m in members.Values)
            foreach (var role in m.Roles)
                if (bodies.TryGetValue(role.BodyId, out var b)) b.Roles.Add((m, role));
        return members;
    }

    internal static List<PublicMember> SortedMembers(Dictionary<string, PublicMember> members) =>
        members.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();

    internal static PublicPage Page(RawPage p, PublicText publicText) => new()
    {
        Slug = p.Slug,
        Title = p.Title,
        Content = new PublicMarkdown(publicText(p.Markdown, p.Markdown.All)),
        SourcePath = p.SourcePath,
    };

    /// <summary>
    /// Which actions each meeting publishes as raised by it (an id raised again later is not a second action): known
    /// from the ids alone, so each meeting's public actions are made with it, on any thread, rather than one after
    /// another once all are parsed (at 1,000 meetings that was 25 ms with the other core idle).
    /// </summary>
    static List<List<ActionRecord>> RaisedFirst(List<Meeting> published)
    {
        var idsRaised = new HashSet<string>(StringComparer.Ordinal);
        var raisedFirst = new List<List<ActionRecord>>(published.Count);
        foreach (var m in published)
        {
            var first = FirstRaised(m, idsRaised.Contains);
            foreach (var a in first) idsRaised.Add(a.Id);
            raisedFirst.Add(first);
        }
        return raisedFirst;
    }

    /// <summary>
    /// The actions a meeting publishes as raised by it: each of its actions whose id no earlier published meeting
    /// raised (<paramref name="raisedEarlier"/>) nor an earlier action of its own.
    /// </summary>
    internal static List<ActionRecord> FirstRaised(Meeting meeting, Func<string, bool> raisedEarlier)
    {
        var first = new List<ActionRecord>(meeting.ActionsRaised.Count);
        foreach (var action in meeting.ActionsRaised)
            if (!raisedEarlier(action.Id) && !first.Exists(a => a.Id == action.Id)) first.Add(action);
        return first;
    }

    /// <summary>The public actions of a meeting (<see cref="FirstRaised"/>), in order.</summary>
    internal static IEnumerable<PublicAction> Actions(IEnumerable<ActionRecord> raised, PublicMeeting pm, Dictionary<string, PublicMember> members, DateOnly date)
    {
        Dictionary<string, PublicItem>? items = null; // by number, the first of each, when an action needs it
        foreach (var action in raised)
            yield return Action(action, pm, members, date, () => items ??= ItemsByNumber(pm));
    }

    /// <summary>A meeting's public updates, each with the public action it is about (none for one not in the public archive).</summary>
    internal static IEnumerable<PublicUpdate> Updates(Meeting meeting, PublicMeeting pm, Dictionary<string, PublicAction> actionsById)
    {
        foreach (var (update, _) in meeting.Updates)
        {
            var action = actionsById.GetValueOrDefault(update.ActionId.Value);
            var withheld = action?.Exemption is not null;
            yield return new PublicUpdate
            {
                Meeting = pm,
                ActionId = update.ActionId.Value,
                Action = action,
                Status = update.StatusGiven ? update.Status : null,
                Note = withheld || update.Note is null ? null : new PublicMarkdown(update.Note),
                NoteWithheld = withheld && update.Note is not null,
            };
        }
    }

    /// <summary>The public text of a range of Markdown (<see cref="TextRedaction.PublicText"/> for the build date).</summary>
    internal delegate string PublicText(RawMarkdown markdown, RawRange range);

    internal static PublicMeeting Meeting(Meeting meeting, PublicBody body, Dictionary<string, PublicMember> members, DateOnly date, PublicText publicText)
    {
        var raw = meeting.Raw;
        List<PublicAttendee> Group(AttendanceGroup g) => meeting.Attendance.Where(a => a.Group == g)
            .Select(a => new PublicAttendee(members[a.Member.Id], a.Note)).ToList();
        var pm = new PublicMeeting
        {
            Slug = meeting.Slug,
            Body = body,
            BodyName = meeting.BodyName,
            Date = meeting.Date,
            Number = raw.Number,
            Title = meeting.Title,
            Start = raw.Start,
            End = raw.End,
            Venue = raw.Venue,
            IsDraft = raw.IsDraft,
            Present = Group(AttendanceGroup.Present),
            InAttendance = Group(AttendanceGroup.InAttendance),
            Apologies = Group(AttendanceGroup.Apologies),
            Preamble = new PublicMarkdown(publicText(raw.Markdown, raw.Preamble)),
            NextMeeting = raw.NextMeeting is { } n ? new PublicNextMeeting(n.Date, n.Start, n.End, n.Venue) : null,
            SourcePath = raw.SourcePath,
        };
        foreach (var item in raw.Items)
        {
            var pi = Item(item, pm, null, raw.Markdown, date, publicText);
            pm.Items.Add(pi);
        }
        return pm;
    }

    static PublicItem Item(RawItem item, PublicMeeting meeting, PublicItem? parent, RawMarkdown markdown, DateOnly date, PublicText publicText)
    {
        var exemption = item.Exemption is { } e && e.AppliesOn(date) ? new PublicExemption(e.Ground, e.Until) : null;
        var pi = new PublicItem
        {
            Meeting = meeting,
            Number = item.Number,
            Title = item.Title,
            Level = item.Level,
            Parent = parent,
            Exemption = exemption,
            Content = new PublicMarkdown(exemption is null ? publicText(markdown, item.Content) : ""),
        };
        // An exempt item withholds its sub-items too: not even their titles are published.
        if (exemption is null)
            foreach (var sub in item.SubItems) pi.SubItems.Add(Item(sub, meeting, pi, markdown, date, publicText));
        return pi;
    }

    static Dictionary<string, PublicItem> ItemsByNumber(PublicMeeting meeting)
    {
        var items = new Dictionary<string, PublicItem>(StringComparer.Ordinal);
        foreach (var item in meeting.AllItems) items.TryAdd(item.Number, item);
        return items;
    }

    static PublicAction Action(ActionRecord action, PublicMeeting meeting, Dictionary<string, PublicMember> members, DateOnly date,
        Func<Dictionary<string, PublicItem>> itemsByNumber)
    {
        var exemption = ActionExemption(action, date);
        if (exemption is not null)
            return new PublicAction { Id = action.Id, Slug = action.Slug, Meeting = meeting, Exemption = exemption, Owners = [] };
        var item = action.Item is { } raw ? itemsByNumber().GetValueOrDefault(raw.Number) : null;
        return new PublicAction
        {
            Id = action.Id,
            Slug = action.Slug,
            Meeting = meeting,
            Item = item,
            Text = new PublicMarkdown(action.Raw.Text),
            Owners = action.Owners.Select(o => members[o.Id]).ToList(),
            Due = action.Raw.Due,
        };
    }

    /// <summary>Its own exemption, else (unless it says <c>exempt: false</c>) that of the item it arose under or that item's parent.</summary>
    internal static PublicExemption? ActionExemption(ActionRecord action, DateOnly date)
    {
        if (action.Raw.Exemption is { } own)
            return own.AppliesOn(date) ? new PublicExemption(own.Ground, own.Until) : null;
        if (action.Raw.ExplicitlyNotExempt || action.Item is null) return null;
        var parent = action.Meeting.Raw.Items.FirstOrDefault(i => i.SubItems.Contains(action.Item));
        foreach (var e in new[] { action.Item.Exemption, parent?.Exemption })
            if (e is not null && e.AppliesOn(date)) return new PublicExemption(e.Ground, e.Until);
        return null;
    }

    /// <summary>
    /// Links what crosses meetings, oldest meeting first: each body's meetings and their previous/next, and members'
    /// attendance and actions. The lists must start empty (<c>quorum serve</c> empties those of objects it reuses).
    /// </summary>
    internal static void Link(IReadOnlyList<PublicMeeting> meetings)
    {
        foreach (var group in meetings.GroupBy(m => m.Body.Id))
        {
            PublicMeeting? previous = null;
            foreach (var m in group)
            {
                m.Body.Meetings.Add(m);
                m.Previous = previous;
                if (previous is not null) previous.Next = m;
                previous = m;
            }
        }
        foreach (var m in meetings)
        {
            foreach (var a in m.Present) a.Member.Attendance.Add(new PublicAttendance(m, AttendanceGroup.Present, a.Note));
            foreach (var a in m.InAttendance) a.Member.Attendance.Add(new PublicAttendance(m, AttendanceGroup.InAttendance, a.Note));
            foreach (var a in m.Apologies) a.Member.Attendance.Add(new PublicAttendance(m, AttendanceGroup.Apologies, a.Note));
            foreach (var action in m.ActionsRaised)
                foreach (var owner in action.Owners) owner.ActionsOwned.Add(action);
        }
    }
}
