using System.Reflection;
using System.Text;

namespace Quorum.Benchmarks;

/// <summary>
/// The vocabulary of the synthetic corpus, taken from the demo minutes (input/meetings/2009): their prose
/// (<c>Seed/prose.txt</c>), item titles, decisions and action texts, with every person's name replaced by
/// <c>{M}</c> so the generator can put its own members there. Prose is made by a word-level Markov chain of
/// order 2 over the seed lines: it reads like the real minutes, and varies from meeting to meeting.
/// </summary>
public sealed class SeedText
{
    public const string NamePlaceholder = "{M}";
    const string Start = "\u0002";
    const string End = "\u0003";

    readonly Dictionary<(string, string), List<string>> _next = [];

    public IReadOnlyList<string> Lines { get; }
    /// <summary>Short seed lines with no full stop (list entries in the minutes), for bullet lists.</summary>
    public IReadOnlyList<string> Fragments { get; }
    public IReadOnlyList<string> Titles { get; }
    public IReadOnlyList<string> Decisions { get; }
    public IReadOnlyList<string> Actions { get; }
    /// <summary>Every word of the seed text: aliases must not be one of them, or ordinary words would become links.</summary>
    public IReadOnlySet<string> Words { get; }

    public static SeedText Load() => new(Read("prose"), Read("titles"), Read("decisions"), Read("actions"));

    SeedText(IReadOnlyList<string> prose, IReadOnlyList<string> titles, IReadOnlyList<string> decisions, IReadOnlyList<string> actions)
    {
        Lines = prose;
        Titles = titles;
        Decisions = decisions;
        Actions = actions;
        Fragments = prose.Where(l => l.Length < 70 && !l.EndsWith('.') && !l.EndsWith(':') && !l.Contains(NamePlaceholder)).ToList();
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in prose.Concat(titles).Concat(decisions).Concat(actions))
        {
            var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var t in tokens) words.Add(t.Trim('(', ')', ',', '.', ':', ';', '\'', '’', '‘'));
        }
        Words = words;
        foreach (var line in prose.Where(l => l.Split(' ').Length >= 6))
        {
            var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var (a, b) = (Start, Start);
            foreach (var t in tokens.Append(End))
            {
                if (!_next.TryGetValue((a, b), out var list)) _next[(a, b)] = list = [];
                list.Add(t);
                (a, b) = (b, t);
            }
        }
    }

    /// <summary>One seed-like sentence (or two), with <paramref name="name"/> called for each person mentioned.</summary>
    public string Sentence(Rng rng, Func<string> name)
    {
        var sb = new StringBuilder();
        var (a, b) = (Start, Start);
        var count = 0;
        while (true)
        {
            var next = rng.Pick(_next[(a, b)]);
            if (next == End) break;
            if (count > 0) sb.Append(' ');
            sb.Append(next.Contains(NamePlaceholder, StringComparison.Ordinal) ? next.Replace(NamePlaceholder, name()) : next);
            count++;
            (a, b) = (b, next);
            // Long runs end at the next full stop.
            if (count >= 45 && next.EndsWith('.')) break;
        }
        var text = sb.ToString().TrimEnd(' ', ':', '-', '–', ',');
        return text.EndsWith('.') || text.EndsWith('?') || text.EndsWith(')') ? text : text + ".";
    }

    /// <summary>A seed line with its placeholders filled.</summary>
    public static string Fill(string template, Func<string> name)
    {
        if (!template.Contains(NamePlaceholder, StringComparison.Ordinal)) return template;
        var parts = template.Split(NamePlaceholder);
        var sb = new StringBuilder(parts[0]);
        for (var i = 1; i < parts.Length; i++) sb.Append(name()).Append(parts[i]);
        return sb.ToString();
    }

    static List<string> Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Seed.{name}.txt")
            ?? throw new InvalidOperationException($"missing embedded resource Seed/{name}.txt");
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        return reader.ReadToEnd().Replace("\r\n", "\n").Split('\n')
            .Select(l => l.Trim().TrimStart('\uFEFF')).Where(l => l.Length > 0).ToList();
    }
}
