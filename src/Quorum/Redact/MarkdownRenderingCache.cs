using Markdig;
using Quorum.Markdown.CrossLinks;

namespace Quorum.Redact;

/// <summary>
/// The renderings of public Markdown from one redact to the next, kept by <c>quorum serve</c> so that a rebuild after
/// a save parses only the pieces whose text changed. A rendering is a function of the text, the item it belongs to
/// (decision anchors carry the item's number) and the cross-link phrases (names, aliases, action ids and their URLs,
/// which include the base path): the text and number are the key, and the whole cache is dropped when the phrases
/// change. Each redact keeps only the pieces it used, so the cache never outgrows one archive.
/// A full build uses none.
/// </summary>
public sealed class MarkdownRenderingCache
{
    /// <summary>What <see cref="PublicMarkdownParser"/> keeps of one parsed piece.</summary>
    internal sealed record Rendering(string Html, string InlineHtml, string Plain, string[] MentionedMembers, DecisionRendering[] Decisions);

    internal sealed record DecisionRendering(string Html, string Plain, string[] MentionedMembers);

    internal readonly record struct Key(string Text, string? ItemNumber);

    /// <summary>
    /// Hashes a text by its length and ends rather than every character: a decade of minutes is tens of megabytes, and
    /// an unchanged piece is the very string of the last redact (<see cref="PublicTextCache"/>), so equality is a
    /// reference check; a collision costs only a comparison.
    /// </summary>
    sealed class KeyComparer : IEqualityComparer<Key>
    {
        const int Ends = 32;

        public bool Equals(Key x, Key y) => string.Equals(x.Text, y.Text) && string.Equals(x.ItemNumber, y.ItemNumber);

        public int GetHashCode(Key k)
        {
            var text = k.Text.AsSpan();
            var ends = text.Length <= 2 * Ends ? string.GetHashCode(text) : HashCode.Combine(string.GetHashCode(text[..Ends]), string.GetHashCode(text[^Ends..]));
            return HashCode.Combine(text.Length, ends, k.ItemNumber);
        }
    }

    static readonly KeyComparer Comparer = new();

    /// <summary>A rendering with the number of the last redact that used it.</summary>
    sealed class Entry(Rendering rendering, int generation)
    {
        public Rendering Rendering { get; } = rendering;
        public int Generation = generation;
    }

    // Kept from one redact to the next and changed in place (a decade of minutes is tens of thousands of pieces: making
    // a new table on every save is most of a rebuild's work once nothing else is parsed). Each redact marks what it
    // uses with its generation; Keep adds the new renderings and drops those the redact did not use.
    Dictionary<Key, Entry> _renderings = new(Comparer);
    int _generation;
    KeyValuePair<string, CrossLinkTarget>[]? _phrases;
    MarkdownPipeline? _pipeline;

    /// <summary>How many pieces the last redact parsed (the rest came from the cache).</summary>
    public int LastParsed { get; private set; }

    /// <summary>How many pieces the last redact took from the cache.</summary>
    public int LastReused { get; private set; }

    /// <summary>
    /// The rendering pipeline for these cross-link phrases: the previous one while the phrases are the same (building
    /// the matcher's trie of every action id is itself work), else a new one, and the renderings made with the old
    /// phrases are dropped. Starts a redact.
    /// </summary>
    internal MarkdownPipeline Pipeline(IReadOnlyList<KeyValuePair<string, CrossLinkTarget>> phrases, Func<MarkdownPipeline> build)
    {
        _generation++;
        if (_pipeline is null || _phrases is null || !SamePhrases(_phrases, phrases))
        {
            _renderings = new Dictionary<Key, Entry>(Comparer);
            _pipeline = build();
            _phrases = phrases.ToArray();
        }
        return _pipeline;
    }

    /// <summary>A rendering kept from an earlier redact, marked as used by this one. Safe to call from several threads at once.</summary>
    internal Rendering? Find(Key key)
    {
        if (!_renderings.TryGetValue(key, out var entry)) return null;
        entry.Generation = _generation; // every writer writes the same value
        return entry.Rendering;
    }

    /// <summary>Keeps the renderings of this redact (reused and new alike) and drops those it did not use.</summary>
    internal void Keep(IReadOnlyList<Key> keys, IReadOnlyList<Rendering> renderings, int parsed)
    {
        var generation = _generation;
        if (parsed > 0)
            for (var i = 0; i < keys.Count; i++)
            {
                // Only a parsed piece can be missing or stale (a reused one was just marked).
                if (_renderings.TryGetValue(keys[i], out var entry) && entry.Generation == generation) continue;
                _renderings[keys[i]] = new Entry(renderings[i], generation);
            }
        List<Key>? unused = null;
        foreach (var (key, entry) in _renderings)
            if (entry.Generation != generation) (unused ??= []).Add(key);
        if (unused is not null)
            foreach (var key in unused) _renderings.Remove(key);
        LastParsed = parsed;
        LastReused = keys.Count - parsed;
    }

    /// <summary>Whether two lists hold the same phrases with the same targets, in the same order (the matcher keeps the first target of a phrase).</summary>
    static bool SamePhrases(KeyValuePair<string, CrossLinkTarget>[] before, IReadOnlyList<KeyValuePair<string, CrossLinkTarget>> now)
    {
        if (before.Length != now.Count) return false;
        for (var i = 0; i < before.Length; i++)
        {
            var (a, b) = (before[i], now[i]);
            if (!string.Equals(a.Key, b.Key, StringComparison.Ordinal) || a.Value.Kind != b.Value.Kind ||
                !string.Equals(a.Value.Id, b.Value.Id, StringComparison.Ordinal) || !string.Equals(a.Value.Url, b.Value.Url, StringComparison.Ordinal))
                return false;
        }
        return true;
    }
}
