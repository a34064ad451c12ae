namespace Quorum.Markdown.CrossLinks;

/// <summary>
/// Finds member names, aliases and action ids in text: case-sensitive, whole words, longest match first
/// ("LG CIO 03/05a" before "LG CIO 03/05"). A trie rather than one big regex: a decade of minutes has
/// tens of thousands of action ids, and an alternation of that size is slow to build and to run.
/// </summary>
public sealed class CrossLinkMatcher
{
    sealed class Node
    {
        public Dictionary<char, Node>? Next;
        public CrossLinkTarget? Target;
        // Past a phrase's first letters most nodes have one child: that one is kept beside the dictionary and
        // compared, not looked up (the walk was a tenth of the redactor's time).
        public char OnlyKey;
        public Node? Only;

        public Node? Child(char c) => Only is not null ? (c == OnlyKey ? Only : null)
            : Next is not null && Next.TryGetValue(c, out var child) ? child : null;

        public void Seal()
        {
            if (Next is null) return;
            if (Next.Count == 1) (OnlyKey, Only) = Next.First();
            foreach (var child in Next.Values) child.Seal();
        }
    }

    readonly Node _root = new();
    // The characters a phrase can start with: the scan jumps from one to the next (vectorised) instead of looking
    // every character of the minutes up in the trie.
    readonly System.Buffers.SearchValues<char> _firsts;

    public static readonly CrossLinkMatcher Empty = new([]);

    public CrossLinkMatcher(IEnumerable<KeyValuePair<string, CrossLinkTarget>> phrases)
    {
        foreach (var (phrase, target) in phrases)
        {
            if (string.IsNullOrWhiteSpace(phrase)) continue;
            var node = _root;
            foreach (var c in phrase)
            {
                node.Next ??= [];
                if (!node.Next.TryGetValue(c, out var child)) node.Next[c] = child = new Node();
                node = child;
            }
            node.Target ??= target;
            if (phrase[0] >= 128) continue;
            if (phrase.Length < 2 || phrase[1] >= 128) _walkAlways[phrase[0]] = true;
            else _pairs[phrase[0] << 7 | phrase[1]] = true;
        }
        _firsts = System.Buffers.SearchValues.Create(_root.Next is null ? [] : [.. _root.Next.Keys]);
        _root.Seal();
    }

    // Most capitalised words start no phrase beyond their first letter: the first two letters, looked up in a table
    // of every phrase's first two (ASCII) letters, rule them out before the trie is walked.
    readonly System.Collections.BitArray _pairs = new(128 * 128);
    readonly bool[] _walkAlways = new bool[128]; // a phrase of one letter, or with a non-ASCII second letter

    bool MayStartAt(ReadOnlySpan<char> text, int i)
    {
        char first = text[i];
        if (first >= 128 || _walkAlways[first]) return true;
        return i + 1 < text.Length && text[i + 1] < 128 && _pairs[first << 7 | text[i + 1]];
    }

    public readonly record struct Match(int Start, int Length, CrossLinkTarget Target);

    public IReadOnlyList<Match> Matches(string text) => Find(text) ?? [];

    /// <summary>The matches in order, or null when there are none (most text has none: then nothing is allocated).</summary>
    public List<Match>? Find(ReadOnlySpan<char> text)
    {
        List<Match>? found = null;
        var i = 0;
        while (i < text.Length)
        {
            var next = text[i..].IndexOfAny(_firsts);
            if (next < 0) break;
            i += next;
            if ((i == 0 || !IsWordChar(text[i - 1])) && MayStartAt(text, i) && Longest(text, i) is { } m)
            {
                (found ??= []).Add(m);
                i += m.Length;
            }
            else i++;
        }
        return found;
    }

    Match? Longest(ReadOnlySpan<char> text, int start)
    {
        var node = _root;
        Match? best = null;
        for (var j = start; j < text.Length && node.Child(text[j]) is { } child; j++)
        {
            node = child;
            if (node.Target is not null && (j + 1 == text.Length || !IsWordChar(text[j + 1]) || !IsWordChar(text[j])))
                best = new Match(start, j + 1 - start, node.Target);
        }
        return best;
    }

    static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
