namespace Quorum.Search.Shards;

/// <summary>
/// The filter options of the search page, as search.js's <c>facets(documents)</c> derives them from documents.json
/// (a test checks the two agree): kinds in the page's fixed order; bodies by id, each labelled with the name it had
/// at its latest date (a renamed body is one option), ordered by label then id; years newest first.
/// </summary>
public static class SearchFacets
{
    public sealed record FacetOptions(IReadOnlyList<string> Kinds, IReadOnlyList<(string Value, string Label)> Bodies, IReadOnlyList<string> Years);

    static readonly string[] KindOrder = ["item", "decision", "action", "meeting", "member", "page"];

    public static FacetOptions Options(IReadOnlyList<SearchDocument> documents)
    {
        var kinds = documents.Select(d => d.KindName).ToHashSet(StringComparer.Ordinal);
        var bodies = new Dictionary<string, (string Name, string Date)>(StringComparer.Ordinal);
        var years = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            if (d.BodyId is { Length: > 0 } id)
            {
                var date = d.Date is { } day ? SearchDocuments.IsoDate(day) : "";
                // As the page does it: a later document of the same date wins (>=).
                if (!bodies.TryGetValue(id, out var seen) || string.CompareOrdinal(date, seen.Date) >= 0)
                    bodies[id] = (string.IsNullOrEmpty(d.Body) ? id : d.Body, date);
            }
            if (d.Year is { } year) years.Add(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return new FacetOptions(
            KindOrder.Where(kinds.Contains).ToList(),
            bodies.Select(b => (Value: b.Key, Label: b.Value.Name))
                .OrderBy(b => b.Label, StringComparer.Ordinal).ThenBy(b => b.Value, StringComparer.Ordinal).ToList(),
            years.Order(StringComparer.Ordinal).Reverse().ToList());
    }
}
