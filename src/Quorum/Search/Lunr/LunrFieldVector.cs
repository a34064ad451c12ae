namespace Quorum.Search.Lunr;

/// <summary>
/// lunr's vector for one field of one document: BM25 scores (rounded to 3 places, as lunr stores them)
/// by term index, sorted by term index. Serialized as <c>["field/ref", [index, score, ...]]</c>.
/// </summary>
public sealed class LunrFieldVector
{
    internal LunrFieldVector(string field, string docRef, int[] termIndexes, double[] scores)
    {
        Field = field;
        Ref = docRef;
        TermIndexArray = termIndexes;
        ScoreArray = scores;
    }

    public string Field { get; }

    public string Ref { get; }

    /// <summary>lunr's FieldRef string, <c>field + "/" + ref</c>.</summary>
    public string Key => Field + "/" + Ref;

    public IReadOnlyList<int> TermIndexes => TermIndexArray;

    public IReadOnlyList<double> Scores => ScoreArray;

    internal int[] TermIndexArray { get; }

    internal double[] ScoreArray { get; }
}
