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

    /// <summary>A public text with the number of the last redact that used it.</summary>
    sealed class Entry(string text, int generation)
    {
        public string Text { get; } = text;
        public int Generation = generation;
    }

    // One table changed in place (not a new one per redact: tens of thousands of ranges); each redact marks what it uses.
    readonly Dictionary<Key, Entry> _texts = new(Comparer);
    int _generation;
    DateOnly? _date;

    /// <summary>Starts a redact for a build date: what the last one used is what this one may reuse.</summary>
    internal void Begin(DateOnly buildDate)
    {
        if (_date != buildDate) _texts.Clear();
        else
        {
            List<Key>? unused = null;
            foreach (var (key, entry) in _texts)
                if (entry.Generation != _generation) (unused ??= []).Add(key);
            if (unused is not null)
                foreach (var key in unused) _texts.Remove(key);
        }
        _generation++;
        _date = buildDate;
    }

    /// <summary>The public text of a range, from the last redact if it had it, else from <see cref="TextRedaction"/>.</summary>
    internal string PublicText(RawMarkdown markdown, RawRange range, DateOnly buildDate)
    {
        var key = new Key(markdown, range.StartLine, range.EndLine);
        if (_texts.TryGetValue(key, out var entry))
        {
            entry.Generation = _generation;
            return entry.Text;
        }
        var text = TextRedaction.PublicText(markdown, range, buildDate);
        _texts[key] = new Entry(text, _generation);
        return text;
    }
}
