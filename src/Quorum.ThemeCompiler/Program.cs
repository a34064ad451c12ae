using Quorum.ThemeCompiler;

// dotnet run --project src/Quorum.ThemeCompiler [-- THEME OUTPUT]
// Compiles THEME (themes/default) to C# in OUTPUT (src/Quorum/Render/Precompiled/DefaultTheme.g.cs). A theme that uses
// Handlebars beyond what the compiler takes is written as not compiled, with the reason; Quorum then runs it on
// Handlebars.Net, as it runs every other theme.
var root = FindRoot();
var theme = args.Length > 0 ? args[0] : Path.Combine(root, "themes", "default");
var output = args.Length > 1 ? args[1] : Path.Combine(root, "src", "Quorum", "Render", "Precompiled", "DefaultTheme.g.cs");
var (source, reason) = ThemeSource.Generate(theme);
File.WriteAllText(output, source);
Console.WriteLine(reason is null ? $"compiled {theme} into {output}" : $"{theme} is not compiled ({reason}); wrote {output} without it");
return 0;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Quorum.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
