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

    [Theory]
    [InlineData("", "\n")]                   // one empty line
    [InlineData("A\nB\n", "A\nB\n")]
    [InlineData("A\n\nB", "A\n\nB\n")]   // an unterminated last line ends with a newline like the rest
    [InlineData("\n\n", "\n\n")]
    public void Text_that_withholds_nothing_is_its_lines_each_with_a_newline(string body, string expected) =>
        Assert.Equal(expected, Redact(body));

    [Fact]
    public void A_range_of_text_that_withholds_nothing_is_just_its_lines()
    {
        var md = MarkdownStructure.Parse("zero\none\ntwo\nthree", 1, "t.md", new DiagnosticBag()).Markdown;
        Assert.Equal("one\ntwo\n", TextRedaction.PublicText(md, new RawRange(1, 3), Today));
        Assert.Equal("two\nthree\n", TextRedaction.PublicText(md, new RawRange(2, 9), Today));
        Assert.Equal("", TextRedaction.PublicText(md, new RawRange(3, 3), Today));
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
