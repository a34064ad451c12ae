using CsCheck;
using HandlebarsDotNet;
using Quorum.Render.Precompiled;

namespace Quorum.Tests.Units;

/// <summary>The precompiled templates' rules against Handlebars.Net's own: escaping, and what a block counts as empty.</summary>
public class HbsTests
{
    static readonly IHandlebars Handlebars = HandlebarsDotNet.Handlebars.Create();

    [Fact]
    public void A_value_is_escaped_as_Handlebars_escapes_it()
    {
        var text = Gen.OneOf(Gen.Char["&<>\"'`=ab \n“é"], Gen.Char).Array[0, 40].Select(c => new string(c));
        text.Sample(s =>
        {
            var ours = new StringWriter();
            Hbs.Write(ours, s);
            var theirs = new StringWriter();
            new HtmlEncoder().Encode(s, theirs);
            Assert.Equal(theirs.ToString(), ours.ToString());
        });
    }

    public static TheoryData<object?> Values() =>
    [
        null, true, false, "", " ", "x", 0, 1, -1, 0L, 3L, 0.0, 2.5, 0m, 0.1m, (short)0, (byte)2, 'c', '\0',
        new List<int>(), new List<int> { 1 }, Array.Empty<string>(), new[] { "a" }, new DateOnly(2024, 1, 1),
        DayOfWeek.Sunday, DayOfWeek.Monday, new object(), new Dictionary<string, int>(),
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void If_and_with_count_as_empty_what_Handlebars_counts_as_empty(object? value)
    {
        var expected = Handlebars.Compile("{{#if X}}T{{else}}F{{/if}}")(new { X = value }) == "T";
        Assert.Equal(expected, Hbs.Truthy(value));
        Assert.Equal(expected, Handlebars.Compile("{{#with X}}T{{else}}F{{/with}}")(new { X = value }) == "T");
    }

    [Fact]
    public void The_typed_overloads_agree_with_the_rule_for_any_value()
    {
        Assert.Equal(Hbs.Truthy((object)""), Hbs.Truthy(""));
        Assert.Equal(Hbs.Truthy((object?)null), Hbs.Truthy((string?)null));
        Assert.Equal(Hbs.Truthy((object)0), Hbs.Truthy(0));
        Assert.Equal(Hbs.Truthy((object)7), Hbs.Truthy(7));
        Assert.Equal(Hbs.Truthy((object)false), Hbs.Truthy(false));
        Assert.Equal(Hbs.Truthy((object)new List<int>()), Hbs.Truthy(new List<int>()));
        Assert.Equal(Hbs.Truthy((object)new List<int> { 1 }), Hbs.Truthy(new List<int> { 1 }));
        Assert.Equal(Hbs.Truthy((object?)null), Hbs.Truthy((DateOnly?)null));
        Assert.Equal(Hbs.Truthy((object)new DateOnly(2020, 1, 1)), Hbs.Truthy((DateOnly?)new DateOnly(2020, 1, 1)));
        Assert.Equal(Hbs.Truthy((object)0), Hbs.Truthy((int?)0));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(-3)]
    [InlineData(true)]
    [InlineData("a=b")]
    public void Numbers_truth_values_and_text_are_written_as_Handlebars_writes_them(object value)
    {
        var ours = new StringWriter();
        Hbs.Write(ours, value);
        Assert.Equal(Handlebars.Compile("{{X}}")(new { X = value }), ours.ToString());
    }
}
