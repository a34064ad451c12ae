using System.Text.Json;
using Quorum.Search.Lunr;
using Xunit;

namespace Quorum.Tests.Search;

public class PorterStemmerTests
{
    /// <summary>lunr.js's own test/fixtures/stemming_vocab.json (word → stem), copied from the lunr 2.3.9 package.</summary>
    public static TheoryData<string, string> Vocabulary()
    {
        string path = SearchTestFiles.StemmingVocabulary;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var data = new TheoryData<string, string>();
        foreach (JsonProperty p in doc.RootElement.EnumerateObject())
            data.Add(p.Name, p.Value.GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Vocabulary))]
    public void StemsLunrsVocabularyLikeLunr(string word, string stem)
    {
        Assert.Equal(stem, LunrPipeline.Stem(word));
    }

    [Fact]
    public void VocabularyFixtureIsComplete()
    {
        Assert.Equal(80, Vocabulary().Count);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("a", "a")]
    [InlineData("is", "is")]                 // shorter than 3: untouched
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("agreed", "agre")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("yearly", "yearli")]         // initial y is a consonant
    [InlineData("youth", "youth")]
    [InlineData("controll", "control")]
    [InlineData("councillors", "councillor")]
    [InlineData("03/05a", "03/05a")]
    [InlineData("a\rbies", "a\rbies")]       // JS '.' does not match \r, so no rule finds a stem
    public void FollowsLunrsPorterStemmer(string word, string stem)
    {
        Assert.Equal(stem, LunrPipeline.Stem(word));
    }
}
