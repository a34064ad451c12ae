using Markdig.Syntax;
using Quorum.Diagnostics;
using Quorum.Load;
using Quorum.Markdown.Containers;
using Quorum.Markdown.Decisions;
using Quorum.Markdown.Exemptions;
using Quorum.Markdown.Items;

namespace Quorum.Tests.Units;

/// <summary>Quorum's Markdown syntax, with FORMAT.md's wording as the cases.</summary>
public class MarkdownSyntaxTests
{
    [Theory]
    [InlineData(2, "1. Business administration", "1", "Business administration")]
    [InlineData(2, "8 Name change", "8", "Name change")]
    [InlineData(3, "1.1 Apologies", "1.1", "Apologies")]
    [InlineData(3, "3.1. Annual statement", "3.1", "Annual statement")]
    [InlineData(2, "05a. Late item", "05a", "Late item")]
    public void Item_headings_give_their_number_and_title(int level, string text, string number, string title)
    {
        var item = ItemHeading.TryParse(level, text)!;
        Assert.Equal((number, title), (item.Number, item.Title));
    }

    [Theory]
    [InlineData(2, "Benchmarking")]          // no number: an ordinary heading
    [InlineData(4, "1.1.1 Too deep")]         // only ## and ### are items
    [InlineData(2, "2009")]                   // a number and no title
    public void Other_headings_are_not_items(int level, string text) => Assert.Null(ItemHeading.TryParse(level, text));

    [Fact]
    public void Item_attributes_give_the_ground_and_time_limit_and_leave_the_title()
    {
        var item = ItemHeading.TryParse(2, "7. Supplier contract {exempt=\"FOIA s.43 — commercial interests\" until=\"2012-01-01\"}")!;
        Assert.Equal("Supplier contract", item.Title);
        Assert.Equal("FOIA s.43 — commercial interests", item.Attributes["exempt"]);
        Assert.Equal("2012-01-01", item.Attributes["until"]);
        Assert.Equal("item-7", item.Anchor);
        Assert.Equal("item-3-1", ItemHeading.AnchorFor("3.1"));
    }

    [Theory]
    [InlineData("FOIA s.43 — commercial interests", "FOIA s.43 — commercial interests", null)]
    [InlineData("FOIA s.43 until=2012-01-01", "FOIA s.43", "2012-01-01")]
    [InlineData("\"Schedule 12A, para 3\" until=\"2030-06-30\"", "Schedule 12A, para 3", "2030-06-30")]
    public void Exempt_block_arguments_give_ground_and_time_limit(string arguments, string ground, string? until) =>
        Assert.Equal((ground, until), ExemptBlock.Parse(arguments));

    static MarkdownDocument Parse(string text) => Markdig.Markdown.Parse(text, MarkdownPipelines.Structure);

    [Fact]
    public void A_structure_parse_gives_each_leafs_lines_back_and_still_finds_the_items()
    {
        // The load phase's parse returns each closed leaf's lines to Markdig's pool (through a method Markdig keeps
        // internal): if an upgrade renames it, the lines stay and this fails, while the build still works.
        var doc = Parse("Preamble\nmore\n\n## 1. Welcome\n\nText\n\n- a\n- b\n");
        var leaves = doc.Descendants<LeafBlock>().ToList();
        Assert.NotEmpty(leaves);
        Assert.All(leaves, leaf => Assert.Null(leaf.Lines.Lines));
        Assert.Equal("1", Assert.IsType<ItemHeading>(doc.OfType<HeadingBlock>().Single().GetData(ItemsExtension.Key)).Number);
    }

    [Fact]
    public void A_closing_fence_closes_the_innermost_block()
    {
        var doc = Parse(":::exempt G\nA\n\n:::decision\nB\n:::\n\nC\n:::\n\nD\n");
        var exempt = Assert.IsType<ExemptBlock>(doc[0]);
        Assert.Equal(8, exempt.ClosingLine);
        Assert.IsType<DecisionBlock>(exempt[1]);
        Assert.IsType<ParagraphBlock>(exempt[2]); // C is inside the exempt block
        Assert.IsType<ParagraphBlock>(doc[1]);    // D is outside
    }

    [Fact]
    public void A_fence_inside_a_code_block_does_not_close_the_exempt_block()
    {
        var doc = Parse(":::exempt G\n```\n:::\n```\nS\n:::\nP\n");
        Assert.Equal(5, Assert.IsType<ExemptBlock>(doc[0]).ClosingLine);
    }

    [Fact]
    public void Item_structure_follows_headings_and_sub_items_belong_to_their_item()
    {
        var d = new DiagnosticBag();
        var s = MarkdownStructure.Parse("Preamble.\n\n## 1. One\n\nA\n\n### 1.1 Sub\n\nB\n\n## 2. Two {exempt=\"G\"}\n\nC\n", 10, "m.md", d);
        Assert.False(d.HasErrors);
        Assert.Equal(new RawRange(0, 2), s.Preamble);
        Assert.Equal(["1", "2"], s.Items.Select(i => i.Number));
        Assert.Equal("1.1", Assert.Single(s.Items[0].SubItems).Number);
        Assert.Equal(new RawRange(3, 6), s.Items[0].Content);            // A, up to the sub-item
        Assert.Equal(12, s.Items[0].Location.Line);                       // file line: the body starts at line 10
        Assert.Equal("G", s.Items[1].Exemption!.Ground);
    }

    [Fact]
    public void A_heading_inside_a_quote_is_not_an_item()
    {
        var s = MarkdownStructure.Parse("> ## 1. Quoted\n\n## 2. Real\n", 1, "m.md", new DiagnosticBag());
        Assert.Equal("2", Assert.Single(s.Items).Number);
    }

    [Fact]
    public void The_notice_says_what_was_withheld_why_and_until_when()
    {
        Assert.Equal("This item is exempt from publication: FOIA s.40.", ExemptionNotice.Text("FOIA s.40", null));
        Assert.Equal("This item is exempt from publication: FOIA s.40. Exempt until 1 January 2012.", ExemptionNotice.Text("FOIA s.40.", new DateOnly(2012, 1, 1)));
    }
}
