namespace Quorum.Search.Lunr;

/// <summary>
/// Writes lunr 2.3.9's serialized index, as <c>JSON.stringify(lunr.Index)</c> lays it out:
/// <c>{"version","fields","fieldVectors":[[fieldRef,[i,score,...]],...],"invertedIndex":[[term,posting],...],"pipeline":["stemmer"]}</c>.
/// Public so that a sharded writer can emit a valid index from a subset of the parts.
/// </summary>
public static class LunrJson
{
    /// <summary>
    /// Writes an index made of the given parts. <paramref name="terms"/> must be sorted by term
    /// (ordinal) and each term's <see cref="LunrTerm.RefsByField"/> must be parallel to <paramref name="fields"/>.
    /// </summary>
    public static void Write(Stream stream, IReadOnlyList<string> fields, IEnumerable<LunrFieldVector> fieldVectors, IEnumerable<LunrTerm> terms)
    {
        using var w = new JsJsonWriter(stream);
        w.Raw("{\"version\":");
        w.String(LunrIndex.Version);
        w.Raw(",\"fields\":[");
        for (int f = 0; f < fields.Count; f++)
        {
            if (f > 0)
                w.Raw(',');
            w.String(fields[f]);
        }

        w.Raw("],\"fieldVectors\":[");
        bool first = true;
        foreach (LunrFieldVector vector in fieldVectors)
        {
            if (!first)
                w.Raw(',');
            first = false;
            WriteFieldVector(w, vector);
        }

        // A posting is {"_index":n, field:{ref:{}}...}; JS lists field names that are array indices before "_index".
        int[] postingKeyOrder = PostingKeyOrder(fields);
        w.Raw("],\"invertedIndex\":[");
        first = true;
        foreach (LunrTerm term in terms)
        {
            if (!first)
                w.Raw(',');
            first = false;
            WriteTerm(w, fields, postingKeyOrder, term);
        }
        w.Raw("],\"pipeline\":[\"stemmer\"]}");
    }

    private static void WriteFieldVector(JsJsonWriter w, LunrFieldVector vector)
    {
        w.Raw('[');
        w.String(vector.Key);
        w.Raw(",[");
        int[] indexes = vector.TermIndexArray;
        double[] scores = vector.ScoreArray;
        for (int i = 0; i < indexes.Length; i++)
        {
            if (i > 0)
                w.Raw(',');
            w.Number(indexes[i]);
            w.Raw(',');
            w.Number(scores[i]);
        }
        w.Raw("]]");
    }

    private static void WriteTerm(JsJsonWriter w, IReadOnlyList<string> fields, int[] keyOrder, LunrTerm term)
    {
        w.Raw('[');
        w.String(term.Term);
        w.Raw(",{");
        for (int k = 0; k < keyOrder.Length; k++)
        {
            if (k > 0)
                w.Raw(',');
            int f = keyOrder[k];
            if (f < 0)
            {
                w.Raw("\"_index\":");
                w.Number(term.Index);
                continue;
            }
            w.String(fields[f]);
            w.Raw(":{");
            string[] refs = term.RefsByFieldArray[f];
            for (int r = 0; r < refs.Length; r++)
            {
                if (r > 0)
                    w.Raw(',');
                w.String(refs[r]);
                w.Raw(":{}");
            }
            w.Raw('}');
        }
        w.Raw("}]");
    }

    /// <summary>Field positions in posting key order, with -1 standing for "_index".</summary>
    private static int[] PostingKeyOrder(IReadOnlyList<string> fields)
    {
        var order = new List<int>(fields.Count + 1);
        for (int f = 0; f < fields.Count; f++)
        {
            if (JsPropertyOrder.IsArrayIndex(fields[f], out _))
                order.Add(f);
        }
        order.Add(-1);
        for (int f = 0; f < fields.Count; f++)
        {
            if (!JsPropertyOrder.IsArrayIndex(fields[f], out _))
                order.Add(f);
        }
        return [.. order];
    }
}
