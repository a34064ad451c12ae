namespace Quorum.Markdown.CrossLinks;

public enum CrossLinkKind { Member, Action }

/// <summary>What a name, alias or action id links to.</summary>
public sealed record CrossLinkTarget(CrossLinkKind Kind, string Id, string Url);
