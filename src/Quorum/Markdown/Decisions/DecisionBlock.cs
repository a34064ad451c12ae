using Markdig.Parsers;
using Quorum.Markdown.Containers;

namespace Quorum.Markdown.Decisions;

/// <summary>A <c>:::decision</c> block: a decision of the agenda item it stands in.</summary>
public sealed class DecisionBlock(BlockParser parser) : NamedContainer(parser);
