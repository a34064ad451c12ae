using System.Text.RegularExpressions;

namespace Quorum.Load;

/// <summary>FORMAT.md's id rule, and the action-id slug of the URL table.</summary>
public static partial class Ids
{
    public static bool IsValid(string id) => IdPattern().IsMatch(id);

    /// <summary><c>LG CIO 03/05a</c> → <c>lg-cio-03-05a</c>: lower-cased, every run of other characters a hyphen.</summary>
    public static string ActionSlug(string actionId) => NonAlphanumeric().Replace(actionId.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
