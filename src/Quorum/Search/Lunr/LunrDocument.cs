namespace Quorum.Search.Lunr;

/// <summary>
/// A document to index, like lunr's <c>this.add(doc, { boost })</c>. A field missing from
/// <see cref="Fields"/> (or null) indexes as empty text, as lunr does for an undefined property.
/// </summary>
public sealed record LunrDocument(string Ref, IReadOnlyDictionary<string, string> Fields, double Boost = 1);
