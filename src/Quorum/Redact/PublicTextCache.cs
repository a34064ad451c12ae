using System.Runtime.CompilerServices;
using Quorum.Load;

namespace Quorum.Redact;

/// <summary>
/// The public text of each range of Markdown from one redact to the next, kept by <c>quorum serve</c>. The load cache
/// hands back the very same <see cref="RawMarkdown"/> for a file that did not change, so an entry is keyed by that
/// object (by reference: a changed file is a new object, never a hit) and the range; <see cref="TextRedaction"/> is a
/// function of those and the build date alone, so the cache is emptied when the date changes. Each redact keeps only
/// the entries it used. Besides saving the work, a reused text is the same string as before, which the rendering
/// cache then finds without comparing characters.
/// </summary>
public sealed class PublicTextCache
{
    readonly record struct Key(RawMarkdown Markdown, int StartLine, int EndLine);

    sealed class KeyComparer : IEqualityComparer<Key>
    {
        public bool Equals(Key x, Key y) => ReferenceEquals(x.Markdown, y.Markdown) && x.StartLine == y.StartLine && x.EndLine == y.EndLine;
        public int GetHashCode(Key k) => HashCode.Combine(RuntimeHelpers.GetHashCode(k.Markdown), k.StartLine, k.EndLine);
    }

    static readonly KeyComparer Comparer = new();
    Dictionary<Key, string> _previous = new(Comparer);
    Dictionary<Key, string> _current = new(Comparer);
    DateOnly? _date;

    /// <summary>Starts a redact for a build date: what the last one used is what this one may reuse.</summary>
    internal void Begin(DateOnly buildDate)
    {
        _previous = _date == buildDate ? _current : new Dictionary<Key, string>(Comparer);
        _current = new Dictionary<Key, string>(_previous.Count, Comparer);
        _date = buildDate;
    }

    /// <summary>The public text of a range, from the last redact if it had it, else from <see cref="TextRedaction"/>.</summary>
    internal string PublicText(RawMarkdown markdown, RawRange range, DateOnly buildDate)
    {
        var key = new Key(markdown, range.StartLine, range.EndLine);
        if (!_previous.TryGetValue(key, out var text)) text = TextRedaction.PublicText(markdown, range, buildDate);
        _current[key] = text;
        return text;
    }
}
