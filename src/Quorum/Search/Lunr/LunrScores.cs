using System.Globalization;

namespace Quorum.Search.Lunr;

/// <summary>
/// A lunr index as the sharded search needs it: the terms, and per document per field its terms (by lunr index,
/// ascending) with lunr's scores as whole thousandths (lunr rounds its scores to 3 places, so nothing is lost). The same
/// numbers as the field vectors of the <see cref="LunrIndex"/> of the same documents, in about a third of the memory:
/// no vector objects, and an int per score where a vector holds a double (at 5,000 meetings, about 170 MB less at the
/// build's peak), and no array per document per field either: all of them are in one <see cref="FieldTermsTable"/>.
/// Made by <see cref="LunrIndexBuilder.BuildScores"/>, or from a built index (<see cref="From"/>).
/// </summary>
public sealed class LunrScores
{
    readonly FieldTermsTable _vectors;

    internal LunrScores(string[] fields, string[] refs, LunrTerm[] terms, FieldTermsTable vectors)
    {
        FieldArray = fields;
        Refs = refs;
        TermArray = terms;
        _vectors = vectors;
    }

    /// <summary>Field names in lunr's order.</summary>
    internal string[] FieldArray { get; }

    /// <summary>The documents' refs, in the order added.</summary>
    internal string[] Refs { get; }

    /// <summary>Every term, sorted ordinally as lunr serializes them; without posting refs.</summary>
    internal LunrTerm[] TermArray { get; }

    /// <summary>How many vectors there are: one per document per field.</summary>
    internal int Vectors => _vectors.Vectors;

    /// <summary>Vector <c>document * fields + field</c>: its terms' lunr indexes, ascending.</summary>
    internal ReadOnlySpan<int> TermIndexesOf(int vector) => _vectors.Ids(vector);

    /// <summary>Parallel to <see cref="TermIndexesOf"/>: each term's lunr score, in thousandths.</summary>
    internal ReadOnlySpan<int> ThousandthsOf(int vector) => _vectors.Counts(vector);

    /// <summary>The scores of a built index's field vectors.</summary>
    public static LunrScores From(LunrIndex index)
    {
        var vectors = index.FieldVectorArray;
        int fieldCount = index.FieldArray.Length;
        var refs = new string[fieldCount == 0 ? 0 : vectors.Length / fieldCount];
        var table = new FieldTermsTable();
        for (int v = 0; v < vectors.Length; v++)
        {
            if (v % fieldCount == 0) refs[v / fieldCount] = vectors[v].Ref;
            int added = table.Add(vectors[v].TermIndexArray.Length, 0);
            vectors[v].TermIndexArray.CopyTo(table.Ids(added));
            var thousandths = table.Counts(added);
            for (int i = 0; i < thousandths.Length; i++) thousandths[i] = ToThousandths(vectors[v].ScoreArray[i]);
        }
        return new LunrScores(index.FieldArray, refs, index.TermArray, table);
    }

    /// <summary>A lunr score (rounded to 3 places) as an exact count of thousandths.</summary>
    internal static int ToThousandths(double score)
    {
        double scaled = score * 1000;
        double rounded = Math.Round(scaled);
        if (Math.Abs(scaled - rounded) > 1e-6 * Math.Max(1, Math.Abs(scaled)) || rounded < 0 || rounded > int.MaxValue)
            throw new InvalidOperationException($"lunr score {score.ToString("R", CultureInfo.InvariantCulture)} is not a non-negative multiple of 0.001");
        return (int)rounded;
    }
}
