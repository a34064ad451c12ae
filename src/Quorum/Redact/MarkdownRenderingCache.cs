using System.Security.Cryptography;
using System.Text;
using Markdig;
using Quorum.Markdown.CrossLinks;

namespace Quorum.Redact;

/// <summary>
/// The renderings of public Markdown from one redact to the next, kept by <c>quorum serve</c> so that a rebuild after
/// a save parses only the pieces whose text changed. A rendering is a function of the text, the item it belongs to
/// (decision anchors carry the item's number) and the cross-link phrases (names, aliases, action ids and their URLs,
/// which include the base path): the text and number are the key, and the whole cache is dropped when the phrases'
/// fingerprint changes. Each redact keeps only the pieces it used, so the cache never outgrows one archive.
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
    Dictionary<Key, Rendering> _renderings = new(Comparer);
    UInt128 _fingerprint;
    MarkdownPipeline? _pipeline;

    /// <summary>How many pieces the last redact parsed (the rest came from the cache).</summary>
    public int LastParsed { get; private set; }

    /// <summary>How many pieces the last redact took from the cache.</summary>
    public int LastReused { get; private set; }

    /// <summary>
    /// The rendering pipeline for these cross-link phrases: the previous one while the phrases are the same (building
    /// the matcher's trie of every action id is itself work), else a new one, and the renderings made with the old
    /// phrases are dropped.
    /// </summary>
    internal MarkdownPipeline Pipeline(IReadOnlyList<KeyValuePair<string, CrossLinkTarget>> phrases, Func<MarkdownPipeline> build)
    {
        var fingerprint = Fingerprint(phrases);
        if (_pipeline is null || fingerprint != _fingerprint)
        {
            _renderings = new Dictionary<Key, Rendering>(Comparer);
            _pipeline = build();
            _fingerprint = fingerprint;
        }
        return _pipeline;
    }

    internal Rendering? Find(Key key) => _renderings.GetValueOrDefault(key);

    /// <summary>Replaces the cache with the renderings of this redact (reused and new alike), in the order of its pieces.</summary>
    internal void Keep(IReadOnlyList<Key> keys, IReadOnlyList<Rendering> renderings, int parsed)
    {
        var next = new Dictionary<Key, Rendering>(keys.Count, Comparer);
        for (var i = 0; i < keys.Count; i++) next[keys[i]] = renderings[i];
        _renderings = next;
        LastParsed = parsed;
        LastReused = keys.Count - parsed;
    }

    /// <summary>A hash of every phrase with its target, in order (the matcher keeps the first target of a phrase).</summary>
    static UInt128 Fingerprint(IReadOnlyList<KeyValuePair<string, CrossLinkTarget>> phrases)
    {
        var buffer = new StringBuilder();
        foreach (var (phrase, target) in phrases)
            buffer.Append(phrase).Append('\0').Append((int)target.Kind).Append('\0').Append(target.Id).Append('\0').Append(target.Url).Append('\n');
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(buffer.ToString()), digest);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }
}
