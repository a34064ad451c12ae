using System.Globalization;
using System.Text;

namespace Quorum.Benchmarks;

public sealed record CorpusSummary(int Meetings, int Members, int Bodies, int Actions, int Files, long Bytes);

/// <summary>
/// Writes a deterministic synthetic input folder in the authoring format (FORMAT.md), shaped like the demo minutes:
/// several bodies (some renamed), members with aliases, and <c>N</c> meetings spread over the years, each with about
/// 20 items and 25 KB of prose, 15 attendees, 10–15 actions, updates to earlier actions, decisions, exempt items and
/// blocks, and a few drafts. The same <c>N</c> and seed always give byte-identical files.
/// </summary>
public sealed class CorpusGenerator
{
    /// <summary>The file that marks a folder as generated, so it may be regenerated in place.</summary>
    public const string Marker = ".quorum-corpus";

    const int ProseBytesPerMeeting = 18_000;
    static readonly UTF8Encoding Utf8 = new(false);
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    sealed record BodyDef(string Id, string Name, string Prefix, double Weight, string? FormerName, string Venue, string Start, string End, string Description);

    static readonly BodyDef[] BodyDefs =
    [
        new("full-council", "Full Council", "FC", 1.0, null, "Council Chamber, Town Hall", "19:00", "21:30",
            "All the elected members of the council, meeting to set the budget and the policy framework."),
        new("cabinet", "Cabinet", "CAB", 1.5, "Executive Board", "Committee Room 1, Town Hall", "10:00", "12:30",
            "The council's executive: the Leader and the portfolio holders."),
        new("planning-committee", "Planning Committee", "PLN", 2.0, "Development Control Committee", "Council Chamber, Town Hall", "18:30", "21:00",
            "Determines planning applications that are not delegated to officers."),
        new("audit-governance-committee", "Audit and Governance Committee", "AGC", 0.8, "Audit Committee", "Committee Room 2, Town Hall", "14:00", "16:30",
            "Oversees internal and external audit, risk management and the annual governance statement."),
        new("overview-scrutiny-board", "Overview and Scrutiny Board", "OSB", 1.2, null, "Committee Room 1, Town Hall", "18:00", "20:30",
            "Holds the Cabinet to account and reviews council policy."),
        new("licensing-committee", "Licensing Committee", "LIC", 0.8, null, "Committee Room 3, Town Hall", "10:00", "12:00",
            "Licensing policy and the hearing of contested licence applications."),
        new("health-wellbeing-board", "Health and Wellbeing Board", "HWB", 0.7, "Shadow Health and Wellbeing Board", "The Civic Centre, Eastbridge", "14:00", "16:00",
            "Brings together the NHS, public health, adult social care and children's services."),
        new("local-cio-council", "Local CIO Council", "L CIO", 0.6, "Local Government CIO Council", "Sunningdale Park, Berkshire", "10:00", "14:45",
            "Coordinates local public sector engagement with national IT initiatives."),
    ];

    static readonly string[] Grounds =
    [
        "FOIA s.43 — commercial interests", "FOIA s.40 — personal information", "FOIA s.42 — legal professional privilege",
        "Local Government Act 1972, Schedule 12A, paragraph 3", "Local Government Act 1972, Schedule 12A, paragraph 1",
    ];

    static readonly string[] NeutralTitles = ["Commercial matter", "Staffing matter", "Legal advice", "Contract award", "Property transaction"];
    static readonly string[] SpecialTitles = ["Extraordinary meeting", "Annual meeting", "Budget meeting"];
    static readonly string[] GuestNotes = ["Head of Legal Services", "Democratic Services Officer", "external auditor", "observer", "for item 4"];

    sealed class BodyState(BodyDef def)
    {
        public BodyDef Def { get; } = def;
        public List<Person> Pool { get; } = [];
        public List<Person> Guests { get; } = [];
        public Person Chair = null!, NextChair = null!, Secretary = null!;
        public DateOnly ChairChange;
        public DateOnly? FormerUntil;
        public int Number;
        public DateOnly? LastDate;
        public List<OpenAction> Open { get; } = [];
    }

    sealed record OpenAction(string Id, int Number, bool Forgotten);

    sealed record Plan(BodyState Body, DateOnly Date)
    {
        public int Number;
        public Plan? Next;
        public bool Draft;
        public bool LastOfBody;
    }

    sealed class Item
    {
        public required string Number;
        public required string Title;
        public int Level = 2;
        public string? Ground;
        public DateOnly? Until;
        public List<Item> Subs { get; } = [];
        public StringBuilder Text { get; } = new();
        public Item? Parent;
        public bool Exempt => Ground is not null || Parent?.Ground is not null;
    }

    readonly Rng _rng;
    readonly SeedText _seed;
    readonly int _meetings;
    readonly int _seedValue;
    readonly string _out;
    readonly List<string> _recentActions = [];
    int _files;
    long _bytes;
    int _actions;

    CorpusGenerator(string outDir, int meetings, int seed)
    {
        _out = outDir;
        _meetings = meetings;
        _seedValue = seed;
        _rng = new Rng(0x51_C0_FF_EEUL + (ulong)seed);
        _seed = SeedText.Load();
    }

    public static CorpusSummary Generate(string outDir, int meetings, int seed = 1)
    {
        if (meetings < 1) throw new ArgumentOutOfRangeException(nameof(meetings), "at least one meeting");
        Prepare(outDir);
        return new CorpusGenerator(outDir, meetings, seed).Run();
    }

    /// <summary>An empty folder, or one this generator wrote (then its files are removed); anything else is refused.</summary>
    static void Prepare(string outDir)
    {
        if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
        {
            if (!File.Exists(Path.Combine(outDir, Marker)))
                throw new IOException($"{outDir} is not empty and was not written by the generator; choose an empty or new folder");
            foreach (var sub in new[] { "bodies", "members", "meetings", "pages" })
                if (Directory.Exists(Path.Combine(outDir, sub))) Directory.Delete(Path.Combine(outDir, sub), recursive: true);
            File.Delete(Path.Combine(outDir, "site.yml"));
        }
        Directory.CreateDirectory(outDir);
    }

    CorpusSummary Run()
    {
        var years = Math.Max(1, (int)Math.Ceiling(_meetings / 220.0));
        var first = new DateOnly(2025 - years + 1, 1, 1);
        var last = new DateOnly(2025, 12, 31);

        var reserved = new HashSet<string>(_seed.Words, StringComparer.Ordinal);
        foreach (var b in BodyDefs) foreach (var w in b.Prefix.Split(' ')) reserved.Add(w);
        var people = People.Generate(Math.Clamp(60 + _meetings / 40, 60, 150), _rng.Fork(1), reserved);
        var bodies = SetUpBodies(people, first, last, _rng.Fork(2));
        var plans = Schedule(bodies, first, last, _rng.Fork(3));

        Write("site.yml", Site());
        foreach (var b in bodies) Write($"bodies/{b.Def.Id}.yml", BodyYaml(b));
        var bioRng = _rng.Fork(4);
        foreach (var p in people) Write($"members/{p.Id}.md", MemberFile(p, people, bodies, bioRng));
        Write("pages/about.md", "---\ntitle: About these minutes\n---\nA synthetic archive generated for benchmarks. " +
            "Every name, meeting and decision in it is invented.\n");
        Write("pages/accessibility.md", "---\ntitle: Accessibility statement\n---\nThis site aims to meet WCAG 2.2 AA.\n");

        var meetingRng = _rng.Fork(5);
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            var rng = meetingRng.Fork((ulong)i + 1);
            Write($"meetings/{plan.Date.Year.ToString(Inv)}/{Slug(plan)}.md", Meeting(plan, i, people, rng));
        }
        Write(Marker, $"Generated by Quorum.Benchmarks: meetings={_meetings.ToString(Inv)} seed={_seedValue.ToString(Inv)}\n");
        return new CorpusSummary(plans.Count, people.Count, bodies.Count, _actions, _files, _bytes);
    }

    static string Slug(Plan p) => $"{Iso(p.Date)}-{p.Body.Def.Id}";

    List<BodyState> SetUpBodies(List<Person> people, DateOnly first, DateOnly last, Rng rng)
    {
        var bodies = BodyDefs.Select(d => new BodyState(d)).ToList();
        var span = last.DayNumber - first.DayNumber;
        var poolSize = Math.Min(people.Count - 6, 18 + people.Count / 10);
        // Everyone sits on at least one body; then each pool is filled at random.
        var order = rng.Shuffled(people);
        for (var i = 0; i < order.Count; i++)
        {
            var b = bodies[i % bodies.Count];
            if (b.Pool.Count < poolSize) b.Pool.Add(order[i]);
        }
        foreach (var b in bodies)
        {
            foreach (var p in rng.Shuffled(people))
            {
                if (b.Pool.Count >= poolSize) break;
                if (!b.Pool.Contains(p)) b.Pool.Add(p);
            }
            b.Guests.AddRange(rng.Shuffled(people.Where(p => !b.Pool.Contains(p))).Take(4));
            foreach (var p in b.Pool) p.Bodies.Add(b.Def.Id);
            var officers = rng.Shuffled(b.Pool);
            (b.Chair, b.NextChair, b.Secretary) = (officers[0], officers[1], officers[2]);
            b.ChairChange = first.AddDays(span / 2 + rng.Next(60));
            b.Chair.Roles.Add((b.Def.Id, "Chair", null, b.ChairChange));
            b.NextChair.Roles.Add((b.Def.Id, "Chair", b.ChairChange.AddDays(1), null));
            b.Secretary.Roles.Add((b.Def.Id, "Secretary", null, null));
            officers[3].Roles.Add((b.Def.Id, "Vice-Chair", first.AddDays(rng.Next(span / 3 + 1)), null));
            if (b.Def.FormerName is not null) b.FormerUntil = first.AddDays(span / 3 + rng.Next(90));
        }
        return bodies;
    }

    /// <summary>N meetings spread evenly over the years, weekdays only, at most one a day per body.</summary>
    List<Plan> Schedule(List<BodyState> bodies, DateOnly first, DateOnly last, Rng rng)
    {
        var span = last.DayNumber - first.DayNumber + 1;
        var totalWeight = bodies.Sum(b => b.Def.Weight);
        var used = new HashSet<(string, DateOnly)>();
        var plans = new List<Plan>();
        for (var i = 0; i < _meetings; i++)
        {
            var x = rng.Next(1_000_000) / 1_000_000.0 * totalWeight;
            var body = bodies[^1];
            foreach (var b in bodies)
            {
                if (x < b.Def.Weight) { body = b; break; }
                x -= b.Def.Weight;
            }
            var date = first.AddDays((int)((long)i * span / _meetings) + rng.Next(Math.Max(1, span / _meetings)));
            while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || !used.Add((body.Def.Id, date)))
                date = date.AddDays(1);
            plans.Add(new Plan(body, date));
        }
        plans = plans.OrderBy(p => p.Date).ThenBy(p => p.Body.Def.Id, StringComparer.Ordinal).ToList();
        foreach (var group in plans.GroupBy(p => p.Body))
        {
            Plan? previous = null;
            foreach (var p in group)
            {
                p.Number = ++group.Key.Number;
                if (previous is not null) previous.Next = p;
                previous = p;
            }
            if (previous is not null && previous.Number > 1) previous.LastOfBody = true;
        }
        for (var i = 0; i < plans.Count; i++)
            plans[i].Draft = (plans[i].LastOfBody && rng.Chance(0.6)) || i % 97 == 13;
        return plans;
    }

    string Site() =>
        "title: Northshire Council minutes (synthetic)\n" +
        "base_url: https://minutes.example.org/\n" +
        "language: en-GB\n" +
        $"description: {Q($"A synthetic archive of {_meetings.ToString(Inv)} meetings, generated for benchmarks (seed {_seedValue.ToString(Inv)}).")}\n" +
        "edit_url: https://github.com/example/minutes/edit/main/input/\n";

    static string BodyYaml(BodyState b)
    {
        var sb = new StringBuilder();
        sb.Append("name: ").Append(Q(b.Def.Name)).Append('\n');
        if (b.Def.FormerName is not null && b.FormerUntil is { } until)
            sb.Append("former_names:\n  - name: ").Append(Q(b.Def.FormerName)).Append("\n    until: ").Append(Iso(until)).Append('\n');
        sb.Append("description: ").Append(Q(b.Def.Description)).Append('\n');
        return sb.ToString();
    }

    string MemberFile(Person p, List<Person> people, List<BodyState> bodies, Rng rng)
    {
        var sb = new StringBuilder("---\n");
        sb.Append("name: ").Append(Q(p.Name)).Append('\n');
        if (p.Aliases.Count > 0) sb.Append("aliases: [").AppendJoin(", ", p.Aliases.Select(Q)).Append("]\n");
        if (p.Organisation is not null) sb.Append("organisation: ").Append(Q(p.Organisation)).Append('\n');
        if (p.Roles.Count > 0)
        {
            sb.Append("roles:\n");
            foreach (var (body, role, from, until) in p.Roles)
            {
                sb.Append("  - body: ").Append(body).Append("\n    role: ").Append(Q(role)).Append('\n');
                if (from is { } f) sb.Append("    from: ").Append(Iso(f)).Append('\n');
                if (until is { } u) sb.Append("    until: ").Append(Iso(u)).Append('\n');
            }
        }
        sb.Append("---\n");
        if (rng.Chance(0.8))
        {
            var where = p.Organisation is null ? "" : $" at {p.Organisation}";
            sb.Append(p.Name).Append(" is ").Append(p.JobTitle).Append(where).Append('.');
            if (p.Bodies.Count > 0)
            {
                var body = bodies.First(b => b.Def.Id == p.Bodies[0]);
                sb.Append(" A member of the ").Append(body.Def.Name).Append(" since ").Append(rng.Between(1998, 2020).ToString(Inv)).Append('.');
            }
            if (rng.Chance(0.3))
            {
                var other = rng.Pick(people);
                if (other != p) sb.Append(' ').Append(other.Mention(rng)).Append(" and ").Append(p.Mention(rng))
                    .Append(" jointly led the review of shared services.");
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    string Meeting(Plan plan, int index, List<Person> people, Rng rng)
    {
        var body = plan.Body;
        var def = body.Def;
        var chair = plan.Date <= body.ChairChange ? body.Chair : body.NextChair;

        // Attendance: 15 people, the chair and secretary usually among those present.
        var others = rng.Shuffled(body.Pool.Where(p => p != chair && p != body.Secretary));
        var presentCount = rng.Between(10, 12);
        var inAttendanceCount = rng.Between(1, 2);
        var present = new List<(Person P, string? Note)> { (chair, "Chair") };
        present.AddRange(others.Take(presentCount - 2).Select(p => (p, (string?)null)));
        present.Add((body.Secretary, "Secretary"));
        var inAttendance = rng.Shuffled(body.Guests).Take(inAttendanceCount)
            .Select(p => (P: p, Note: rng.Chance(0.5) ? rng.Pick(GuestNotes) : null)).ToList();
        var apologies = others.Skip(presentCount - 2).Take(15 - presentCount - inAttendanceCount).ToList();
        var speakers = present.Select(x => x.P).Concat(inAttendance.Select(x => x.P)).ToList();
        string Name() => rng.Pick(speakers).Mention(rng);

        var items = Agenda(plan, index, rng);
        var allItems = items.SelectMany(i => i.Subs.Prepend(i)).ToList();

        // Actions raised at this meeting.
        var actions = new List<(string Id, Item? Item, List<string> Owners, string Text, DateOnly? Due, string? Ground, DateOnly? Until)>();
        var actionCount = rng.Between(10, 15);
        var candidates = allItems.Where(i => i.Number != "1" && i.Subs.Count == 0).ToList();
        for (var k = 1; actions.Count < actionCount; k++)
        {
            var suffixes = rng.Chance(0.08) ? new[] { "", "a" } : [""];
            foreach (var suffix in suffixes)
            {
                var id = $"{def.Prefix} {plan.Number:00}/{k:00}{suffix}";
                var item = rng.Chance(0.85) ? rng.Pick(candidates) : null;
                var owners = new List<string>();
                var ownerNames = new List<string>();
                if (rng.Chance(0.05)) owners.Add("all");
                else
                {
                    foreach (var o in rng.Shuffled(present).Take(rng.Chance(0.2) ? 2 : 1))
                    {
                        owners.Add(o.P.Id);
                        ownerNames.Add(o.P.Mention(rng));
                    }
                }
                var seedAction = rng.Pick(_seed.Actions);
                var what = SeedText.Fill(seedAction, Name);
                var text = char.IsLower(what[0]) && ownerNames.Count > 0 ? $"{string.Join(" and ", ownerNames)} to {what}" : Upper(what);
                DateOnly? due = rng.Chance(0.4) ? plan.Date.AddDays(rng.Between(28, 120)) : null;
                string? ground = null;
                DateOnly? until = null;
                if (rng.Chance(0.04) || (index % 13 == 6 && k == 2))
                {
                    ground = rng.Pick(Grounds);
                    if (rng.Chance(0.5)) until = plan.Date.AddDays(rng.Between(365, 3650));
                }
                actions.Add((id, item, owners, text, due, ground, until));
                (item ?? items[^1]).Text.Append("Action ").Append(id).Append(": ").Append(text).Append("\n\n");
            }
        }

        // Updates on earlier actions of this body ("matters arising"): every action of the previous meeting, mostly
        // closed; what stays open comes up again and is closed within four meetings, except a few that are forgotten.
        var updates = new List<(string Id, string? Status, string? Note)>();
        if (plan.Number == 1) updates.Add(($"{def.Prefix} 00/01", "closed", "Raised before these minutes were published; completed."));
        foreach (var open in body.Open.ToList())
        {
            var age = plan.Number - open.Number;
            if (open.Forgotten || (age == 1 && rng.Chance(0.1)) || (age is > 1 and < 4 && rng.Chance(0.5))) continue;
            var closed = age >= 4 || rng.Chance(0.7);
            string? status = !closed && rng.Chance(0.05) ? null : closed ? "closed" : "open";
            string? note = rng.Chance(0.6) ? $"{Name()} reported that {Lower(_seed.Sentence(rng, Name))}" : null;
            updates.Add((open.Id, status, note));
            if (closed) body.Open.Remove(open);
            items[1].Text.Append(open.Id).Append(": ")
                .Append(note ?? (closed ? "This action is now closed." : "This action remains open."))
                .Append("\n\n");
        }

        WriteProse(plan, index, items, rng, Name);

        var sb = new StringBuilder("---\n");
        sb.Append("body: ").Append(def.Id).Append('\n');
        sb.Append("date: ").Append(Iso(plan.Date)).Append('\n');
        sb.Append("number: ").Append(plan.Number.ToString(Inv)).Append('\n');
        if (index % 23 == 7) sb.Append("title: ").Append(Q(rng.Pick(SpecialTitles))).Append('\n');
        sb.Append("start: \"").Append(def.Start).Append("\"\n");
        sb.Append("end: \"").Append(def.End).Append("\"\n");
        sb.Append("venue: ").Append(Q(def.Venue)).Append('\n');
        sb.Append("status: ").Append(plan.Draft ? "draft" : "approved").Append('\n');
        sb.Append("attendance:\n  present:\n");
        foreach (var (p, note) in present) Attendee(sb, p, note);
        sb.Append("  in_attendance:\n");
        foreach (var (p, note) in inAttendance) Attendee(sb, p, note);
        sb.Append("  apologies:\n");
        foreach (var p in apologies) Attendee(sb, p, rng.Chance(0.1) ? "Unwell" : null);
        sb.Append("actions:\n");
        foreach (var a in actions)
        {
            sb.Append("  - id: ").Append(Q(a.Id)).Append('\n');
            if (a.Item is not null) sb.Append("    item: ").Append(Q(a.Item.Number)).Append('\n');
            sb.Append("    owners: [").AppendJoin(", ", a.Owners).Append("]\n");
            sb.Append("    text: ").Append(Q(a.Text)).Append('\n');
            if (a.Due is { } d) sb.Append("    due: ").Append(Iso(d)).Append('\n');
            if (a.Ground is not null) sb.Append("    exempt: ").Append(Q(a.Ground)).Append('\n');
            if (a.Until is { } u) sb.Append("    exempt_until: ").Append(Iso(u)).Append('\n');
        }
        if (updates.Count > 0)
        {
            sb.Append("updates:\n");
            foreach (var (id, status, note) in updates)
            {
                sb.Append("  - action: ").Append(Q(id)).Append('\n');
                if (status is not null) sb.Append("    status: ").Append(status).Append('\n');
                if (note is not null) sb.Append("    note: ").Append(Q(note)).Append('\n');
            }
        }
        if (plan.Next is { } next)
            sb.Append("next_meeting:\n  date: ").Append(Iso(next.Date)).Append("\n  start: \"").Append(def.Start)
                .Append("\"\n  venue: ").Append(Q(def.Venue)).Append('\n');
        sb.Append("---\n");

        if (index % 4 == 1)
            sb.Append('\n').Append($"Minutes of the meeting of the {BodyNameOn(body, plan.Date)} held at {def.Venue} on ")
                .Append(plan.Date.ToString("d MMMM yyyy", Inv)).Append(".\n");
        foreach (var item in items)
        {
            Heading(sb, item);
            foreach (var sub in item.Subs) Heading(sb, sub);
        }

        foreach (var a in actions)
        {
            _recentActions.Add(a.Id);
            body.Open.Add(new OpenAction(a.Id, plan.Number, rng.Chance(0.03)));
        }
        body.LastDate = plan.Date;
        if (_recentActions.Count > 400) _recentActions.RemoveRange(0, 200);
        _actions += actions.Count;
        return sb.ToString();
    }

    static string BodyNameOn(BodyState b, DateOnly date) => b.FormerUntil is { } u && date <= u ? b.Def.FormerName! : b.Def.Name;

    static void Attendee(StringBuilder sb, Person p, string? note)
    {
        sb.Append("    - ").Append(p.Id);
        if (note is not null) sb.Append(": ").Append(Q(note));
        sb.Append('\n');
    }

    static void Heading(StringBuilder sb, Item item)
    {
        sb.Append('\n').Append(item.Level == 2 ? "## " : "### ").Append(item.Number).Append(item.Level == 2 ? ". " : " ").Append(item.Title);
        if (item.Ground is not null)
        {
            sb.Append(" {exempt=\"").Append(item.Ground).Append('"');
            if (item.Until is { } u) sb.Append(" until=\"").Append(Iso(u)).Append('"');
            sb.Append('}');
        }
        sb.Append("\n\n").Append(item.Text.ToString().TrimEnd('\n')).Append('\n');
    }

    /// <summary>About 20 items: welcome, minutes, business (some with sub-items, sometimes one exempt), any other business.</summary>
    List<Item> Agenda(Plan plan, int index, Rng rng)
    {
        var titles = _seed.Titles.Where(t => !t.Contains("business", StringComparison.OrdinalIgnoreCase)
            && !t.StartsWith("Minutes", StringComparison.OrdinalIgnoreCase) && !t.StartsWith("Welcome", StringComparison.Ordinal)
            && !t.Contains("Next Meeting", StringComparison.Ordinal) && !t.Contains("Commercial", StringComparison.Ordinal)).ToList();
        string Title() => SeedText.Fill(rng.Pick(titles), () => rng.Pick(plan.Body.Pool).Name);

        var top = rng.Between(11, 14);
        var items = new List<Item>
        {
            new() { Number = "1", Title = rng.Pick(["Apologies and welcome", "Welcome and introductions", "Business administration"]) },
            new() { Number = "2", Title = "Minutes of the previous meeting and matters arising" },
        };
        for (var n = 3; n < top; n++)
        {
            items.Add(new Item { Number = n.ToString(Inv), Title = Title() });
            if (rng.Chance(0.04)) items.Add(new Item { Number = n.ToString(Inv) + "a", Title = Title() });
        }
        items.Add(new Item { Number = top.ToString(Inv), Title = "Any other business" });

        // Sub-items under two or three of the business items, to make about 20 in all.
        var business = items.Skip(2).Take(items.Count - 3).ToList();
        var withSubs = rng.Shuffled(business).Take(Math.Max(1, (int)Math.Round((20 - items.Count) / 2.5))).ToList();
        foreach (var parent in withSubs)
            for (var s = 1; s <= rng.Between(2, 3); s++)
                parent.Subs.Add(new Item { Number = $"{parent.Number}.{s.ToString(Inv)}", Title = Title(), Level = 3, Parent = parent });

        if (index % 6 == 2 || rng.Chance(0.08))
        {
            var exempt = rng.Pick(business);
            exempt.Title = rng.Pick(NeutralTitles);
            exempt.Ground = rng.Pick(Grounds);
            if (rng.Chance(0.4)) exempt.Until = plan.Date.AddDays(rng.Between(365, 3650));
        }
        return items;
    }

    /// <summary>Fills every item with seed-like prose up to about 25 KB a meeting: paragraphs, lists, decisions, exempt blocks.</summary>
    void WriteProse(Plan plan, int index, List<Item> items, Rng rng, Func<string> name)
    {
        var all = items.SelectMany(i => i.Subs.Prepend(i)).ToList();
        var perItem = ProseBytesPerMeeting / all.Count;
        var exemptBlockItem = index % 5 == 3 || rng.Chance(0.05)
            ? rng.Pick(all.Where(i => !i.Exempt && i.Number != "1" && i.Number != "2").ToList()) : null;
        var previous = plan.Body.LastDate;

        foreach (var item in all)
        {
            var sb = new StringBuilder();
            if (item.Ground is not null)
            {
                sb.Append("This item was discussed in confidence. ").Append(_seed.Sentence(rng, name)).Append("\n\n");
                item.Text.Insert(0, sb.ToString());
                continue;
            }
            var budget = item.Subs.Count > 0 ? perItem / 3 : (int)(perItem * (0.6 + rng.Next(80) / 100.0));
            if (item.Number == "2" && previous is { } prev && rng.Chance(0.7))
                sb.Append(":::decision\nThe minutes of the meeting held on ").Append(prev.ToString("d MMMM yyyy", Inv))
                    .Append(" were agreed as a correct record.\n:::\n\n");
            while (sb.Length < budget)
            {
                var roll = rng.Next(100);
                if (roll < 12 && _seed.Fragments.Count > 0)
                {
                    foreach (var f in Enumerable.Range(0, rng.Between(3, 6)).Select(_ => rng.Pick(_seed.Fragments)))
                        sb.Append("- ").Append(f).Append('\n');
                    sb.Append('\n');
                }
                else if (roll < 15)
                    sb.Append("**").Append(SeedText.Fill(rng.Pick(_seed.Titles), name)).Append("**\n\n");
                else if (roll < 16)
                    sb.Append("| Budget line | Forecast | Outturn |\n| --- | ---: | ---: |\n")
                        .Append("| Staffing | £").Append(rng.Between(100, 999).ToString(Inv)).Append("k | £").Append(rng.Between(100, 999).ToString(Inv)).Append("k |\n")
                        .Append("| Contracts | £").Append(rng.Between(100, 999).ToString(Inv)).Append("k | £").Append(rng.Between(100, 999).ToString(Inv)).Append("k |\n\n");
                else
                {
                    var sentences = rng.Between(1, 4);
                    for (var s = 0; s < sentences; s++)
                    {
                        if (s > 0) sb.Append(' ');
                        sb.Append(_seed.Sentence(rng, name));
                    }
                    if (_recentActions.Count > 0 && rng.Chance(0.12))
                        sb.Append(" (ref ").Append(rng.Pick(_recentActions)).Append(')');
                    sb.Append("\n\n");
                }
            }
            if (rng.Chance(0.3))
                sb.Append(":::decision\n").Append(SeedText.Fill(rng.Pick(_seed.Decisions), name)).Append("\n:::\n\n");
            if (item == exemptBlockItem)
            {
                sb.Append(":::exempt ").Append(rng.Pick(Grounds));
                if (rng.Chance(0.5)) sb.Append(" until=").Append(Iso(plan.Date.AddDays(rng.Between(365, 3650))));
                sb.Append('\n').Append(_seed.Sentence(rng, name)).Append(' ').Append(_seed.Sentence(rng, name)).Append("\n:::\n\n");
            }
            item.Text.Insert(0, sb.ToString());
        }
    }

    void Write(string relative, string text)
    {
        var path = Path.Combine(_out, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = Utf8.GetBytes(text);
        File.WriteAllBytes(path, bytes);
        _files++;
        _bytes += bytes.Length;
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    static string Q(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    static string Upper(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>Lower-cases a sentence's first word when it is an ordinary one ("The", "This"), not a name or an acronym.</summary>
    static string Lower(string s) =>
        s.StartsWith("The ", StringComparison.Ordinal) || s.StartsWith("This ", StringComparison.Ordinal) || s.StartsWith("There ", StringComparison.Ordinal)
        || s.StartsWith("It ", StringComparison.Ordinal) ? char.ToLowerInvariant(s[0]) + s[1..] : s;
}
