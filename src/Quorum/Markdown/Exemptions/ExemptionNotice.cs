using System.Globalization;

namespace Quorum.Markdown.Exemptions;

/// <summary>The words the public sees in place of withheld content (FORMAT.md, "Exemptions").</summary>
public static class ExemptionNotice
{
    public static string Text(string ground, DateOnly? until)
    {
        var ground_ = ground.TrimEnd('.', ' ');
        var text = $"This item is exempt from publication: {ground_}.";
        return until is { } d ? $"{text} Exempt until {LongDate(d)}." : text;
    }

    public static string LongDate(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
