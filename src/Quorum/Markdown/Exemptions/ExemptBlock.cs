using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Parsers;
using Quorum.Markdown.Containers;

namespace Quorum.Markdown.Exemptions;

/// <summary>A <c>:::exempt &lt;ground&gt; [until=YYYY-MM-DD]</c> block: part of an item withheld from publication.</summary>
public sealed partial class ExemptBlock(BlockParser parser) : NamedContainer(parser)
{
    public string Ground => Parse(OpeningArguments).Ground;
    public string? UntilText => Parse(OpeningArguments).Until;

    /// <summary>Splits the opening line's arguments into the ground and an optional trailing <c>until=</c>.</summary>
    public static (string Ground, string? Until) Parse(string arguments)
    {
        var m = UntilPattern().Match(arguments);
        if (!m.Success) return (Unquote(arguments.Trim()), null);
        return (Unquote(arguments[..m.Index].Trim()), m.Groups[1].Value.Trim('"', '\''));
    }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    static string Unquote(string s) => s.Length >= 2 && s[0] == s[^1] && s[0] is '"' or '\'' ? s[1..^1] : s;

    [GeneratedRegex(@"\s*\buntil\s*=\s*(""[^""]*""|'[^']*'|\S+)\s*$")]
    private static partial Regex UntilPattern();
}
