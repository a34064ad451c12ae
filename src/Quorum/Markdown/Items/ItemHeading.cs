using System.Text.RegularExpressions;

namespace Quorum.Markdown.Items;

/// <summary>
/// An agenda item heading: <c>## 7. Title {exempt="ground" until="2012-01-01"}</c> (level 2, an item) or
/// <c>### 3.1 Title</c> (level 3, a sub-item). Numbers are strings: "3", "3.1", "05a".
/// </summary>
public sealed partial record ItemHeading(int Level, string Number, string Title, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>The anchor on the meeting page: <c>item-</c> and the number with dots as hyphens.</summary>
    public string Anchor => AnchorFor(Number);

    public static string AnchorFor(string number) => "item-" + number.Replace('.', '-');

    /// <summary>Reads a heading's text (after the #s); null when it is an ordinary heading, not an item.</summary>
    public static ItemHeading? TryParse(int level, string text)
    {
        if (level is not (2 or 3)) return null;
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var m = AttributeBlock().Match(text);
        if (m.Success)
        {
            foreach (Match a in Attribute().Matches(m.Groups[1].Value))
                attributes[a.Groups["key"].Value] = a.Groups["dq"].Success ? a.Groups["dq"].Value
                    : a.Groups["sq"].Success ? a.Groups["sq"].Value : a.Groups["bare"].Value;
            text = text[..m.Index];
        }
        var h = Heading().Match(text.Trim());
        if (!h.Success) return null;
        return new ItemHeading(level, h.Groups["number"].Value, h.Groups["title"].Value.Trim(), attributes);
    }

    [GeneratedRegex(@"^(?<number>[0-9]+[A-Za-z]*(?:\.[0-9]+[A-Za-z]*)*)\.?\s+(?<title>\S.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\s*\{([^{}]*)\}\s*$")]
    private static partial Regex AttributeBlock();

    [GeneratedRegex(@"(?<key>[A-Za-z_][\w-]*)\s*=\s*(?:""(?<dq>[^""]*)""|'(?<sq>[^']*)'|(?<bare>[^\s""']+))")]
    private static partial Regex Attribute();
}
