namespace Quorum.Search.Lunr;

/// <summary>
/// One entry of lunr's inverted index: a term, its <c>_index</c> (its position in the field vectors,
/// given in the order terms were first seen), and for each index field the refs of the documents
/// whose field holds the term, already in the order JSON.stringify writes them.
/// </summary>
public sealed class LunrTerm
{
    internal LunrTerm(string term, int index, string[][] refsByField)
    {
        Term = term;
        Index = index;
        RefsByFieldArray = refsByField;
    }

    public string Term { get; }

    /// <summary>lunr's <c>posting._index</c>.</summary>
    public int Index { get; }

    /// <summary>Parallel to <see cref="LunrIndex.Fields"/>; an empty list where the field lacks the term.</summary>
    public IReadOnlyList<IReadOnlyList<string>> RefsByField => RefsByFieldArray;

    internal string[][] RefsByFieldArray { get; }

    /// <summary>How many (field, document) pairs hold the term: the count lunr's idf uses.</summary>
    public int PostingCount
    {
        get
        {
            int count = 0;
            foreach (string[] refs in RefsByFieldArray)
                count += refs.Length;
            return count;
        }
    }
}
