using Quorum.Tests.Feeds;
using Quorum.Tests.Support;

namespace Quorum.Tests.EndToEnd;

/// <summary>
/// Registers and members' pages list what is current (every open action; what closed, was decided or was said in the
/// year to the newest minutes) and count the rest, so they do not grow with the archive.
/// </summary>
public class RegisterWindowTests
{
    static readonly Lazy<Built.Site> Site = new(() =>
    {
        using var dir = new TempDir();
        var input = dir.CopyFrom(Path.Combine(Repo.Root, "tests/Quorum.Tests/Fixtures/minimal"));
        Directory.CreateDirectory(Path.Combine(input, "meetings", "2022"));
        File.WriteAllText(Path.Combine(input, "meetings", "2022", "2022-01-10-parish-council.md"), """
            ---
            body: parish-council
            date: 2022-01-10
            attendance:
              present:
                - alice-smith: Chair
            actions:
              - id: PC 22/01
                item: "1"
                owners: [alice-smith]
                text: Mend the old stile.
            ---

            ## 1. Footpaths

            Alice Smith walked the footpaths.

            :::decision
            The council will mend the old stile by the ford.
            :::
            """);
        File.WriteAllText(Path.Combine(input, "meetings", "2022", "2022-02-14-parish-council.md"), """
            ---
            body: parish-council
            date: 2022-02-14
            attendance:
              present:
                - alice-smith: Chair
            updates:
              - action: PC 22/01
                status: closed
                note: Mended.
            ---

            ## 1. Matters arising

            Noted.
            """);
        return Built.Site.Build(input);
    });

    [Fact]
    public void The_decisions_register_lists_the_last_year_and_counts_the_earlier()
    {
        var page = Site.Value.Text("decisions/index.html");
        Assert.Contains("The council will buy a bench.", page);
        Assert.DoesNotContain("old stile by the ford", page);
        Assert.Contains("Earlier decisions (1)", page);
        // Still published: on its meeting's page.
        Assert.Contains("old stile by the ford", Site.Value.Text("meetings/2022-01-10-parish-council/index.html"));
    }

    [Fact]
    public void The_actions_register_lists_every_open_action_and_those_closed_in_the_last_year()
    {
        var page = Site.Value.Text("actions/index.html");
        Assert.Contains("PC 24/01", page); // open
        Assert.DoesNotContain("Mend the old stile", page); // closed in 2022
        Assert.Contains("Actions closed before then (1)", page);
        Assert.Contains("Mend the old stile", Site.Value.Text("actions/pc-22-01/index.html"));
    }

    [Fact]
    public void A_members_page_counts_what_it_leaves_out_and_links_to_a_search_for_them()
    {
        var page = Site.Value.Text("members/alice-smith/index.html");
        Assert.DoesNotContain("Mend the old stile", page);
        Assert.Contains("(1) are in the", page);
        Assert.Contains("Minutes before", page);
        Assert.Contains("href=\"/search/?q=Alice%20Smith\"", page);
        Assert.Contains("Mill Lane", Site.Value.Text("meetings/2024-03-05-parish-council/index.html"));
    }
}
