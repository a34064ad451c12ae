using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Quorum.Markdown.Containers;

/// <summary>
/// Opens a <see cref="NamedContainer"/> only for its own name, so each syntax (decision, exempt) is its own extension.
/// Unlike Markdig's custom containers, a closing <c>:::</c> closes the innermost open block: with Markdig's rule a
/// decision nested in an exempt block would end the exemption early and publish the rest of it.
/// </summary>
public sealed class NamedContainerParser<T> : FencedBlockParserBase<T> where T : NamedContainer
{
    readonly string _name;
    readonly Func<NamedContainerParser<T>, T> _create;

    public NamedContainerParser(string name, Func<NamedContainerParser<T>, T> create)
    {
        _name = name;
        _create = create;
        OpeningCharacters = [':'];
        InfoPrefix = null;
        MinimumMatchCount = 3;
    }

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent) return BlockState.None;
        var arguments = ArgumentsAfterName(processor.Line);
        if (arguments is null) return BlockState.None;
        var result = base.TryOpen(processor);
        if (result != BlockState.None && processor.NewBlocks.Count > 0 && processor.NewBlocks.Peek() is T block)
            block.OpeningArguments = arguments;
        return result;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        // Let an open nested container or fenced code block see the fence first.
        if (block is ContainerBlock { LastChild: { IsOpen: true } child } && child is NamedContainer or FencedCodeBlock)
            return BlockState.Continue;
        var result = base.TryContinue(processor, block);
        if (result == BlockState.BreakDiscard) ((T)block).ClosingLine = processor.LineIndex;
        return result;
    }

    protected override T CreateFencedBlock(BlockProcessor processor) => _create(this);

    /// <summary>The text after <c>:::name</c> when the line opens this container, else null.</summary>
    string? ArgumentsAfterName(StringSlice line)
    {
        var text = line.ToString().TrimStart();
        var colons = 0;
        while (colons < text.Length && text[colons] == ':') colons++;
        if (colons < 3) return null;
        var rest = text[colons..].TrimStart();
        if (!rest.StartsWith(_name, StringComparison.Ordinal)) return null;
        if (rest.Length > _name.Length && !char.IsWhiteSpace(rest[_name.Length])) return null;
        return rest[_name.Length..].Trim();
    }
}
