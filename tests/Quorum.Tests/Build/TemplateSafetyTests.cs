using System.Text.RegularExpressions;
using Quorum.Tests.Support;

namespace Quorum.Tests.Build;

/// <summary>Everything in templates is HTML-escaped unless it is HTML Quorum rendered itself.</summary>
public class TemplateSafetyTests
{
    [Fact]
    public void Triple_stash_output_only_ever_names_html_we_rendered()
    {
        var raw = new List<string>();
        foreach (var file in Directory.GetFiles(Repo.Theme, "*.hbs", SearchOption.AllDirectories))
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"\{\{\{\s*([^}\s]+)"))
                if (!m.Groups[1].Value.EndsWith("Html", StringComparison.Ordinal))
                    raw.Add($"{Path.GetFileName(file)}: {{{{{{{m.Groups[1].Value}");
        Assert.Empty(raw);
    }

    [Fact]
    public void A_hostile_name_is_escaped_everywhere_it_appears()
    {
        using var tmp = new TempDir();
        var input = tmp.CopyFrom(Repo.Fixture("minimal"));
        File.WriteAllText(Path.Combine(input, "members", "bob-jones.md"),
            "---\nname: \"Bob <img src=x onerror=alert(1)> Jones\"\norganisation: \"\\\"><script>alert(2)</script>\"\n---\n");
        var (result, output) = SiteBuilder.InMemory(input);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        // Markup files must escape it; CSV and JSON carry it as data (JSON escapes '<' as well).
        foreach (var (path, bytes) in output.Files.Where(f => Path.GetExtension(f.Key) is ".html" or ".xml" or ".json" or ".ics"))
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.DoesNotContain("<img src=x", text);
            Assert.DoesNotContain("<script>alert(2)", text);
        }
        Assert.Contains("<h1>Bob &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; Jones</h1>", output.Text("members/bob-jones/index.html"));
    }
}
