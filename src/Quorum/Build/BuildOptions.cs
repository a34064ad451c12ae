namespace Quorum.Build;

public sealed record BuildOptions(string InputDirectory, string OutputDirectory, DateOnly BuildDate, string? ThemeDirectory = null)
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);
}
