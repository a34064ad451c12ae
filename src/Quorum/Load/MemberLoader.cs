using Quorum.Diagnostics;

namespace Quorum.Load;

/// <summary>Reads <c>members/&lt;member-id&gt;.md</c>: front-matter and a Markdown biography.</summary>
public static class MemberLoader
{
    public static RawMember? Load(SourceFile file, DiagnosticBag diagnostics)
    {
        var id = InputLoader.FileId(file, diagnostics, "member");
        if (InputLoader.FrontMatter(file, diagnostics) is not var (map, y, doc)) return null;
        y.KnownKeys(map, "a member", "name", "aliases", "organisation", "roles");
        var name = y.String(map, "name", true, map, "a member");
        var aliases = y.List(map, "aliases").Select(n => y.Scalar(n, "aliases")).OfType<Located<string>>()
            .Where(a => a.Value.Length > 0).ToList();
        var roles = new List<RawRole>();
        foreach (var node in y.List(map, "roles"))
        {
            if (y.Mapping(node, "a role") is not { } m) continue;
            y.KnownKeys(m, "a role", "body", "role", "from", "until");
            var body = y.String(m, "body", true, m, "a role");
            var role = y.String(m, "role", true, m, "a role");
            var from = y.Date(m, "from");
            var until = y.Date(m, "until");
            if (body is not null && role is not null) roles.Add(new RawRole(body, role.Value, from?.Value, until?.Value));
        }
        var bio = MarkdownStructure.Parse(doc.Body, doc.BodyFirstLine, file.DisplayPath, diagnostics).Markdown;
        return name is null ? null : new RawMember(id, name.Value, aliases, y.String(map, "organisation")?.Value, roles, bio, SourceLocation.File(file.DisplayPath), file.InputPath);
    }
}
