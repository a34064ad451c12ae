using Quorum.Search.Lunr;
using Xunit;

namespace Quorum.Tests.Search;

/// <summary>Numbers written as JavaScript writes them, and JavaScript's Math.round.</summary>
public class JsNumberTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-3.0, "-3")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.434, "0.434")]
    [InlineData(12.33, "12.33")]
    [InlineData(16.285, "16.285")]
    [InlineData(0.001, "0.001")]
    [InlineData(-0.02, "-0.02")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(123456789012.345, "123456789012.345")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1.2345e22, "1.2345e+22")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    public void FormatsLikeJavaScript(double value, string expected)
    {
        Assert.Equal(expected, JsNumber.ToJsString(value));
    }

    [Fact]
    public void WritesNegativeZeroAsZero()
    {
        Assert.Equal("0", JsNumber.ToJsString(-0.0));
    }

    [Fact]
    public void JsonWritesNonFiniteAsNull()
    {
        Assert.Equal("null", JsNumber.ToJson(double.NaN));
        Assert.Equal("null", JsNumber.ToJson(double.PositiveInfinity));
    }

    [Fact]
    public void ThousandthsFastPathAgreesWithGeneralFormatting()
    {
        var random = new Random(3);
        for (int i = 0; i < 100000; i++)
        {
            long m = random.NextInt64(-2_000_000_000, 2_000_000_000) / (i % 3 == 0 ? 1 : 1000);
            double value = m / 1000.0;
            string expected = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected == "-0" ? "0" : expected, JsNumber.ToJsString(value));
        }
    }

    [Theory]
    [InlineData(2.5, 3)]
    [InlineData(-2.5, -2)]                   // halves go toward +∞, not to even
    [InlineData(0.5, 1)]
    [InlineData(1.5, 2)]
    [InlineData(0.49999999999999994, 0)]     // floor(x + 0.5) would give 1
    [InlineData(4503599627370495.5, 4503599627370496)]
    [InlineData(-0.4, -0.0)]
    [InlineData(434.00000000000006, 434)]
    public void RoundsLikeMathRound(double value, double expected)
    {
        Assert.Equal(expected, JsMath.Round(value));
    }
}
