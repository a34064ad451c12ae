using Quorum.Diagnostics;

namespace Quorum.Load;

/// <summary>Reads <c>bodies/&lt;body-id&gt;.yml</c>.</summary>
public static class BodyLoader
{
    public static RawBody? Load(SourceFile file, DiagnosticBag diagnostics)
    {
        var id = InputLoader.FileId(file, diagnostics, "body");
        var map = YamlReader.Parse(file.Text, file.DisplayPath, 1, diagnostics);
        if (map is null) return null;
        var y = new YamlReader(file.DisplayPath, 1, diagnostics);
        y.KnownKeys(map, "a body", "name", "former_names", "description");
        var name = y.String(map, "name", true, map, "a body");
        var former = new List<RawFormerName>();
        foreach (var node in y.List(map, "former_names"))
        {
            if (y.Mapping(node, "a former name") is not { } m) continue;
            y.KnownKeys(m, "a former name", "name", "until");
            var n = y.String(m, "name", true, m, "a former name");
            var until = y.Date(m, "until", true, m, "a former name");
            if (n is not null && until is not null) former.Add(new RawFormerName(n.Value, until.Value));
        }
        return name is null ? null : new RawBody(id, name.Value, former, y.String(map, "description")?.Value, SourceLocation.File(file.DisplayPath), file.InputPath);
    }
}
