using Quorum.Search.Lunr;

namespace Quorum.Search;

/// <summary>
/// The lunr index of the search documents. lunr scores a result by adding, field by field, the BM25 weight of each
/// matched term times the field's boost, so the boosts say which field is worth most:
/// <list type="bullet">
/// <item><c>title</c> 10: an item's heading, a member's name, a meeting's title, an action's id. A word in a title
/// is what the result is about, and titles are short, so a title match should beat any number of passing mentions
/// in running text.</item>
/// <item><c>id</c> 5: an action's id; on a meeting, the ids of earlier actions it reports on that have no page of
/// their own in this archive. The action's title is its id too, so a query for an id (<c>03/05a</c>,
/// <c>LG CIO 03/05a</c>) scores on two fields of the action while items that cite the id score on <c>text</c>
/// only: the action leads by a factor of 40 or more on the demo whatever this boost is (1, 5, 10 and 20 were
/// tried). A higher boost buys nothing for id queries but lifts the id's common words ("LG", "CIO") with it,
/// pushing every action further above meetings and items in a query such as "LG CIO Council"; so it stays
/// below the title's boost.</item>
/// <item><c>names</c> 5: an action's owners, a member's other spellings (aliases). A name here is a strong fact
/// about the result (who must act; who this is) but weaker than the name being the title (the member's own page).</item>
/// <item><c>text</c> 1: the words of the minutes, decisions, actions and pages.</item>
/// </list>
/// No document boosts: every kind competes on its words alone.
/// </summary>
public static class SearchIndex
{
    public static readonly IReadOnlyList<LunrField> Fields =
    [
        new("title", 10),
        new("id", 5),
        new("names", 5),
        new("text", 1),
    ];

    /// <summary>The fields lunr indexes for a document (a missing field indexes as empty).</summary>
    public static LunrDocument ToLunr(SearchDocument d)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = d.Title, ["text"] = d.Text };
        if (d.Id is not null) fields["id"] = d.Id;
        if (d.Names is not null) fields["names"] = d.Names;
        return new LunrDocument(d.Ref, fields);
    }

    /// <summary>
    /// The index of these documents, in their order. A shard is the same call over a subset (say one year's
    /// documents): refs do not change, and the documents file, keyed by ref, serves every shard.
    /// </summary>
    public static LunrIndex Build(IEnumerable<SearchDocument> documents) => Build(documents, withPostingRefs: true);

    /// <summary>An empty builder of this index's fields: <c>Add(ToLunr(document))</c> each document in order.</summary>
    public static LunrIndexBuilder Builder(bool withPostingRefs = true) => new(Fields, keepPostings: withPostingRefs);

    /// <summary>The index; without posting refs when only the sharded index is written (see <see cref="LunrIndexBuilder.Build(bool)"/>).</summary>
    public static LunrIndex Build(IEnumerable<SearchDocument> documents, bool withPostingRefs)
    {
        var builder = Builder(withPostingRefs);
        foreach (var d in documents) builder.Add(ToLunr(d));
        return builder.Build(withPostingRefs);
    }
}
