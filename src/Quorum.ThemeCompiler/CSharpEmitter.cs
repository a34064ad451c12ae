using System.Globalization;
using System.Reflection;
using System.Text;

namespace Quorum.ThemeCompiler;

/// <summary>
/// Writes a template as a C# method: text as string constants, each path as the property reads it names (resolved
/// here against the page models' types, so a path that names nothing cannot compile), helpers as calls to
/// <c>ThemeHelpers</c>, and Handlebars' rules (escaping, what counts as empty) as calls to <c>Hbs</c>, whose overloads
/// the C# compiler picks from the values' types. A partial becomes one method per type of context it is called with.
/// </summary>
sealed class CSharpEmitter(IReadOnlyDictionary<string, string> partials)
{
    sealed record Frame(string Var, Type Type, string? Index);

    // A helper: the call it becomes ({0}, {1}... its arguments), what it returns, how many arguments it takes, and
    // whether it writes HTML itself (those are statements, not values).
    sealed record HelperForm(string Call, Type Returns, int[] Arity, bool Writes = false);

    static readonly Dictionary<string, HelperForm> Helpers = new(StringComparer.Ordinal)
    {
        ["urlFor"] = new("h.UrlFor({0})", typeof(string), [1]),
        ["absoluteUrl"] = new("h.AbsoluteUrl({0})", typeof(string), [1]),
        ["assetUrl"] = new("h.AssetUrl({0})", typeof(string), [1]),
        ["editUrl"] = new("h.EditUrl({0})", typeof(string), [1]),
        ["longDate"] = new("ThemeHelpers.LongDate({0})", typeof(string), [1]),
        ["isoDate"] = new("ThemeHelpers.IsoDate({0})", typeof(string), [1]),
        ["countOf"] = new("ThemeHelpers.CountOf({0})", typeof(int), [1]),
        ["eq"] = new("ThemeHelpers.Eq({0}, {1})", typeof(bool), [2]),
        ["plural"] = new("ThemeHelpers.Plural({0}, {1}{2})", typeof(string), [2, 3]),
        ["statusName"] = new("ThemeHelpers.StatusName({0})", typeof(string), [1]),
        ["groupName"] = new("ThemeHelpers.GroupName({0})", typeof(string), [1]),
        ["searchLink"] = new("Hbs.Raw(w, h.SearchLink({0}));", typeof(void), [1], Writes: true),
        ["markdown"] = new("ThemeHelpers.WriteHtml(w, (object?)({0}) as PublicMarkdown, inline: false);", typeof(void), [1], Writes: true),
        ["inline"] = new("ThemeHelpers.WriteHtml(w, (object?)({0}) as PublicMarkdown, inline: true);", typeof(void), [1], Writes: true),
        ["decision"] = new("Hbs.Raw(w, ((object?)({0}) as PublicDecision)?.Html ?? \"\");", typeof(void), [1], Writes: true),
    };

    public static readonly IReadOnlySet<string> HelperNames = Helpers.Keys.ToHashSet(StringComparer.Ordinal);

    readonly StringBuilder _methods = new();
    readonly Dictionary<(string, Type), string> _partialMethods = [];
    int _locals;

    public string Methods => _methods.ToString();

    /// <summary>Emits <paramref name="name"/> as a method taking <paramref name="model"/>; returns the method's name.</summary>
    public string Template(string name, string text, Type model)
    {
        var method = "Template_" + Identifier(name);
        Method(method, HbsParser.Parse(text, HelperNames), model);
        return method;
    }

    /// <summary>
    /// The layout whole as its two halves around its body (a raw value): the same text, cut where it stands alone on
    /// its line (<c>Theme.CutLayout</c>), so no tag beside the cut reads differently.
    /// </summary>
    public string Around(string name, string head, string tail, string body, Type model)
    {
        var method = "Template_" + Identifier(name);
        _methods.Append("    static void ").Append(method).Append("(TextWriter w, ").Append(CsName(model)).Append(" c0, ThemeHelpers h)\n    {\n")
            .Append("        ").Append(head).Append("(w, c0, h);\n")
            .Append("        Hbs.Raw(w, c0.").Append(body).Append(");\n")
            .Append("        ").Append(tail).Append("(w, c0, h);\n    }\n\n");
        return method;
    }

    void Method(string method, IReadOnlyList<Node> nodes, Type model)
    {
        var body = new StringBuilder();
        int saved = _locals;
        _locals = 0;
        Nodes(body, nodes, [new Frame("c0", model, null)], "        ");
        _locals = saved;
        _methods.Append("    static void ").Append(method).Append("(TextWriter w, ").Append(CsName(model)).Append(" c0, ThemeHelpers h)\n    {\n")
            .Append(body).Append("    }\n\n");
    }

    void Nodes(StringBuilder o, IReadOnlyList<Node> nodes, List<Frame> frames, string indent)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Text t:
                    o.Append(indent).Append("w.Write(").Append(Literal(t.Value)).Append(");\n");
                    break;
                case Mustache { Value: HelperCall call } m when Helpers.TryGetValue(call.Helper, out var form) && form.Writes:
                    if (m.Raw) throw new NotCompilableException($"{{{{{{{call.Helper}}}}}}}");
                    o.Append(indent).Append(Call(call, form, frames)).Append('\n');
                    break;
                case Mustache m:
                    var (code, type) = Expression(m.Value, frames);
                    if (m.Raw && type != typeof(string)) throw new NotCompilableException($"{{{{{{...}}}}}} of a {type.Name}");
                    o.Append(indent).Append(m.Raw ? "Hbs.Raw(w, " : "Hbs.Write(w, ").Append(code).Append(");\n");
                    break;
                case Block b:
                    Block(o, b, frames, indent);
                    break;
                case PartialCall p:
                    o.Append(indent).Append(Partial(p.Name, frames[^1].Type)).Append("(w, ").Append(frames[^1].Var).Append(", h);\n");
                    break;
            }
        }
    }

    void Block(StringBuilder o, Block b, List<Frame> frames, string indent)
    {
        var (code, type) = Expression(b.Argument, frames);
        switch (b.Helper)
        {
            case "if":
            case "unless":
                Conditional(o, $"{(b.Helper == "if" ? "" : "!")}Hbs.Truthy({code})", b.Body, frames, b.Inverse, frames, indent);
                break;
            case "with":
            {
                if (type.IsValueType) throw new NotCompilableException($"#with a {type.Name}");
                var c = Local("c");
                Conditional(o, $"{code} is var {c} && Hbs.Truthy({c})", b.Body, [.. frames, new Frame(c, type, null)], b.Inverse, frames, indent);
                break;
            }
            case "each":
            {
                // Over a list only (every list of the page models is one): indexed, with no enumerator to allocate, and
                // "else" when there is nothing to walk. Anything else Handlebars.Net walks ({{#each}} over an object's
                // properties, say) leaves the theme to it.
                var item = ListItemType(type) ?? throw new NotCompilableException($"#each over a {type.Name}, not a list");
                string c = Local("c"), i = Local("i"), list = Local("l"), inner = indent + "    ";
                o.Append(indent).Append("if (").Append(code).Append(" is { Count: > 0 } ").Append(list).Append(")\n").Append(indent).Append("{\n")
                    .Append(inner).Append("for (int ").Append(i).Append(" = 0; ").Append(i).Append(" < ").Append(list).Append(".Count; ").Append(i).Append("++)\n")
                    .Append(inner).Append("{\n")
                    .Append(inner).Append("    var ").Append(c).Append(" = ").Append(list).Append('[').Append(i).Append("];\n");
                Nodes(o, b.Body, [.. frames, new Frame(c, item, i)], inner + "    ");
                o.Append(inner).Append("}\n").Append(indent).Append("}\n");
                if (b.Inverse.Count > 0)
                {
                    o.Append(indent).Append("else\n");
                    Braced(o, b.Inverse, frames, indent);
                }
                break;
            }
        }
    }

    void Conditional(StringBuilder o, string condition, IReadOnlyList<Node> body, List<Frame> bodyFrames, IReadOnlyList<Node> inverse,
        List<Frame> frames, string indent)
    {
        o.Append(indent).Append("if (").Append(condition).Append(")\n");
        Braced(o, body, bodyFrames, indent);
        if (inverse.Count == 0) return;
        o.Append(indent).Append("else\n");
        Braced(o, inverse, frames, indent);
    }

    void Braced(StringBuilder o, IReadOnlyList<Node> nodes, List<Frame> frames, string indent)
    {
        o.Append(indent).Append("{\n");
        Nodes(o, nodes, frames, indent + "    ");
        o.Append(indent).Append("}\n");
    }

    (string Code, Type Type) Expression(Expr e, List<Frame> frames) => e switch
    {
        StringLiteral s => (Literal(s.Value), typeof(string)),
        PathExpr p => Path(p.Path, frames),
        HelperCall c when Helpers.TryGetValue(c.Helper, out var form) && !form.Writes => (Call(c, form, frames), form.Returns),
        HelperCall c => throw new NotCompilableException($"the helper {c.Helper} as a value"),
        _ => throw new NotCompilableException(e.ToString()),
    };

    string Call(HelperCall call, HelperForm form, List<Frame> frames)
    {
        if (!form.Arity.Contains(call.Arguments.Count)) throw new NotCompilableException($"{call.Helper} with {call.Arguments.Count} arguments");
        var args = call.Arguments.Select(a => Expression(a, frames).Code).ToList();
        if (call.Helper == "plural") return string.Format(CultureInfo.InvariantCulture, form.Call, args[0], args[1], args.Count > 2 ? ", " + args[2] : "");
        return string.Format(CultureInfo.InvariantCulture, form.Call, [.. args]);
    }

    /// <summary>A path as property reads from the innermost context; through a null on the way it fails as Handlebars.Net does.</summary>
    static (string Code, Type Type) Path(string path, List<Frame> frames)
    {
        var frame = frames[^1];
        if (path == "this") return (frame.Var, frame.Type);
        if (path == "@index") return frame.Index is { } index ? (index, typeof(int)) : throw new NotCompilableException("@index outside #each");
        if (path.StartsWith('@') || path.Contains('/') || path.StartsWith("this.") || path.StartsWith("..")) throw new NotCompilableException($"the path {path}");
        var (code, type) = (frame.Var, frame.Type);
        bool first = true;
        foreach (var segment in path.Split('.'))
        {
            var owner = Nullable.GetUnderlyingType(type) ?? type;
            var property = Property(owner, segment) ?? throw new NotCompilableException($"{owner.Name} has no {segment} (in {path})");
            bool mayBeNull = !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;
            code = first || !mayBeNull ? $"{code}.{segment}" : $"({code} ?? throw Hbs.Undefined(\"{segment}\")).{segment}";
            type = property.PropertyType;
            first = false;
        }
        return (code, type);
    }

    static PropertyInfo? Property(Type type, string name)
    {
        var found = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        if (found is not null || !type.IsInterface) return found;
        return type.GetInterfaces().Select(i => i.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)).FirstOrDefault(p => p is not null);
    }

    string Partial(string name, Type context)
    {
        if (_partialMethods.TryGetValue((name, context), out var method)) return method;
        if (!partials.TryGetValue(name, out var text)) throw new NotCompilableException($"the partial {name}, which the theme does not have");
        method = $"Partial_{Identifier(name)}_{_partialMethods.Count(p => p.Key.Item1 == name) + 1}";
        _partialMethods[(name, context)] = method;
        Method(method, HbsParser.Parse(text, HelperNames), context);
        return method;
    }

    /// <summary>T, for a type that is or implements <c>IReadOnlyList&lt;T&gt;</c>.</summary>
    static Type? ListItemType(Type type)
    {
        bool IsList(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);
        var list = IsList(type) ? type : type.GetInterfaces().SingleOrDefault(IsList);
        return list?.GetGenericArguments()[0];
    }

    string Local(string prefix) => prefix + ++_locals;

    static string Identifier(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    public static string CsName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return CsName(inner) + "?";
        if (type == typeof(string)) return "string";
        if (type == typeof(int)) return "int";
        if (type == typeof(bool)) return "bool";
        if (type == typeof(object)) return "object";
        var name = type.IsNested ? CsName(type.DeclaringType!) + "." + type.Name : "global::" + type.Namespace + "." + type.Name;
        if (!type.IsGenericType) return name;
        return name[..name.IndexOf('`')] + "<" + string.Join(", ", type.GetGenericArguments().Select(CsName)) + ">";
    }

    public static string Literal(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' or > '~' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return sb.Append('"').ToString();
    }
}
