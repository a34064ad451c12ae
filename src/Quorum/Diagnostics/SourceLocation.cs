namespace Quorum.Diagnostics;

/// <summary>A place in an input file: a path relative to the working directory, 1-based line and column.</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation File(string path) => new(path, 1, 1);

    public override string ToString() => $"{Path}:{Line}:{Column}";
}

/// <summary>A value read from input together with where it was written, so later phases can point at it.</summary>
public sealed record Located<T>(T Value, SourceLocation Location)
{
    public override string ToString() => Value?.ToString() ?? "";
}
