using Quorum.Load;
using Quorum.Markdown.CrossLinks;
using Quorum.Public;
using Quorum.Resolve;

namespace Quorum.Redact;

/// <summary>
/// <see cref="Redactor.Redact"/> for <c>quorum serve</c>, which redacts the archive again after every save. A public
/// meeting (with its items, the actions it raises and their renderings) is a function of its resolved meeting, the
/// public bodies and members, the build date, which of its actions no earlier meeting raised, and the cross-link
/// phrases; while those are the same, the meeting's public objects of the last redact are kept as they are. Its
/// updates are kept while each still names the same public action. Only what crosses meetings is made again on every
/// save, from the kept and the new objects alike, exactly as a full redact links it: each body's meetings and their
/// previous/next, members' attendance, actions, mentions and decisions, actions' timelines, the list of actions and
/// the decisions register.
/// <para>
/// New objects take the rendering of a released piece (of a meeting that changed or went) with the same text and item
/// number, while the phrases are the same; the rest are parsed. A change of the phrases (a name, an alias, an action
/// id, the base path) renders every piece again; a change of a body, a member or the build date makes every public
/// object again. The result is what <see cref="Redactor.Redact"/> makes of the same archive without a cache; the
/// serve tests compare the two sites byte for byte after every kind of edit.
/// </para>
/// </summary>
sealed class IncrementalRedactor
{
    sealed class MeetingEntry(PublicMeeting pm, List<ActionRecord> raised)
    {
        public PublicMeeting Public { get; } = pm;
        /// <summary>The actions it published as raised (<see cref="Redactor.FirstRaised"/>).</summary>
        public List<ActionRecord> Raised { get; } = raised;
        /// <summary><see cref="PublicMeeting.AllItems"/>, once.</summary>
        public PublicItem[] Items { get; } = pm.AllItems.ToArray();

        /// <summary>What it adds to members' lists, in the order a full redact adds it; made again when its items are rendered again.</summary>
        public MemberLinks? Links { get; set; }
    }

    sealed record MemberLinks(
        (PublicMember Member, PublicAttendance Attendance)[] Attendance,
        (PublicMember Member, PublicAction Action)[] ActionsOwned,
        (PublicMember Member, PublicItem Item)[] MentionedIn,
        (PublicMember Member, PublicDecision Decision)[] DecisionsMentioning)
    {
        /// <summary>As <see cref="Redactor.Link"/> and <see cref="PublicMarkdownParser.LinkMentions"/> add them for one meeting.</summary>
        public static MemberLinks Of(MeetingEntry entry, Dictionary<string, PublicMember> members)
        {
            var m = entry.Public;
            var attendance = m.Present.Select(a => (a.Member, new PublicAttendance(m, AttendanceGroup.Present, a.Note)))
                .Concat(m.InAttendance.Select(a => (a.Member, new PublicAttendance(m, AttendanceGroup.InAttendance, a.Note))))
                .Concat(m.Apologies.Select(a => (a.Member, new PublicAttendance(m, AttendanceGroup.Apologies, a.Note))))
                .ToArray();
            var owned = m.ActionsRaised.SelectMany(action => action.Owners.Select(owner => (owner, action))).ToArray();
            var mentions = new List<(PublicMember, PublicItem)>();
            var decisions = new List<(PublicMember, PublicDecision)>();
            foreach (var item in entry.Items)
            {
                foreach (var decision in item.Decisions)
                    foreach (var id in decision.MentionedMembers) decisions.Add((members[id], decision));
                foreach (var id in item.MentionedMembers) mentions.Add((members[id], item));
            }
            return new MemberLinks(attendance, owned, mentions.ToArray(), decisions.ToArray());
        }
    }

    readonly record struct Key(string Text, string? ItemNumber);

    // False while a redact is under way: one that throws (input with errors can trip it) leaves nothing to trust.
    bool _valid;
    DateOnly _date;
    IReadOnlyDictionary<string, Body>? _resolvedBodies;
    IReadOnlyDictionary<string, Member>? _resolvedMembers;
    Dictionary<string, PublicBody> _bodies = new(StringComparer.Ordinal);
    List<PublicBody> _bodyList = [];
    Dictionary<string, PublicMember> _members = new(StringComparer.Ordinal);
    List<PublicMember> _memberList = [];
    Dictionary<Meeting, MeetingEntry> _meetings = new(ReferenceEqualityComparer.Instance);
    Dictionary<RawPage, PublicPage> _pages = new(ReferenceEqualityComparer.Instance);

    // The cross-link phrases of the last redact, what they were made of, and the parser that links them.
    IReadOnlyDictionary<string, Member>? _phraseNames;
    IReadOnlyDictionary<string, PublicMember>? _phraseMembers;
    string? _phraseBasePath;
    string[] _phraseActionIds = [];
    Dictionary<string, CrossLinkTarget>? _phraseMap;
    PublicTextParser? _parser;

    /// <summary>How many pieces of public Markdown the last redact parsed.</summary>
    public int LastParsed { get; private set; }

    /// <summary>How many new pieces took the rendering of a released piece with the same text.</summary>
    public int LastCopied { get; private set; }

    /// <summary>How many public meetings the last redact kept from the one before.</summary>
    public int LastMeetingsReused { get; private set; }

    public PublicArchive Redact(Archive archive, DateOnly date)
    {
        Redactor.PublicText publicText = (markdown, range) => TextRedaction.PublicText(markdown, range, date);
        var valid = _valid;
        _valid = false;
        // Pieces of the last redact that this one lets go (their renderings can serve new pieces with the same text),
        // and the pieces of new objects, to render.
        var released = new List<(PublicMarkdown Markdown, PublicItem? Item)>();
        var fresh = new List<(PublicMarkdown Markdown, PublicItem? Item)>();

        var sameContext = valid && date == _date && ReferenceEquals(archive.Bodies, _resolvedBodies) && ReferenceEquals(archive.Members, _resolvedMembers);
        if (!sameContext)
        {
            if (valid)
            {
                released.AddRange(_memberList.Select(m => (m.Biography, (PublicItem?)null)));
                foreach (var e in _meetings.Values) released.AddRange(e.Public.MarkdownPieces());
                released.AddRange(_pages.Values.Select(p => (p.Content, (PublicItem?)null)));
            }
            _meetings = new Dictionary<Meeting, MeetingEntry>(ReferenceEqualityComparer.Instance);
            _pages = new Dictionary<RawPage, PublicPage>(ReferenceEqualityComparer.Instance);
            _bodies = Redactor.Bodies(archive);
            _bodyList = _bodies.Values.ToList();
            _members = Redactor.Members(archive, _bodies, publicText);
            _memberList = Redactor.SortedMembers(_members);
            fresh.AddRange(_members.Values.Select(m => (m.Biography, (PublicItem?)null)));
            (_date, _resolvedBodies, _resolvedMembers) = (date, archive.Bodies, archive.Members);
        }
        else
        {
            // Kept objects: what crosses meetings is linked again below, from empty lists as in a full redact.
            foreach (var b in _bodyList) b.Meetings.Clear();
            foreach (var m in _memberList)
            {
                m.Attendance.Clear();
                m.ActionsOwned.Clear();
                m.MentionedIn.Clear();
                m.DecisionsMentioning.Clear();
            }
        }

        var pages = new List<PublicPage>(archive.Pages.Count);
        var nextPages = new Dictionary<RawPage, PublicPage>(ReferenceEqualityComparer.Instance);
        foreach (var raw in archive.Pages)
        {
            if (!_pages.Remove(raw, out var page))
            {
                page = Redactor.Page(raw, publicText);
                fresh.Add((page.Content, null));
            }
            nextPages[raw] = page;
            pages.Add(page);
        }
        released.AddRange(_pages.Values.Select(p => (p.Content, (PublicItem?)null)));
        _pages = nextPages;

        // Meetings in order, as a full redact: which actions each publishes depends on the meetings before it.
        var published = new List<Meeting>(archive.Meetings.Count);
        var meetings = new List<PublicMeeting>(archive.Meetings.Count);
        var entries = new List<MeetingEntry>(archive.Meetings.Count);
        var kept = new List<bool>(archive.Meetings.Count);
        var actions = new List<PublicAction>(_phraseActionIds.Length);
        var actionsById = new Dictionary<string, PublicAction>(_phraseActionIds.Length, StringComparer.Ordinal);
        var next = new Dictionary<Meeting, MeetingEntry>(_meetings.Count, ReferenceEqualityComparer.Instance);
        var reused = 0;
        foreach (var meeting in archive.Meetings)
        {
            if (!meeting.Raw.Publish || meeting.Body is null) continue;
            MeetingEntry? entry = null;
            if (_meetings.Remove(meeting, out var old))
            {
                if (RaisesSame(meeting, old.Raised, actionsById)) entry = old;
                else released.AddRange(old.Public.MarkdownPieces());
            }
            if (entry is not null)
            {
                reused++;
                entry.Public.Previous = null;
                entry.Public.Next = null;
                foreach (var pa in entry.Public.ActionsRaised) pa.Timeline.Clear();
            }
            else
            {
                var raised = Redactor.FirstRaised(meeting, actionsById.ContainsKey);
                var pm = Redactor.Meeting(meeting, _bodies[meeting.Body.Id], _members, date, publicText);
                pm.ActionsRaised.AddRange(Redactor.Actions(raised, pm, _members, date));
                entry = new MeetingEntry(pm, raised);
                fresh.AddRange(pm.MarkdownPieces()); // no updates yet
            }
            next.TryAdd(meeting, entry);
            published.Add(meeting);
            entries.Add(entry);
            meetings.Add(entry.Public);
            kept.Add(entry == old);
            foreach (var pa in entry.Public.ActionsRaised)
            {
                actions.Add(pa);
                actionsById[pa.Id] = pa;
            }
        }
        // Meetings deleted, renamed, no longer published, or of a body that went.
        foreach (var e in _meetings.Values) released.AddRange(e.Public.MarkdownPieces());
        _meetings = next;
        LastMeetingsReused = reused;

        // Updates after all actions exist: an update may come before the raising meeting in file order. A kept meeting
        // keeps its updates while each names the same public action (its note is withheld or not by that action).
        for (var i = 0; i < meetings.Count; i++)
        {
            var (meeting, pm) = (published[i], meetings[i]);
            if (kept[i])
            {
                if (SameTargets(meeting, pm, actionsById)) continue;
                foreach (var u in pm.Updates)
                    if (u.Note is { } note) released.Add((note, null));
                pm.Updates.Clear();
            }
            foreach (var pu in Redactor.Updates(meeting, pm, actionsById))
            {
                pm.Updates.Add(pu);
                if (pu.Note is { } note) fresh.Add((note, null));
            }
        }
        foreach (var pm in meetings)
            foreach (var pu in pm.Updates)
                pu.Action?.Timeline.Add(pu);

        var site = Redactor.Site(archive.Site);
        var samePhrases = SamePhrases(archive, site, actions);
        if (!samePhrases)
        {
            // Every piece links differently, or may: all are rendered again, kept and new alike.
            released.Clear();
            fresh.Clear();
            fresh.AddRange(_memberList.Select(m => (m.Biography, (PublicItem?)null)));
            fresh.AddRange(pages.Select(p => (p.Content, (PublicItem?)null)));
            foreach (var entry in entries)
            {
                fresh.AddRange(entry.Public.MarkdownPieces());
                entry.Links = null; // its mentions and decisions are made again
            }
        }
        Render(fresh, released);

        // As Redactor.Link and PublicMarkdownParser.LinkMentions: each body's meetings and their previous/next, and
        // members' lists, oldest meeting first.
        var last = new Dictionary<PublicBody, PublicMeeting>(_bodyList.Count, ReferenceEqualityComparer.Instance);
        foreach (var pm in meetings)
        {
            pm.Body.Meetings.Add(pm);
            if (last.TryGetValue(pm.Body, out var previous))
            {
                pm.Previous = previous;
                previous.Next = pm;
            }
            last[pm.Body] = pm;
        }
        foreach (var entry in entries)
        {
            var links = entry.Links ??= MemberLinks.Of(entry, _members);
            foreach (var (member, attendance) in links.Attendance) member.Attendance.Add(attendance);
            foreach (var (member, action) in links.ActionsOwned) member.ActionsOwned.Add(action);
        }
        foreach (var entry in entries)
        {
            foreach (var (member, item) in entry.Links!.MentionedIn) member.MentionedIn.Add(item);
            foreach (var (member, decision) in entry.Links.DecisionsMentioning) member.DecisionsMentioning.Add(decision);
        }
        var decisions = new List<PublicDecision>();
        // Newest first, then in the order of the minutes: each meeting's decisions are together, in its items' order.
        foreach (var entry in entries.OrderByDescending(e => e.Public.Date).ThenBy(e => e.Public.Slug, StringComparer.Ordinal))
            foreach (var item in entry.Items)
                decisions.AddRange(item.Decisions);

        var result = new PublicArchive
        {
            Site = site,
            BuildDate = date,
            Bodies = _bodyList,
            Members = _memberList,
            Meetings = meetings,
            Actions = actions,
            Decisions = decisions,
            Pages = pages,
        };
        _valid = true;
        return result;
    }

    /// <summary>
    /// Renders each new piece: with the rendering of a released piece of the same text and item number when there is
    /// one (renderings are a function of those and the phrases), else by parsing it.
    /// </summary>
    void Render(List<(PublicMarkdown Markdown, PublicItem? Item)> fresh, List<(PublicMarkdown Markdown, PublicItem? Item)> released)
    {
        var pool = new Dictionary<Key, (PublicMarkdown Markdown, PublicItem? Item)>(released.Count);
        foreach (var (markdown, item) in released) pool.TryAdd(new Key(markdown.Text, item?.Number), (markdown, item));
        var parser = _parser!;
        var parsed = 0;
        void One(int i)
        {
            var (markdown, item) = fresh[i];
            if (pool.TryGetValue(new Key(markdown.Text, item?.Number), out var source))
            {
                markdown.CopyRendering(source.Markdown);
                if (item is not null) CopyDecisionsAndMentions(item, source.Item!);
                return;
            }
            var rendering = PublicMarkdownParser.Parse(markdown.Text, item, parser);
            markdown.SetRendering(rendering.Html, rendering.InlineHtml, rendering.Plain);
            if (item is not null) PublicMarkdownParser.SetDecisionsAndMentions(item, rendering);
            Interlocked.Increment(ref parsed);
        }
        // A save's few pieces are done on this thread; many (a first build, new phrases) on every core.
        if (fresh.Count <= 64)
            for (var i = 0; i < fresh.Count; i++) One(i);
        else Parallel.For(0, fresh.Count, One);
        LastParsed = parsed;
        LastCopied = fresh.Count - parsed;
    }

    static void CopyDecisionsAndMentions(PublicItem item, PublicItem source)
    {
        item.MentionedMembers = source.MentionedMembers;
        item.Decisions.Clear();
        foreach (var d in source.Decisions)
            item.Decisions.Add(new PublicDecision { Item = item, Index = d.Index, Html = d.Html, Plain = d.Plain, MentionedMembers = d.MentionedMembers });
    }

    /// <summary>
    /// Whether the cross-link phrases are those the last redact linked with (then its renderings stand), keeping the
    /// parser or making a new one. The matcher links each phrase to its first target, so two lists with the same
    /// phrases and first targets link alike, in whatever order.
    /// </summary>
    bool SamePhrases(Archive archive, PublicSite site, List<PublicAction> actions)
    {
        var basePath = site.BasePath;
        if (_parser is not null && ReferenceEquals(archive.MembersByName, _phraseNames) && ReferenceEquals(_members, _phraseMembers) &&
            basePath == _phraseBasePath && SameIds(actions, _phraseActionIds))
            return true;
        var phrases = PublicMarkdownParser.Phrases(site, archive.MembersByName.Select(p => KeyValuePair.Create(p.Key, p.Value.Id)), _members, actions.Select(a => a.Id));
        var map = new Dictionary<string, CrossLinkTarget>(phrases.Count, StringComparer.Ordinal);
        foreach (var (phrase, target) in phrases)
            if (!string.IsNullOrWhiteSpace(phrase)) map.TryAdd(phrase, target);
        var same = _parser is not null && _phraseMap is not null && SameMap(_phraseMap, map);
        if (!same) _parser = PublicMarkdownParser.Parser(phrases);
        (_phraseNames, _phraseMembers, _phraseBasePath, _phraseMap) = (archive.MembersByName, _members, basePath, map);
        _phraseActionIds = actions.Select(a => a.Id).ToArray();
        return same;
    }

    static bool SameMap(Dictionary<string, CrossLinkTarget> before, Dictionary<string, CrossLinkTarget> now)
    {
        if (before.Count != now.Count) return false;
        foreach (var (phrase, target) in now)
            if (!before.TryGetValue(phrase, out var other) || other.Kind != target.Kind ||
                !string.Equals(other.Id, target.Id, StringComparison.Ordinal) || !string.Equals(other.Url, target.Url, StringComparison.Ordinal))
                return false;
        return true;
    }

    static bool SameIds(List<PublicAction> actions, string[] ids)
    {
        if (actions.Count != ids.Length) return false;
        for (var i = 0; i < ids.Length; i++)
            if (!string.Equals(actions[i].Id, ids[i], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>Whether <see cref="Redactor.FirstRaised"/> of a meeting is still <paramref name="raised"/> (without making a list).</summary>
    static bool RaisesSame(Meeting meeting, List<ActionRecord> raised, Dictionary<string, PublicAction> actionsById)
    {
        var k = 0;
        foreach (var action in meeting.ActionsRaised)
        {
            if (actionsById.ContainsKey(action.Id)) continue;
            if (k < raised.Count && ReferenceEquals(raised[k], action)) k++;
            else if (!raised.Take(k).Any(a => a.Id == action.Id)) return false; // not a repeat of one of its own: published now
        }
        return k == raised.Count;
    }

    /// <summary>Whether each of a kept meeting's updates still names the public action it named (or still none).</summary>
    static bool SameTargets(Meeting meeting, PublicMeeting pm, Dictionary<string, PublicAction> actionsById)
    {
        if (pm.Updates.Count != meeting.Updates.Count) return false;
        for (var i = 0; i < pm.Updates.Count; i++)
            if (!ReferenceEquals(pm.Updates[i].Action, actionsById.GetValueOrDefault(meeting.Updates[i].Update.ActionId.Value))) return false;
        return true;
    }
}
