using Quorum.Diagnostics;
using Quorum.Load;
using Quorum.Redact;

namespace Quorum.Tests.Units;

public class TextRedactionTests
{
    static readonly DateOnly Today = new(2026, 1, 1);

    static string Redact(string body)
    {
        var md = MarkdownStructure.Parse(body, 1, "t.md", new DiagnosticBag()).Markdown;
        return TextRedaction.PublicText(md, md.All, Today);
    }

    [Fact]
    public void A_block_in_force_becomes_an_empty_block_with_its_ground() =>
        Assert.Equal("A\n:::exempt G\n:::\nB\n", Redact("A\n:::exempt G\nsecret\n:::\nB\n"));

    [Fact]
    public void A_lapsed_block_keeps_its_text_and_loses_its_fences() =>
        Assert.Equal("A\nnow public\nB\n", Redact("A\n:::exempt G until=2020-01-01\nnow public\n:::\nB\n"));

    [Fact]
    public void A_time_limited_block_not_yet_lapsed_keeps_its_date() =>
        Assert.Equal(":::exempt G until=2030-01-01\n:::\n", Redact(":::exempt G until=2030-01-01\nsecret\n:::\n"));

    [Fact]
    public void A_block_in_force_inside_a_lapsed_one_is_still_withheld() =>
        Assert.Equal("public\n:::exempt H\n:::\nalso public\n",
            Redact(":::exempt G until=2020-01-01\npublic\n:::exempt H\nsecret\n:::\nalso public\n:::\n"));

    [Fact]
    public void Everything_inside_a_block_in_force_goes_with_it_nested_blocks_included() =>
        Assert.Equal(":::exempt G\n:::\nafter\n",
            Redact(":::exempt G\ns1\n:::decision\ns2\n:::\n:::exempt H until=2020-01-01\ns3\n:::\ns4\n:::\nafter\n"));

    [Fact]
    public void An_unclosed_block_withholds_everything_after_it() =>
        Assert.Equal("A\n:::exempt G\n:::\n", Redact("A\n:::exempt G\nsecret\n## 2. Next\nmore secret\n"));

    [Fact]
    public void Indentation_is_kept_so_a_block_in_a_list_stays_in_the_list() =>
        Assert.Equal("- item\n\n  :::exempt G\n  :::\n", Redact("- item\n\n  :::exempt G\n  secret\n  :::\n"));
}
