using System.Numerics;

namespace Quorum.Search.Lunr;

/// <summary>
/// Sorts a field's distinct term ids ascending (lunr's vector order), each value beside its id moved with it: a few
/// by comparison; many (an item's text holds hundreds) by setting a bit per id and reading the bits back in order,
/// linear in the ids' span, since ids are small numbers (every term of the index, numbered). Sorting by comparison was
/// a tenth of the search's reading of the archive. Not thread-safe: its scratch is reused.
/// </summary>
internal sealed class TermIdSorter
{
    private ulong[] _bits = new ulong[64];
    private int[] _values = new int[256];

    /// <summary>Sorts <paramref name="ids"/> (distinct, not negative), and <paramref name="values"/> with them if not empty.</summary>
    public void Sort(Span<int> ids, Span<int> values)
    {
        if (ids.Length <= 64)
        {
            if (values.IsEmpty) ids.Sort();
            else ids.Sort(values);
            return;
        }
        int lowest = int.MaxValue, highest = 0;
        foreach (int id in ids)
        {
            lowest = Math.Min(lowest, id);
            highest = Math.Max(highest, id);
        }
        int low = lowest >> 6, words = (highest >> 6) - low + 1;
        if (_bits.Length < words)
            _bits = new ulong[Math.Max(words, 2 * _bits.Length)];
        var bits = _bits.AsSpan(0, words);
        if (!values.IsEmpty && _values.Length <= highest - lowest)
            _values = new int[Math.Max(highest - lowest + 1, 2 * _values.Length)];
        for (int i = 0; i < ids.Length; i++)
        {
            bits[(ids[i] >> 6) - low] |= 1UL << ids[i];
            if (!values.IsEmpty)
                _values[ids[i] - lowest] = values[i];
        }
        int o = 0;
        for (int w = 0; w < words; w++)
        {
            ulong word = bits[w];
            bits[w] = 0;
            while (word != 0)
            {
                int id = ((w + low) << 6) + BitOperations.TrailingZeroCount(word);
                ids[o] = id;
                if (!values.IsEmpty)
                    values[o] = _values[id - lowest];
                o++;
                word &= word - 1;
            }
        }
    }
}
