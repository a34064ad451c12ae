using CsCheck;
using Quorum.Build;
using Quorum.Public;
using Quorum.Render;
using Quorum.Tests.Support;

namespace Quorum.Tests.Foi;

/// <summary>
/// Property: for random archives (see <see cref="RandomArchive"/>), a built site contains no withheld token in any
/// file, and every token that is not withheld is published somewhere (redaction is exact, not just cautious).
/// </summary>
public class RedactionPropertyTests
{
    static readonly Lazy<Theme> SharedTheme = new(() =>
    {
        // Every random archive has the same site.yml, so one compiled theme serves them all.
        var site = new PublicSite("Random council", "https://example.org/", "en-GB", null, null, "Open Government Licence v3.0", "https://example.org/licence");
        return new Theme(Repo.Theme, new SiteUrls(site.BasePath), site);
    });

    static readonly System.Text.RegularExpressions.Regex Token = new("tok[0-9]+x", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Compiled);

    [Fact]
    public void A_built_site_withholds_exactly_the_exempt_content()
    {
        RandomArchive.Archives.Sample(meetings =>
        {
            var written = RandomArchive.Write(meetings);
            using var tmp = new TempDir();
            foreach (var (path, text) in written.Files) tmp.Write(Path.Combine("input", path), text);

            var (archive, diagnostics) = BuildPipeline.Prepare(tmp["input"], RandomArchive.BuildDate, new PhaseTimings());
            Assert.True(archive is not null, string.Join("\n", diagnostics.Sorted()));
            var output = new MemoryOutput();
            new SiteRenderer(archive, SharedTheme.Value).Render(output);

            // One pass collects every token present. Tokens are ASCII, so UTF-8 is enough here (the canary tests try
            // every encoding); the theme's own assets are copied unchanged and cannot hold a token of this archive.
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, bytes) in output.Files)
                if (!path.StartsWith("assets/", StringComparison.Ordinal))
                    foreach (System.Text.RegularExpressions.Match m in Token.Matches(System.Text.Encoding.UTF8.GetString(bytes)))
                        found.Add(m.Value.ToUpperInvariant());
            var leaked = written.Secret.Where(found.Contains).ToList();
            Assert.True(leaked.Count == 0, $"{string.Join(", ", leaked)} leaked\n{string.Join("\n---\n", written.Files.Values)}");
            var missing = written.Public.Where(t => !found.Contains(t)).ToList();
            Assert.True(missing.Count == 0, $"{string.Join(", ", missing)} should be published\n{string.Join("\n---\n", written.Files.Values)}");
        }, iter: 1000, seed: "0N0XIzNsQ0O2", threads: 2);
    }
}
