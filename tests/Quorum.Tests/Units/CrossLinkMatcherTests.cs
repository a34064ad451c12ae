using Quorum.Markdown.CrossLinks;

namespace Quorum.Tests.Units;

public class CrossLinkMatcherTests
{
    static readonly CrossLinkMatcher Matcher = new(new Dictionary<string, CrossLinkTarget>
    {
        ["Jos Creese"] = new(CrossLinkKind.Member, "jos-creese", "/m/jos/"),
        ["Jos"] = new(CrossLinkKind.Member, "jos-creese", "/m/jos/"),
        ["Zoë Ó Briain"] = new(CrossLinkKind.Member, "zoe", "/m/zoe/"),
        ["GE"] = new(CrossLinkKind.Member, "glyn-evans", "/m/glyn/"),
        ["LG CIO 03/05"] = new(CrossLinkKind.Action, "LG CIO 03/05", "/a/5/"),
        ["LG CIO 03/05a"] = new(CrossLinkKind.Action, "LG CIO 03/05a", "/a/5a/"),
    });

    static List<string> Found(string text) => Matcher.Matches(text).Select(m => text.Substring(m.Start, m.Length)).ToList();

    [Fact]
    public void The_longest_name_or_id_wins() =>
        Assert.Equal(["Jos Creese", "LG CIO 03/05a", "LG CIO 03/05"], Found("Jos Creese took LG CIO 03/05a and LG CIO 03/05."));

    [Fact]
    public void Only_whole_words_match() => Assert.Empty(Found("Josh said GEOFF and LG CIO 03/055 and xJos"));

    [Fact]
    public void Matching_is_case_sensitive() => Assert.Empty(Found("jos creese and ge and lg cio 03/05"));

    [Fact]
    public void Names_with_non_ascii_letters_match_as_whole_words()
    {
        Assert.Equal(["Zoë Ó Briain"], Found("Cllr Zoë Ó Briain, Chair."));
        Assert.Equal(["GE"], Found("(GE)"));
    }
}
