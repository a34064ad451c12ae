namespace Quorum.Redact;

/// <summary>
/// What <c>quorum serve</c> keeps from one redact to the next so that a rebuild after a save makes again only what the
/// save changed: the public objects of every meeting, member, body and page, and the parser that links names and
/// action ids (<see cref="IncrementalRedactor"/>). Whatever is reused is exactly what the redactor would make again from
/// the same input and build date. A full build uses none.
/// </summary>
public sealed class RedactCache
{
    internal IncrementalRedactor Redactor { get; } = new();

    /// <summary>How many pieces of public Markdown the last redact parsed (the others were kept or took a rendering of the same text).</summary>
    public int LastParsed => Redactor.LastParsed;

    /// <summary>How many public meetings the last redact kept from the one before.</summary>
    public int LastMeetingsReused => Redactor.LastMeetingsReused;
}
