using System.Text;
using Quorum.Search.Lunr;

namespace Quorum.Tests.Search;

/// <summary>Council-minutes-like documents that exercise lunr's edge cases; deterministic.</summary>
internal static class LunrTestCorpus
{
    public static readonly LunrField[] Fields =
    [
        new("title", 10),
        new("body", 1),
        new("people", 1),
    ];

    private static readonly string[] Vocabulary =
    [
        "council", "councils", "councillor", "councillors", "meeting", "meetings", "minutes", "agenda", "planning",
        "permission", "permissions", "housing", "budget", "budgets", "budgeted", "road", "roads", "traffic", "calming",
        "library", "libraries", "park", "parks", "playground", "allotments", "the", "and", "of", "to", "a", "in", "is",
        "was", "were", "for", "on", "with", "that", "this", "it", "be", "by", "at", "not", "or", "Zoë", "Ó", "Briain",
        "Mr.", "Ms.", "Dr", "O'Neill", "action:", "LG", "CIO", "03/05a", "12/07b", "2024", "2025", "1,250", "€3,000",
        "£15.50", "10%", "item", "items", "resolved", "resolution", "resolutions", "proposed", "proposal", "seconded",
        "carried", "unanimously", "abstained", "objection", "objections", "consultation", "consulting", "consulted",
        "well-being", "co-operation", "re-election", "e-mail", "(see", "appendix)", "\"noted\"", "noted.", "report,",
        "reports;", "community", "communities", "generously", "happily", "relational", "conditional", "rational",
        "valency", "hesitancy", "digitizer", "conformably", "radically", "differently", "vilely", "analogously",
        "vietnamization", "predication", "operator", "feudalism", "decisiveness", "hopefulness", "callousness",
        "formality", "sensitivity", "sensibility", "triplicate", "formative", "formalize", "electricity",
        "electrical", "hopeful", "goodness", "revival", "allowance", "inference", "airliner", "gyroscopic",
        "adjustable", "defensible", "irritant", "replacement", "adjustment", "dependent", "adoption", "homologou",
        "communism", "activate", "angulariti", "homologous", "effective", "bowdlerize", "probate", "rate", "cease",
        "controll", "roll", "yearly", "youth", "yield", "by", "sky", "happy", "cry", "tidying", "hoping", "filing",
        "sized", "hopped", "fizzed", "failing", "agreed", "feed", "plastered", "bled", "motoring", "sing",
        "conflated", "troubled", "caresses", "ponies", "ties", "caress", "cats", "café", "naïve", "résumé",
        "_underscore_", "snake_case", "x", "ab", "…", "—", "–", "!!!", "??", "#42", "@home", "a.b.c", "U.K.",
    ];

    public static IReadOnlyList<LunrDocument> Documents { get; } = Build();

    private static IReadOnlyList<LunrDocument> Build()
    {
        var docs = new List<LunrDocument>
        {
            Doc("minutes/2024-01-15", "Full Council meeting, 15 January 2024",
                "The council met in the chamber. Apologies were received from Cllr Zoë Ó Briain. The minutes of the previous meeting were approved.",
                "Zoë Ó Briain; Seán Ó Murchú", 1),
            Doc("minutes/2024-02-12", "Planning committee",
                "Planning permission for the housing development at Mill Road was granted. Action: LG CIO 03/05a to write to the applicant.",
                "Mary Smith", 2),
            Doc("minutes/2024-03-11", "Budget and finance",
                "The budget for 2024/25 was set at €1,250,000. Budgets budgeted budgeting. The treasurer reported a surplus of £15.50.",
                "Treasurer", 0.5),
            Doc("7", "Traffic calming on Church Road",
                "Residents asked for traffic calming measures; speed bumps, chicanes and a 20mph zone were discussed. Road safety, road-safety, road - safety.",
                "", 1),
            Doc("12", "Library opening hours",
                "The library will open on Sundays. Libraries across the county are reviewing hours. LG CIO 03/05a library follow-up.",
                "Zoë Ó Briain", 1),
            Doc("3", "Parks and playgrounds",
                "The playground in the park needs new swings. Parks department to report. Well-being of children; co-operation with schools.",
                "O'Neill", 3),
            Doc("minutes/2024-04-08", "Annual meeting — election of chair",
                "Re-election of the chair was proposed and seconded, and carried unanimously. One councillor abstained.",
                "Cllr O'Neill, Cllr Smith", 1),
            Doc("minutes/2024-05-13", "Allotments",
                "Allotments allotment allotted. Waiting list is 45 names long. The the the the the.",
                null, 1),
            Doc("minutes/2024-06-10", "Consultation on the local plan",
                "Consultation consulting consulted consultations. The consultation runs until 30 June. E-mail responses to planning@example.org.",
                "Planning officer", 1),
            Doc("minutes/2024-07-08", "Stop words only",
                "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with",
                "", 1),
            Doc("10", "Numbers 1 2 3 10 100 1000",
                "Item 1. Item 2. Item 10. Item 100. 2024 2025 1,250 10% #42 @home",
                "", 1),
            Doc("2", "Empty body", "", "", 1),
            Doc("minutes/2024-08-12", "Summer recess",
                "No meeting in August.",
                "", 0),
            Doc("minutes/2024-09-09", "Action log",
                "Actions: LG CIO 03/05a (closed), LG CIO 12/07b (open), DS HR 01/01 (open). Action LG-CIO-03/05a reviewed.",
                "Clerk", 1),
            Doc("minutes/2024-10-14", "Naïve résumé café",
                "Café culture in the town centre: naïve résumé of the café owners' meeting. Crème brûlée.",
                "Zoë", 1),
            Doc("minutes/2024-11-11", "Remembrance",
                "Wreath laying at the war memorial. Two minutes' silence. \"Lest we forget.\"",
                "Mayor", 1.5),
            Doc("minutes/2024-12-09", "Christmas lights",
                "The Christmas lights switch-on was a success. Thanks to the volunteers! Volunteer volunteering volunteered.",
                "", 1),
            Doc("path with spaces/and \"quotes\" \\ backslash", "Escaping",
                "Refs can hold any character: quotes \" and backslashes \\ and tabs\tand newlines\nand unicode ü ñ 日本.",
                "", 1),
            Doc("päivä/ünïcode", "Ünïcode ref",
                "Ⅻ ǅ ΟΔΟΣ İstanbul ß ﬁnance Ωmega K (Kelvin) — all lower-cased the JavaScript way.",
                "", 1),
            Doc("0", "Zero ref", "Ref zero sorts first among the array-index refs.", "", 1),
            Doc("007", "Leading zeros ref", "A ref with leading zeros is not an array index.", "", 1),
            Doc("4294967294", "Largest array index", "The largest array index ref.", "", 1),
            Doc("4294967295", "Not an array index", "One past the largest array index.", "", 1),
            Doc("-1", "Negative ref", "Negative numbers are not array indices.", "", 1),
            Doc("minutes/repeated-terms", "Road road ROAD Road's roads",
                string.Join(' ', Enumerable.Repeat("road roads roading", 40)),
                "", 1),
            Doc("__proto__", "constructor toString",
                "Object.prototype names as terms and ref: __proto__ constructor _index hasOwnProperty valueOf.", "", 1),
            Doc("minutes/underscores", "snake_case and _leading_ underscores",
                "__init__ _private_ trailing_ _ __ ___ under_score", "", 1),
        };

        var random = new Random(20240115);
        for (int i = 0; i < 6; i++)
        {
            docs.Add(Doc($"minutes/long-{i}", RandomText(random, 8), RandomText(random, 300 + 400 * i), RandomText(random, 3), 1 + (i % 3) * 0.25));
        }
        return docs;
    }

    public static string RandomText(Random random, int words)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < words; i++)
        {
            if (i > 0)
                sb.Append(random.Next(12) == 0 ? "\n" : " ");
            sb.Append(Vocabulary[random.Next(Vocabulary.Length)]);
        }
        return sb.ToString();
    }

    private static LunrDocument Doc(string docRef, string title, string body, string? people, double boost)
    {
        var fields = new Dictionary<string, string> { ["title"] = title, ["body"] = body };
        if (people is not null)
            fields["people"] = people;
        return new LunrDocument(docRef, fields, boost);
    }
}
