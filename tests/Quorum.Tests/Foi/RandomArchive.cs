using System.Text;
using CsCheck;

namespace Quorum.Tests.Foi;

/// <summary>
/// Random archives for the FOI property test: meetings (some unpublished) with items and sub-items (some exempt,
/// some time-limited), nested exempt and decision blocks, actions (exempt, inherited, explicitly not exempt) and
/// updates that point at actions of other meetings. Writing one out assigns every piece of text a unique token and
/// works out, from FORMAT.md's rules, which tokens a build on <see cref="BuildDate"/> must withhold.
/// </summary>
public static class RandomArchive
{
    public static readonly DateOnly BuildDate = new(2026, 6, 1);

    public enum Limit { None, Lapsed, InForce }
    public abstract record Node;
    public sealed record Para : Node;
    public sealed record Exempt(Limit Limit, Node[] Children) : Node;
    public sealed record Decision(Node[] Children) : Node;
    public sealed record Item(Limit? Exemption, Node[] Content, Item[] SubItems);
    public enum ActionKind { Plain, Exempt, ExemptLapsed, ExplicitlyNot }
    public sealed record Action(int Item, ActionKind Kind);
    public sealed record Update(int Target, bool Note);
    public sealed record Meeting(bool Publish, Item[] Items, Action[] Actions, Update[] Updates);

    static readonly Gen<Limit> Limits = Gen.OneOf(Limit.None, Limit.Lapsed, Limit.InForce);
    static readonly Gen<Limit?> MaybeExempt = Gen.Int[0, 9].Select(Limits, (n, l) => n < 3 ? l : (Limit?)null);

    static Gen<Node> Nodes(int depth) => depth == 0
        ? Gen.Const<Node>(new Para())
        : Gen.Frequency(
            (4, Gen.Const<Node>(new Para())),
            (2, Limits.Select(Nodes(depth - 1).Array[1, 3], (l, c) => (Node)new Exempt(l, c))),
            (1, Nodes(depth - 1).Array[1, 3].Select(c => (Node)new Decision(c))));

    static readonly Gen<Item> SubItems = MaybeExempt.Select(Nodes(2).Array[1, 3], (e, c) => new Item(e, c, []));
    static readonly Gen<Item> Items = MaybeExempt.Select(Nodes(3).Array[1, 4], SubItems.Array[0, 2], (e, c, s) => new Item(e, c, s));
    static readonly Gen<Action> Actions = Gen.Int[0, 5].Select(Gen.OneOf(ActionKind.Plain, ActionKind.Plain, ActionKind.Exempt, ActionKind.ExemptLapsed, ActionKind.ExplicitlyNot),
        (i, k) => new Action(i, k));
    static readonly Gen<Update> Updates = Gen.Int[0, 99].Select(Gen.Bool, (t, n) => new Update(t, n));
    static readonly Gen<Meeting> Meetings = Gen.Int[0, 9].Select(Items.Array[1, 4], Actions.Array[0, 3], Updates.Array[0, 3],
        (p, i, a, u) => new Meeting(p > 1, i, a, u));

    public static readonly Gen<Meeting[]> Archives = Meetings.Array[1, 4];

    public sealed record Written(IReadOnlyDictionary<string, string> Files, IReadOnlySet<string> Secret, IReadOnlySet<string> Public);

    public static Written Write(Meeting[] meetings)
    {
        var files = new Dictionary<string, string>
        {
            ["site.yml"] = "title: Random council\nbase_url: https://example.org/\n",
            ["bodies/council.yml"] = "name: Random Council\n",
            ["members/m1.md"] = "---\nname: Member One\n---\n",
        };
        var secret = new HashSet<string>();
        var open = new HashSet<string>();
        var n = 0;
        string Token(bool withheld)
        {
            var t = $"TOK{++n}X";
            (withheld ? secret : open).Add(t);
            return t;
        }

        // Every action with where it was raised and whether it is withheld, so updates elsewhere can point at it.
        var actions = new List<(string Id, bool Withheld, bool RaisedInPublic)>();
        var plans = meetings.Select((m, mi) => (m, mi, ids: m.Actions.Select((a, ai) => $"A{mi + 1}/{ai + 1}").ToArray())).ToList();
        foreach (var (m, mi, ids) in plans)
            for (var ai = 0; ai < m.Actions.Length; ai++)
                actions.Add((ids[ai], !m.Publish || ActionWithheld(m, m.Actions[ai]), m.Publish));

        foreach (var (m, mi, ids) in plans)
        {
            var date = new DateOnly(2024, 1, 1).AddDays(mi * 7);
            var body = new StringBuilder();
            var front = new StringBuilder($"---\nbody: council\ndate: {date:yyyy-MM-dd}\npublish: {(m.Publish ? "true" : "false")}\n");
            front.Append("attendance:\n  present:\n    - m1\n");
            if (m.Actions.Length > 0) front.Append("actions:\n");
            for (var ai = 0; ai < m.Actions.Length; ai++)
            {
                var a = m.Actions[ai];
                var item = a.Item % m.Items.Length + 1;
                front.Append($"  - id: {ids[ai]}\n    item: \"{item}\"\n    owners: [m1]\n");
                front.Append($"    text: Do {Token(!m.Publish || ActionWithheld(m, a))} now.\n");
                switch (a.Kind)
                {
                    case ActionKind.Exempt: front.Append("    exempt: \"FOIA s.43\"\n"); break;
                    case ActionKind.ExemptLapsed: front.Append("    exempt: \"FOIA s.43\"\n    exempt_until: 2020-01-01\n"); break;
                    case ActionKind.ExplicitlyNot: front.Append("    exempt: false\n"); break;
                }
            }
            var updates = m.Updates.Where(_ => actions.Count > 0).ToList();
            if (updates.Count > 0) front.Append("updates:\n");
            foreach (var u in updates)
            {
                var target = actions[u.Target % actions.Count];
                front.Append($"  - action: {target.Id}\n    status: closed\n");
                // A note is withheld when it is in an unpublished meeting, or about an exempt action raised in public.
                if (u.Note) front.Append($"    note: Done {Token(!m.Publish || (target.RaisedInPublic && target.Withheld))} today.\n");
            }
            front.Append("---\n");

            for (var ii = 0; ii < m.Items.Length; ii++)
            {
                var item = m.Items[ii];
                var itemWithheld = !m.Publish || item.Exemption == Limit.InForce || item.Exemption == Limit.None;
                body.Append($"## {ii + 1}. Item {ii + 1}{Attribute(item.Exemption)}\n\n");
                foreach (var node in item.Content) Write(node, itemWithheld, body, Token);
                for (var si = 0; si < item.SubItems.Length; si++)
                {
                    var sub = item.SubItems[si];
                    var subWithheld = itemWithheld || sub.Exemption is Limit.InForce or Limit.None;
                    body.Append($"### {ii + 1}.{si + 1} Sub-item{Attribute(sub.Exemption)}\n\n");
                    foreach (var node in sub.Content) Write(node, subWithheld, body, Token);
                }
                // Mention another meeting's action: a cross-reference, whatever it is.
                if (actions.Count > 0) body.Append($"See {actions[(ii + mi) % actions.Count].Id}.\n\n");
            }
            files[$"meetings/2024/{date:yyyy-MM-dd}-council.md"] = front + "\n" + body;
        }
        return new Written(files, secret, open);

        // Limit.None on an item means exempt with no time limit (null means not exempt at all).
        static string Attribute(Limit? l) => l switch
        {
            null => "",
            Limit.None => " {exempt=\"FOIA s.40\"}",
            Limit.Lapsed => " {exempt=\"FOIA s.40\" until=\"2020-01-01\"}",
            _ => " {exempt=\"FOIA s.40\" until=\"2031-01-01\"}",
        };
    }

    static bool ActionWithheld(Meeting m, Action a) => a.Kind switch
    {
        ActionKind.Exempt => true,
        ActionKind.ExemptLapsed or ActionKind.ExplicitlyNot => false,
        _ => m.Items[a.Item % m.Items.Length].Exemption is Limit.None or Limit.InForce,
    };

    static void Write(Node node, bool withheld, StringBuilder md, Func<bool, string> token)
    {
        switch (node)
        {
            case Para:
                md.Append($"Text {token(withheld)} here.\n\n");
                break;
            case Exempt e:
                md.Append(e.Limit switch
                {
                    Limit.None => ":::exempt FOIA s.42\n",
                    Limit.Lapsed => ":::exempt FOIA s.42 until=2020-01-01\n",
                    _ => ":::exempt FOIA s.42 until=2031-01-01\n",
                });
                foreach (var c in e.Children) Write(c, withheld || e.Limit != Limit.Lapsed, md, token);
                md.Append(":::\n\n");
                break;
            case Decision d:
                md.Append(":::decision\n");
                foreach (var c in d.Children) Write(c, withheld, md, token);
                md.Append(":::\n\n");
                break;
        }
    }
}
