namespace Quorum.Search.Lunr;

/// <summary>A field to index, like lunr's <c>this.field(name, { boost })</c>.</summary>
public sealed record LunrField(string Name, double Boost = 1);
