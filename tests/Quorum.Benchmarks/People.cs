using System.Globalization;
using System.Text;

namespace Quorum.Benchmarks;

/// <summary>A synthetic member: a name (some non-ASCII, like "Zoë Ó Briain"), aliases, an organisation.</summary>
public sealed class Person
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string First { get; init; }
    public required string Surname { get; init; }
    public List<string> Aliases { get; } = [];
    public string? Organisation { get; set; }
    public string? JobTitle { get; set; }
    public List<(string Body, string Role, DateOnly? From, DateOnly? Until)> Roles { get; } = [];
    public List<string> Bodies { get; } = [];

    /// <summary>How the minutes mention them: mostly the full name, often an alias.</summary>
    public string Mention(Rng rng) => Aliases.Count > 0 && rng.Chance(0.35) ? rng.Pick(Aliases) : Name;
}

public static class People
{
    static readonly string[] FirstNames =
    [
        "Amara", "Aoife", "Bríd", "Catrin", "Chloë", "Dafydd", "Declan", "Eleanor", "Emeka", "Fatima", "Gareth", "Hannah",
        "Ioan", "Isobel", "Jürgen", "Kwame", "Leila", "Łukasz", "Maëlle", "Mairéad", "Nadia", "Niamh", "Oluwaseun", "Órla",
        "Pádraig", "Priya", "Rhiannon", "Rory", "Saoirse", "Seán", "Siân", "Søren", "Tomás", "Ursula", "Yusuf", "Zoë",
        "Pamela", "Richard", "Stephen", "Katherine", "William", "Robert", "Elizabeth", "Margaret", "Christopher", "Jonathan",
        "Nicholas", "Matthew", "Susan", "Josephine", "Alexander", "Victoria", "Benjamin", "Deborah", "Timothy", "Rebecca",
        "Anthony", "Philippa", "Geoffrey", "Gillian", "Douglas", "Harriet", "Malcolm", "Imogen", "Raymond", "Beatrice",
        "Vincent", "Rosalind", "Gordon", "Felicity", "Howard", "Lucinda", "Desmond", "Miriam", "Nigel", "Olivia",
    ];

    static readonly string[] Surnames =
    [
        "Ó Briain", "Mac Giolla", "Núñez", "Müller", "Brontë", "Çelik", "Okonkwo", "Nowak", "O'Connor", "Smith-Jones",
        "ap Rhys", "Abernethy", "Ashworth", "Blackwood", "Brennan", "Carmichael", "Chowdhury", "Davies", "Dunmore",
        "Eccleston", "Ferreira", "Fairbairn", "Gallagher", "Greaves", "Haldane", "Hargreaves", "Ibrahim", "Jenkins",
        "Kavanagh", "Kendrick", "Lindqvist", "Llewellyn", "MacLeod", "Marchetti", "Morrow", "Nakamura", "Ndlovu", "Osei",
        "Pemberton", "Pritchard", "Quigley", "Radcliffe", "Rahman", "Sandoval", "Sinclair", "Thorne", "Townsend",
        "Underwood", "Varga", "Wainwright", "Whitfield", "Yilmaz", "Zieliński", "Åström", "Ødegaard", "Dvořák", "Székely",
        "Þórsdóttir", "Lefèvre", "García", "Walsh", "Hughes", "Patel", "Campbell", "Stewart", "Kaur", "Evans",
    ];

    static readonly Dictionary<string, string> ShortForms = new(StringComparer.Ordinal)
    {
        ["Pamela"] = "Pam", ["Richard"] = "Rick", ["Stephen"] = "Steve", ["Katherine"] = "Kate", ["William"] = "Bill",
        ["Robert"] = "Bob", ["Elizabeth"] = "Liz", ["Margaret"] = "Maggie", ["Christopher"] = "Chris", ["Jonathan"] = "Jon",
        ["Nicholas"] = "Nick", ["Matthew"] = "Matt", ["Susan"] = "Sue", ["Josephine"] = "Jo", ["Alexander"] = "Alex",
        ["Victoria"] = "Vicky", ["Benjamin"] = "Ben", ["Deborah"] = "Debbie", ["Timothy"] = "Tim", ["Rebecca"] = "Becky",
        ["Anthony"] = "Tony", ["Philippa"] = "Pippa", ["Geoffrey"] = "Geoff", ["Gillian"] = "Jill", ["Douglas"] = "Doug",
        ["Harriet"] = "Hattie", ["Raymond"] = "Ray", ["Vincent"] = "Vince", ["Rosalind"] = "Ros",
        // ASCII spellings, as editors type them
        ["Zoë"] = "Zoe", ["Siân"] = "Sian", ["Seán"] = "Sean", ["Chloë"] = "Chloe", ["Łukasz"] = "Lukasz", ["Tomás"] = "Tomas",
        ["Órla"] = "Orla", ["Pádraig"] = "Padraig", ["Bríd"] = "Brid", ["Jürgen"] = "Juergen", ["Maëlle"] = "Maelle",
    };

    static readonly string[] Organisations =
    [
        "Northshire County Council", "Eastbridge Borough Council", "Westford City Council", "Kingsmere District Council",
        "Socitm", "Cabinet Office", "NHS Northshire", "Northshire Fire and Rescue Service", "Northshire Police",
        "Local Government Association", "Department for Communities and Local Government", "Audit Commission",
        "Westfield Housing Trust", "Voluntary Action Northshire", "Northshire Clinical Commissioning Group",
    ];

    static readonly string[] JobTitles =
    [
        "Chief Information Officer", "Head of ICT", "Director of Resources", "Head of Legal Services", "Monitoring Officer",
        "Chief Executive", "Head of Democratic Services", "Director of Public Health", "Head of Planning", "Councillor",
        "Councillor", "Councillor", "Head of Internal Audit", "Information Governance Manager", "Programme Manager",
    ];

    /// <summary>
    /// <paramref name="count"/> members with unique names and ids. Aliases (initials, short names, a first name, "Cllr X")
    /// are added only when they would name one person, and never when they are a word of the seed text.
    /// </summary>
    public static List<Person> Generate(int count, Rng rng, IReadOnlySet<string> reserved)
    {
        var names = new List<(string First, string Surname)> { ("Zoë", "Ó Briain") };
        var seen = new HashSet<string>(StringComparer.Ordinal) { "Zoë Ó Briain" };
        while (names.Count < count)
        {
            var first = rng.Pick(FirstNames);
            var surname = rng.Pick(Surnames);
            if (seen.Add($"{first} {surname}")) names.Add((first, surname));
        }

        var people = new List<Person>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (first, surname) in names)
        {
            var id = Slug($"{first} {surname}");
            for (var n = 2; !ids.Add(id); n++) id = Slug($"{first} {surname}") + "-" + n.ToString(CultureInfo.InvariantCulture);
            people.Add(new Person { Id = id, Name = $"{first} {surname}", First = first, Surname = surname });
        }

        // Every name claims itself; an alias must not take one that is claimed.
        var taken = new HashSet<string>(people.Select(p => p.Name), StringComparer.Ordinal);
        var firstCounts = people.GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var surnameCounts = people.GroupBy(p => p.Surname).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        bool TryAlias(Person p, string alias)
        {
            if (reserved.Contains(alias) || !taken.Add(alias)) return false;
            p.Aliases.Add(alias);
            return true;
        }
        foreach (var p in people)
        {
            if (p.Id == "zoe-o-briain" || rng.Chance(0.7)) TryAlias(p, Initials(p));
            if (ShortForms.TryGetValue(p.First, out var shortForm) && (p.Id == "zoe-o-briain" || rng.Chance(0.6)))
                TryAlias(p, $"{shortForm} {p.Surname}");
            if (firstCounts[p.First] == 1 && (p.Id == "zoe-o-briain" || rng.Chance(0.4))) TryAlias(p, p.First);
            if (surnameCounts[p.Surname] == 1 && rng.Chance(0.25)) TryAlias(p, $"Cllr {p.Surname}");
            if (rng.Chance(0.85)) p.Organisation = rng.Pick(Organisations);
            p.JobTitle = rng.Pick(JobTitles);
        }
        return people;
    }

    /// <summary>"Zoë Ó Briain" → "ZOB".</summary>
    static string Initials(Person p)
    {
        var parts = p.Surname.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(s => char.IsUpper(s[0]));
        return Ascii(p.First[..1] + string.Concat(parts.Select(s => s[..1]))).ToUpperInvariant();
    }

    /// <summary>A member id from a name: ASCII letters and digits, single hyphens.</summary>
    public static string Slug(string name)
    {
        var ascii = Ascii(name).ToLowerInvariant();
        var sb = new StringBuilder();
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }

    /// <summary>Latin letters with diacritics as editors type them in ASCII. (String.Normalize is not available: the
    /// build uses invariant globalization, so the table is written out.)</summary>
    static readonly Dictionary<char, string> Folds = Table(
        "àa áa âa äa ãa åa ÅA ÁA ÀA çc ÇC èe ée êe ëe ÉE ìi íi îi ïi ÍI ñn ńn òo óo ôo öo õo øo ÓO ÖO ØO ùu úu ûu üu ÜU ýy řr šs žz łl ŁL ðd đd");

    static Dictionary<char, string> Table(string pairs)
    {
        var table = pairs.Split(' ').ToDictionary(p => p[0], p => p[1..]);
        table['þ'] = "th";
        table['Þ'] = "Th";
        table['æ'] = "ae";
        table['Æ'] = "AE";
        table['ß'] = "ss";
        return table;
    }

    static string Ascii(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s) sb.Append(Folds.TryGetValue(c, out var f) ? f : c.ToString());
        return sb.ToString();
    }
}
