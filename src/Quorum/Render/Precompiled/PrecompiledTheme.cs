namespace Quorum.Render.Precompiled;

/// <summary>One template compiled to C#: the model type it was compiled for, and the code that writes it.</summary>
public sealed record CompiledTemplate(Type Model, Action<TextWriter, object, ThemeHelpers> Render);

/// <summary>
/// A theme's templates compiled to C# when Quorum was built (<c>src/Quorum.ThemeCompiler</c>; the default theme's are
/// in <c>DefaultTheme.g.cs</c>), with the text of every file they were compiled from. A theme on disk uses them only if
/// its templates and partials are exactly those files, every one, so what is written is what Handlebars.Net would
/// write from the same files (tests render the demo and the fixture sites both ways and compare every byte); any other
/// theme, or the same theme edited (say while <c>quorum serve</c> runs), is compiled by Handlebars.Net as ever.
/// </summary>
/// <remarks>
/// Handlebars.Net compiles each template into an expression tree when the build starts, reads the page models by
/// reflection as it renders, and looks up every path by name on every page; at 1,000 meetings the templates were an
/// eighth of a build's CPU. Compiled ahead of time, a path is a property read and a helper a method call.
/// </remarks>
public sealed class PrecompiledTheme(
    IReadOnlyDictionary<string, string> templateFiles,
    IReadOnlyDictionary<string, string> partialFiles,
    IReadOnlyDictionary<string, CompiledTemplate> templates,
    CompiledTemplate? layoutHead,
    CompiledTemplate? layoutTail)
{
    // The text of each template (templates/NAME.hbs) and partial (partials/NAME.hbs) compiled, by name.
    readonly IReadOnlyDictionary<string, string> _templateFiles = templateFiles, _partialFiles = partialFiles;

    /// <summary>Each template by name, the layout whole among them.</summary>
    public IReadOnlyDictionary<string, CompiledTemplate> Templates { get; } = templates;

    /// <summary>The layout before and after its <c>{{{BodyHtml}}}</c>, when it can be cut there (as <see cref="Theme"/> cuts it).</summary>
    public CompiledTemplate? LayoutHead { get; } = layoutHead;
    public CompiledTemplate? LayoutTail { get; } = layoutTail;

    /// <summary>Whether a theme's files, by name, are exactly the ones compiled: the same names, the same text.</summary>
    public bool IsCompiledFrom(IReadOnlyDictionary<string, string> templateFiles, IReadOnlyDictionary<string, string> partialFiles) =>
        Same(_templateFiles, templateFiles) && Same(_partialFiles, partialFiles);

    static bool Same(IReadOnlyDictionary<string, string> compiled, IReadOnlyDictionary<string, string> onDisk) =>
        compiled.Count == onDisk.Count &&
        onDisk.All(file => compiled.TryGetValue(file.Key, out var text) && string.Equals(text, file.Value, StringComparison.Ordinal));
}
