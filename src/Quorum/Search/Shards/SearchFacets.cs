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
        var bodies = new Dictionary<string, (string Name, DateOnly? Date)>(StringComparer.Ordinal);
        var years = new HashSet<int>();
        foreach (var d in documents)
        {
            if (d.BodyId is { Length: > 0 } id)
            {
                // As the page does it, comparing ISO dates (no date before any): a later document of the same date
                // wins (>=). Compared as dates, not formatted for each of a large site's documents.
                if (!bodies.TryGetValue(id, out var seen) || Nullable.Compare(d.Date, seen.Date) >= 0)
                    bodies[id] = (string.IsNullOrEmpty(d.Body) ? id : d.Body, d.Date);
            }
            if (d.Year is { } year) years.Add(year);
        }
        return new FacetOptions(
            KindOrder.Where(kinds.Contains).ToList(),
            bodies.Select(b => (Value: b.Key, Label: b.Value.Name))
                .OrderBy(b => b.Label, StringComparer.Ordinal).ThenBy(b => b.Value, StringComparer.Ordinal).ToList(),
            // As strings, as the page orders them (a year before 1000 would sort by its digits, not its value).
            years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Order(StringComparer.Ordinal).Reverse().ToList());
    }
}
