namespace Quorum.Tests.Feeds;

/// <summary>
/// A small input made for the feed and data tests: a base URL below the domain's root, a body that was renamed,
/// times in winter (GMT) and summer (BST), a draft, a next meeting, text that needs escaping in every format, and
/// content withheld in each way FORMAT.md allows, each carrying a token that must never be published.
/// </summary>
public static class FeedFixture
{
    public const string BaseUrl = "https://council.example.org/minutes/";
    public const string Host = "council.example.org";

    /// <summary>Withheld whatever the build date.</summary>
    public static readonly string[] Withheld =
    [
        "FEEDTOKENITEM1", "FEEDTOKENSUBITEM2", "FEEDTOKENBLOCK3", "FEEDTOKENACTION4", "FEEDTOKENNOTE5", "FEEDTOKENINHERITED6",
        "FEEDTOKENUNPUBLISHED7", "FEEDTOKENDECISION8", "2031-07-19",
    ];

    public const string ItemGround = "Local Government Act 1972, Schedule 12A, paragraph 3";
    public const string ActionGround = "FOIA s.43 — commercial interests";
    public const string BlockGround = "FOIA s.40 — personal information";
    public const string TrickyVenue = "Hall \"A\", <Room 1> & annex </script>";

    public static void WriteTo(string input)
    {
        void Write(string path, string text)
        {
            var full = Path.Combine(input, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text.ReplaceLineEndings("\n"));
        }

        Write("site.yml", $"""
            title: Testbury Council minutes
            base_url: {BaseUrl}
            description: Minutes of Testbury Council.
            """);
        Write("bodies/town-council.yml", """
            name: Testbury Town Council
            former_names:
              - name: Testbury Parish Council
                until: 2024-03-31
            description: The town council.
            """);
        Write("bodies/planning.yml", """
            name: Planning Committee
            """);
        Write("members/alice-smith.md", """
            ---
            name: Alice Smith
            aliases: [AS]
            organisation: Testbury Town Council
            roles:
              - body: town-council
                role: Chair
                from: 2023-05-01
            ---
            Alice has chaired the council since 2023.
            """);
        Write("members/bob-jones.md", """
            ---
            name: Bob Jones
            ---
            """);
        Write("members/carol-white.md", """
            ---
            name: Carol White
            ---
            """);

        // Winter: GMT. An exempt item with a sub-item and a decision, an exempt block, an exempt action and an
        // action that inherits its item's exemption.
        Write("meetings/2024/2024-03-05-town-council.md", $$"""
            ---
            body: town-council
            date: 2024-03-05
            number: 12
            start: "18:30"
            end: "20:00"
            venue: '{{TrickyVenue}}'
            attendance:
              present:
                - alice-smith: Chair
                - bob-jones
              in_attendance:
                - carol-white: Clerk, "acting"
            actions:
              - id: TC 12/01
                item: "1"
                owners: [alice-smith]
                text: Write to the highways authority about Mill Lane, "urgently", and copy the clerk.
                due: 2024-04-30
              - id: TC 12/02
                item: "1"
                owners: [bob-jones]
                text: FEEDTOKENACTION4 negotiate the price.
                due: 2031-07-19
                exempt: "{{ActionGround}}"
              - id: TC 12/03
                item: "2"
                owners: [carol-white]
                text: FEEDTOKENINHERITED6 prepare the sale papers.
            next_meeting:
              date: 2024-07-09
              start: "19:00"
            ---

            Opening remarks by Alice Smith.

            ## 1. Highways

            Potholes on Mill Lane were reported <b>again</b> & again.

            :::exempt {{BlockGround}}
            FEEDTOKENBLOCK3 the resident's name.
            :::

            :::decision
            The council will write to the highways authority.
            :::

            ## 2. Land sale {exempt="{{ItemGround}}"}

            FEEDTOKENITEM1 the price of the land.

            :::decision
            FEEDTOKENDECISION8 sell the land.
            :::

            ### 2.1 Valuation

            FEEDTOKENSUBITEM2 the valuation.
            """);

        // Summer: BST. A draft, with progress on the exempt action and a next meeting.
        Write("meetings/2024/2024-07-09-town-council.md", """
            ---
            body: town-council
            date: 2024-07-09
            start: "19:00"
            status: draft
            attendance:
              present:
                - alice-smith: Chair
              apologies:
                - bob-jones
            updates:
              - action: TC 12/01
                status: closed
                note: The authority replied.
              - action: TC 12/02
                status: closed
                note: FEEDTOKENNOTE5 the agreed price.
            next_meeting:
              date: 2024-10-01
              start: "19:00"
              end: "21:00"
              venue: Town Hall
            ---

            ## 1. Matters arising

            TC 12/01 was discussed.

            :::decision
            The council noted the reply.
            :::
            """);

        Write("meetings/2024/2024-09-01-planning.md", """
            ---
            body: planning
            date: 2024-09-01
            publish: false
            ---

            ## 1. Secret

            FEEDTOKENUNPUBLISHED7 must not be published.
            """);
    }
}
