namespace Quorum.Benchmarks;

/// <summary>
/// A small deterministic random number generator (SplitMix64). System.Random's seeded sequence is not promised to
/// stay the same across .NET versions; this one is, so a seed names the same corpus for ever.
/// </summary>
public sealed class Rng(ulong seed)
{
    ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 ≤ result &lt; <paramref name="max"/>.</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)(NextUInt64() % (ulong)max);

    /// <summary><paramref name="min"/> ≤ result ≤ <paramref name="max"/>.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(double p) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < p;

    public T Pick<T>(IReadOnlyList<T> list) => list[Next(list.Count)];

    /// <summary>A new list: a Fisher–Yates shuffle of <paramref name="items"/>.</summary>
    public List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    /// <summary>An independent stream for one part of the corpus, so changing one part does not reshuffle the rest.</summary>
    public Rng Fork(ulong salt) => new(NextUInt64() ^ (salt * 0xD1B54A32D192ED03UL));
}
