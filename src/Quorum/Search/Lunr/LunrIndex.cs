using System.Text;

namespace Quorum.Search.Lunr;

/// <summary>
/// A built lunr 2.3.9 index: what <c>JSON.stringify(idx)</c> would write, kept as parts so that a
/// writer can split it (by term or by document) without renumbering terms or changing refs.
/// </summary>
public sealed class LunrIndex
{
    public const string Version = "2.3.9";

    internal LunrIndex(string[] fields, LunrFieldVector[] fieldVectors, LunrTerm[] terms, int documentCount)
    {
        FieldArray = fields;
        FieldVectorArray = fieldVectors;
        TermArray = terms;
        DocumentCount = documentCount;
    }

    /// <summary>Field names in lunr's order (JS key order of the builder's fields).</summary>
    public IReadOnlyList<string> Fields => FieldArray;

    /// <summary>One per field per document, in lunr's serialization order (documents as added, then fields).</summary>
    public IReadOnlyList<LunrFieldVector> FieldVectors => FieldVectorArray;

    /// <summary>The inverted index, sorted by term in ordinal (UTF-16) order as lunr serializes it.</summary>
    public IReadOnlyList<LunrTerm> Terms => TermArray;

    /// <summary>Number of documents added (lunr's documentCount, which the idf uses).</summary>
    public int DocumentCount { get; }

    /// <summary>The search pipeline lunr records: only the stemmer runs on query terms.</summary>
    public IReadOnlyList<string> Pipeline { get; } = ["stemmer"];

    internal string[] FieldArray { get; }

    internal LunrFieldVector[] FieldVectorArray { get; }

    internal LunrTerm[] TermArray { get; }

    /// <summary>False when built without posting refs (<see cref="LunrIndexBuilder.Build(bool)"/>): then
    /// <see cref="LunrTerm.RefsByField"/> is empty and the index cannot be written as JSON.</summary>
    public bool HasPostingRefs { get; init; } = true;

    /// <summary>Writes the serialized index (UTF-8 without BOM), byte for byte what lunr's JSON.stringify gives.</summary>
    public void WriteJson(Stream stream)
    {
        if (!HasPostingRefs) throw new InvalidOperationException("this index was built without posting refs: it cannot be written as lunr's JSON");
        LunrJson.Write(stream, FieldArray, FieldVectorArray, TermArray);
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        WriteJson(buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
