using System.Globalization;
using System.Text.RegularExpressions;
using Quorum.Diagnostics;
using YamlDotNet.Core;

namespace Quorum.Load;

/// <summary>
/// Reads YAML into typed values while keeping each value's line and column, so that every problem can be
/// reported where it was written. Problems go to the bag; readers return null and carry on, so one run finds all.
/// </summary>
public sealed partial class YamlReader(string path, int firstLine, DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;
    public string Path { get; } = path;

    public static YamlMappingNode? Parse(string yaml, string path, int firstLine, DiagnosticBag diagnostics)
    {
        try
        {
            var root = YamlTree.Load(yaml);
            if (root is null or YamlScalarNode { Value: "" })
                return new YamlMappingNode();
            if (root is YamlMappingNode map) return map;
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(path, firstLine + (int)root.Start.Line - 1, (int)root.Start.Column),
                "expected a mapping of keys to values");
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            // YamlDotNet prefixes its own (Line: …) position; ours is in front already.
            message = PositionPrefix().Replace(message, "").Trim();
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(path, firstLine + (int)e.Start.Line - 1, (int)e.Start.Column), message);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet fails this way on some unclosed [lists] and {maps}: point at where reading stopped.
            var (line, column) = LastReadable(yaml);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(path, firstLine + line - 1, column),
                "the YAML cannot be read from here on: is a [list], {map} or quote left unclosed?");
        }
        return null;
    }

    static (int Line, int Column) LastReadable(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        (int, int) last = (1, 1);
        try
        {
            while (parser.MoveNext())
                if (parser.Current is { } e) last = ((int)e.End.Line, (int)e.End.Column);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
        }
        return last;
    }

    public SourceLocation At(YamlNode node) => new(Path, firstLine + (int)node.Start.Line - 1, (int)node.Start.Column);

    /// <summary>Warns about keys the format does not define, suggesting the nearest known one.</summary>
    public void KnownKeys(YamlMappingNode map, string what, params string[] known)
    {
        foreach (var (key, _) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (Array.IndexOf(known, name) >= 0) continue;
            var suggestion = Suggestions.Closest(name, known);
            var message = $"unknown key '{name}' in {what}{Suggestions.DidYouMean(name, known)}; it is ignored";
            // An ignored, misspelt exemption would publish what it was meant to withhold: that is an error.
            if (suggestion is "exempt" or "exempt_until" or "publish")
                Diagnostics.Error(DiagnosticCodes.UnknownKey, At(key), message.Replace("; it is ignored", ", which withholds content from publication"));
            else
                Diagnostics.Warning(DiagnosticCodes.UnknownKey, At(key), message);
        }
    }

    /// <summary>The value of a key. A scan: the format's mappings have a dozen keys at most.</summary>
    public YamlNode? Node(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
            if (k is YamlScalarNode { Value: var name } && name == key) return v;
        return null;
    }

    public YamlNode? RequiredNode(YamlMappingNode map, string key, YamlNode owner, string what)
    {
        var node = Node(map, key);
        if (node is null || IsNull(node))
        {
            Diagnostics.Error(DiagnosticCodes.MissingKey, node is null ? At(owner) : At(node), $"{what} needs '{key}'");
            return null;
        }
        return node;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode s && s.Style == ScalarStyle.Plain && (s.Value is "" or "~" or "null");

    public Located<string>? String(YamlMappingNode map, string key, bool required = false, YamlNode? owner = null, string what = "")
    {
        var node = required ? RequiredNode(map, key, owner ?? map, what) : Node(map, key);
        if (node is null || IsNull(node)) return null;
        return Scalar(node, key);
    }

    public Located<string>? Scalar(YamlNode node, string key)
    {
        if (node is YamlScalarNode s) return new Located<string>(s.Value.Trim(), At(node));
        Diagnostics.Error(DiagnosticCodes.InvalidValue, At(node), $"'{key}' must be a single value, not a list or mapping");
        return null;
    }

    public Located<DateOnly>? Date(YamlMappingNode map, string key, bool required = false, YamlNode? owner = null, string what = "")
    {
        var s = String(map, key, required, owner, what);
        return s is null ? null : ParseDate(s, key);
    }

    public Located<DateOnly>? ParseDate(Located<string> s, string key)
    {
        if (DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return new Located<DateOnly>(d, s.Location);
        Diagnostics.Error(DiagnosticCodes.InvalidValue, s.Location, $"'{key}' must be a date written YYYY-MM-DD, not '{s.Value}'");
        return null;
    }

    /// <summary>A local time "HH:MM". Unquoted 10:00 is read by YAML 1.1 tools as a number, so the format asks for quotes; we accept both.</summary>
    public Located<string>? Time(YamlMappingNode map, string key)
    {
        var s = String(map, key);
        if (s is null) return null;
        if (TimePattern().IsMatch(s.Value)) return new Located<string>(s.Value.PadLeft(5, '0'), s.Location);
        Diagnostics.Error(DiagnosticCodes.InvalidValue, s.Location, $"'{key}' must be a time written \"HH:MM\", not '{s.Value}'");
        return null;
    }

    public bool? Bool(YamlMappingNode map, string key)
    {
        var s = String(map, key);
        if (s is null) return null;
        switch (s.Value.ToLowerInvariant())
        {
            case "true" or "yes": return true;
            case "false" or "no": return false;
        }
        Diagnostics.Error(DiagnosticCodes.InvalidValue, s.Location, $"'{key}' must be true or false, not '{s.Value}'");
        return null;
    }

    /// <summary>A list; a single scalar is accepted as a list of one, as editors write <c>owners: jos-creese</c>.</summary>
    public IReadOnlyList<YamlNode> List(YamlMappingNode map, string key)
    {
        var node = Node(map, key);
        return node switch
        {
            null => [],
            YamlSequenceNode seq => seq.Children.ToList(),
            YamlScalarNode s when IsNull(s) => [],
            YamlScalarNode s => [s],
            _ => Fail(node, key),
        };
    }

    IReadOnlyList<YamlNode> Fail(YamlNode node, string key)
    {
        Diagnostics.Error(DiagnosticCodes.InvalidValue, At(node), $"'{key}' must be a list");
        return [];
    }

    public YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode m) return m;
        Diagnostics.Error(DiagnosticCodes.InvalidValue, At(node), $"{what} must be a mapping of keys to values");
        return null;
    }

    [GeneratedRegex(@"^\s*\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();

    [GeneratedRegex(@"^([01]?\d|2[0-3]):[0-5]\d$")]
    private static partial Regex TimePattern();
}

