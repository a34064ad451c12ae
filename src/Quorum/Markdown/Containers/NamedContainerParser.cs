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
        // A fence inside a nested container or fenced code block that is still open is theirs: let them
        // see it first. (Markdig marks every block not-open while it asks each whether it continues, so
        // "still open" is read from the closing fence each has or has not yet seen.)
        if (HasOpenFencedDescendant(block)) return BlockState.Continue;
        var result = base.TryContinue(processor, block);
        if (result == BlockState.BreakDiscard) ((T)block).ClosingLine = processor.LineIndex;
        return result;
    }

    static bool HasOpenFencedDescendant(Block block)
    {
        for (var child = (block as ContainerBlock)?.LastChild; child is not null; child = (child as ContainerBlock)?.LastChild)
            if (child is NamedContainer { ClosingLine: null } || child is FencedCodeBlock { ClosingFencedCharCount: 0 })
                return true;
        return false;
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
