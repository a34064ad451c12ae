namespace Quorum.Search;

/// <summary>What a search result is.</summary>
public enum SearchKind
{
    Meeting,
    Item,
    Decision,
    Action,
    Member,
    Page,
}

/// <summary>
/// One search result: the searchable fields (<see cref="Title"/>, <see cref="Id"/>, <see cref="Names"/>,
/// <see cref="Text"/>, see <see cref="SearchIndex"/>) and what the results list shows (the rest).
/// <see cref="Body"/> is the body's name as it was on the meeting's date (as the meeting page gives it);
/// <see cref="BodyId"/> groups a body's results under one filter whatever it was called.
/// <see cref="Ref"/> is the result's URL path with the site's base path (and its <c>#anchor</c> when it points into a
/// page), so a ref can be followed as it is; it is the key of <c>documents.json</c> and lunr's ref.
/// </summary>
public sealed record SearchDocument(
    string Ref,
    SearchKind Kind,
    string Title,
    string Text,
    string Excerpt,
    string? Body = null,
    string? BodyId = null,
    DateOnly? Date = null,
    string? Id = null,
    string? Names = null,
    bool Draft = false)
{
    /// <summary>The year a shard of the index would file this under; null for members and free pages.</summary>
    public int? Year => Date?.Year;

    public string KindName => Kind switch
    {
        SearchKind.Meeting => "meeting",
        SearchKind.Item => "item",
        SearchKind.Decision => "decision",
        SearchKind.Action => "action",
        SearchKind.Member => "member",
        _ => "page",
    };
}
