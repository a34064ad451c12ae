using System.Text.Json;
using Xunit;

namespace Quorum.Tests.Search;

/// <summary>Structural JSON equality that names the first differing path; numbers must be the same double.</summary>
internal static class JsonAssert
{
    public static void DeepEqual(string expectedJson, string actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        string? difference = FirstDifference(expected.RootElement, actual.RootElement, "$");
        Assert.True(difference is null, difference);
    }

    private static string? FirstDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
            return $"{path}: expected {expected.ValueKind} {Show(expected)}, got {actual.ValueKind} {Show(actual)}";
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedProperties = expected.EnumerateObject().ToList();
                var actualProperties = actual.EnumerateObject().ToList();
                for (int i = 0; i < Math.Max(expectedProperties.Count, actualProperties.Count); i++)
                {
                    if (i >= expectedProperties.Count)
                        return $"{path}: unexpected property \"{actualProperties[i].Name}\"";
                    if (i >= actualProperties.Count)
                        return $"{path}: missing property \"{expectedProperties[i].Name}\"";
                    if (expectedProperties[i].Name != actualProperties[i].Name)
                        return $"{path}: property #{i} expected \"{expectedProperties[i].Name}\", got \"{actualProperties[i].Name}\"";
                    string? d = FirstDifference(expectedProperties[i].Value, actualProperties[i].Value, $"{path}.{expectedProperties[i].Name}");
                    if (d is not null)
                        return d;
                }
                return null;
            case JsonValueKind.Array:
                int expectedLength = expected.GetArrayLength(), actualLength = actual.GetArrayLength();
                for (int i = 0; i < Math.Min(expectedLength, actualLength); i++)
                {
                    string? d = FirstDifference(expected[i], actual[i], $"{path}[{i}]");
                    if (d is not null)
                        return d;
                }
                return expectedLength == actualLength ? null : $"{path}: expected {expectedLength} items, got {actualLength}";
            case JsonValueKind.Number:
                return BitConverter.DoubleToInt64Bits(expected.GetDouble()) == BitConverter.DoubleToInt64Bits(actual.GetDouble())
                    ? null : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}";
            default:
                return null;
        }
    }

    private static string Show(JsonElement e)
    {
        string raw = e.GetRawText();
        return raw.Length > 120 ? raw[..120] + "…" : raw;
    }
}
