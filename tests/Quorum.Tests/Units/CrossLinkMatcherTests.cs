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

    // The scan rules out a start by its first two letters before walking the trie; these are the cases that rule
    // cannot decide alone: one-letter phrases, a non-ASCII first or second letter, a start at the end of the text.
    [Theory]
    [InlineData("X", "X", "a X b", "X")]
    [InlineData("X", "X", "X", "X")]
    [InlineData("Aé", "Aé", "the Aé team", "Aé")]
    [InlineData("Éa", "Éa", "see Éa.", "Éa")]
    [InlineData("AB", "AB", "an A", "")]
    [InlineData("AB", "AB", "AC and AB", "AB")]
    public void Short_and_non_ascii_phrases_are_found_where_they_stand(string phrase, string id, string text, string expected)
    {
        var matcher = new CrossLinkMatcher(new Dictionary<string, CrossLinkTarget> { [phrase] = new(CrossLinkKind.Member, id, "/m/") });
        var found = matcher.Matches(text).Select(m => text.Substring(m.Start, m.Length)).ToList();
        Assert.Equal(expected.Length == 0 ? [] : [expected], found);
    }
}
