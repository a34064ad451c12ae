namespace Quorum.ThemeCompiler;

// The part of Handlebars the theme compiler takes: text, {{value}}, {{{raw}}}, helpers with literal, path and
// (subexpression) arguments, the blocks if, unless, each and with (with an else), partials without arguments, and
// comments; a line holding only a block tag, else or comment is left out whole, as Handlebars does ("standalone").
// Anything else (whitespace control, hash arguments, block parameters, standalone partials, ../ and @root paths...)
// is NotCompilable: the theme then runs on Handlebars.Net, which takes all of it.

abstract record Node;
sealed record Text(string Value) : Node;
sealed record Mustache(Expr Value, bool Raw) : Node;
sealed record Block(string Helper, Expr Argument, IReadOnlyList<Node> Body, IReadOnlyList<Node> Inverse) : Node;
sealed record PartialCall(string Name) : Node;

abstract record Expr;
sealed record PathExpr(string Path) : Expr;
sealed record StringLiteral(string Value) : Expr;
sealed record HelperCall(string Helper, IReadOnlyList<Expr> Arguments) : Expr;

/// <summary>A template the compiler leaves to Handlebars.Net, and why.</summary>
sealed class NotCompilableException(string message) : Exception(message);

static class HbsParser
{
    enum Kind { Text, Value, Raw, Open, Close, Else, Comment, Partial }

    sealed class Token(Kind kind, string content)
    {
        public Kind Kind { get; } = kind;
        public string Content { get; set; } = content; // a text's, trimmed when a tag beside it stands alone
    }

    static readonly HashSet<string> BlockHelpers = ["if", "unless", "each", "with"];

    public static IReadOnlyList<Node> Parse(string template, IReadOnlySet<string> helpers)
    {
        var tokens = Tokenize(template);
        StripStandalone(tokens);
        int at = 0;
        var nodes = Nodes(tokens, ref at, helpers, out var end);
        if (end is not null) throw new NotCompilableException($"{{{{{end.Content}}}}} closes nothing");
        return nodes;
    }

    static List<Token> Tokenize(string text)
    {
        if (text.Contains("\\{{")) throw new NotCompilableException("an escaped mustache");
        var tokens = new List<Token>();
        int pos = 0;
        while (pos < text.Length)
        {
            int open = text.IndexOf("{{", pos, StringComparison.Ordinal);
            if (open < 0) { tokens.Add(new(Kind.Text, text[pos..])); break; }
            if (open > pos) tokens.Add(new(Kind.Text, text[pos..open]));
            if (text.AsSpan(open).StartsWith("{{{"))
            {
                int close = Close(text, "}}}", open + 3);
                tokens.Add(new(Kind.Raw, text[(open + 3)..close].Trim()));
                pos = close + 3;
                continue;
            }
            if (text.AsSpan(open).StartsWith("{{!--"))
            {
                pos = Close(text, "--}}", open + 5) + 4;
                tokens.Add(new(Kind.Comment, ""));
                continue;
            }
            int end = Close(text, "}}", open + 2);
            var inner = text[(open + 2)..end];
            pos = end + 2;
            if (inner.StartsWith('!')) { tokens.Add(new(Kind.Comment, "")); continue; }
            if (inner.StartsWith('~') || inner.EndsWith('~')) throw new NotCompilableException("whitespace control (~)");
            inner = inner.Trim();
            tokens.Add(inner switch
            {
                ['#', .. var rest] => new(Kind.Open, rest.Trim()),
                ['/', .. var rest] => new(Kind.Close, rest.Trim()),
                ['>', .. var rest] => new(Kind.Partial, rest.Trim()),
                "else" => new(Kind.Else, ""),
                ['^', ..] or ['&', ..] or ['*', ..] => throw new NotCompilableException($"{{{{{inner}}}}}"),
                _ => new(Kind.Value, inner),
            });
        }
        return tokens;
    }

    static int Close(string text, string close, int from) =>
        text.IndexOf(close, from, StringComparison.Ordinal) is var at and >= 0 ? at : throw new NotCompilableException("an unclosed mustache");

    /// <summary>
    /// A block tag, else, comment or partial alone on its line (nothing else but spaces and tabs) is left out with its
    /// line: the spaces before it and the line end after it. Judged on the text as written, before any is trimmed.
    /// </summary>
    static void StripStandalone(List<Token> tokens)
    {
        var standalone = new List<int>();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind is not (Kind.Open or Kind.Close or Kind.Else or Kind.Comment or Kind.Partial)) continue;
            bool left = i == 0 || (tokens[i - 1].Kind == Kind.Text && LineStartsBlank(tokens[i - 1].Content, first: i - 1 == 0));
            bool right = i == tokens.Count - 1 || (tokens[i + 1].Kind == Kind.Text && LineEndsBlank(tokens[i + 1].Content, last: i + 1 == tokens.Count - 1));
            if (!left || !right) continue;
            if (tokens[i].Kind == Kind.Partial) throw new NotCompilableException("a partial alone on its line (Handlebars indents it)");
            standalone.Add(i);
        }
        foreach (var i in standalone)
        {
            if (i > 0)
            {
                var before = tokens[i - 1].Content;
                tokens[i - 1].Content = before[..(before.LastIndexOf('\n') + 1)];
            }
            if (i < tokens.Count - 1)
            {
                var after = tokens[i + 1].Content;
                int newline = after.IndexOf('\n');
                tokens[i + 1].Content = newline < 0 ? "" : after[(newline + 1)..];
            }
        }
    }

    // The text before a tag ends its line with spaces only, and that line began in the text (or the template did).
    static bool LineStartsBlank(string text, bool first)
    {
        int newline = text.LastIndexOf('\n');
        return (newline >= 0 || first) && Blank(text.AsSpan(newline + 1));
    }

    static bool LineEndsBlank(string text, bool last)
    {
        int newline = text.IndexOf('\n');
        if (newline < 0) return last && Blank(text);
        var line = text.AsSpan(0, newline);
        return Blank(line.EndsWith("\r") ? line[..^1] : line);
    }

    static bool Blank(ReadOnlySpan<char> s) => s.IndexOfAnyExcept(' ', '\t') < 0;

    static List<Node> Nodes(List<Token> tokens, ref int at, IReadOnlySet<string> helpers, out Token? end)
    {
        var nodes = new List<Node>();
        while (at < tokens.Count)
        {
            var token = tokens[at++];
            switch (token.Kind)
            {
                case Kind.Text:
                    if (token.Content.Length > 0) nodes.Add(new Text(token.Content));
                    break;
                case Kind.Comment:
                    break;
                case Kind.Value:
                case Kind.Raw:
                    nodes.Add(new Mustache(Statement(token.Content, helpers), token.Kind == Kind.Raw));
                    break;
                case Kind.Partial:
                    if (!IsName(token.Content)) throw new NotCompilableException($"the partial call {{{{> {token.Content}}}}}");
                    nodes.Add(new PartialCall(token.Content));
                    break;
                case Kind.Open:
                    nodes.Add(OpenBlock(token.Content, tokens, ref at, helpers));
                    break;
                case Kind.Close:
                case Kind.Else:
                    end = token;
                    return nodes;
            }
        }
        end = null;
        return nodes;
    }

    static Block OpenBlock(string content, List<Token> tokens, ref int at, IReadOnlySet<string> helpers)
    {
        var words = Words(content);
        if (words.Count != 2 || !BlockHelpers.Contains(words[0]))
            throw new NotCompilableException($"the block {{{{#{content}}}}}");
        var argument = Argument(words[1], helpers);
        var body = Nodes(tokens, ref at, helpers, out var end);
        IReadOnlyList<Node> inverse = [];
        if (end?.Kind == Kind.Else) inverse = Nodes(tokens, ref at, helpers, out end);
        if (end?.Kind != Kind.Close || end.Content != words[0])
            throw new NotCompilableException($"{{{{#{content}}}}} is not closed by {{{{/{words[0]}}}}}");
        return new Block(words[0], argument, body, inverse);
    }

    /// <summary>A mustache's content: a helper and its arguments, or a path.</summary>
    static Expr Statement(string content, IReadOnlySet<string> helpers)
    {
        var words = Words(content);
        if (helpers.Contains(words[0])) return new HelperCall(words[0], words.Skip(1).Select(w => Argument(w, helpers)).ToList());
        if (words.Count > 1) throw new NotCompilableException($"{{{{{content}}}}} calls no helper Quorum has");
        return Argument(words[0], helpers);
    }

    static Expr Argument(string word, IReadOnlySet<string> helpers)
    {
        if (word.StartsWith('(')) return word.EndsWith(')') && Statement(word[1..^1], helpers) is HelperCall call ? call : throw new NotCompilableException($"the subexpression {word}");
        if (word.Length >= 2 && word[0] is '"' or '\'' && word[^1] == word[0]) return new StringLiteral(word[1..^1]);
        if (word.Contains('=') || word.Contains('"') || word.Contains('\'') || char.IsDigit(word[0]) || word is "true" or "false" or "null" or "undefined")
            throw new NotCompilableException($"the argument {word}");
        return new PathExpr(word);
    }

    /// <summary>A mustache's words: split at spaces outside quotes and parentheses.</summary>
    static List<string> Words(string content)
    {
        var words = new List<string>();
        int depth = 0, start = -1;
        char quote = '\0';
        for (int i = 0; i <= content.Length; i++)
        {
            char c = i < content.Length ? content[i] : ' ';
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'') { quote = c; if (start < 0) start = i; continue; }
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (char.IsWhiteSpace(c) && depth == 0)
            {
                if (start >= 0) words.Add(content[start..i]);
                start = -1;
            }
            else if (start < 0) start = i;
        }
        if (quote != '\0' || depth != 0 || words.Count == 0) throw new NotCompilableException($"{{{{{content}}}}}");
        return words;
    }

    static bool IsName(string s) => s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
