using CsCheck;
using Quorum.Diagnostics;
using Quorum.Load;
using Quorum.Resolve;

namespace Quorum.Tests.Units;

public class SmallPartsTests
{
    [Theory]
    [InlineData("LG CIO 03/05a", "lg-cio-03-05a")]
    [InlineData("L CIO 04/01", "l-cio-04-01")]
    [InlineData("  PC-24/01 ", "pc-24-01")]
    [InlineData("Ä 1", "1")] // non-ASCII letters are "other characters" in the URL table's rule
    public void Action_slugs_follow_the_url_table(string id, string slug) => Assert.Equal(slug, Ids.ActionSlug(id));

    [Theory]
    [InlineData("jos-creese", true)]
    [InlineData("a1", true)]
    [InlineData("Jos-Creese", false)]
    [InlineData("jos--creese", false)]
    [InlineData("-jos", false)]
    [InlineData("jos_creese", false)]
    public void Ids_are_lower_case_letters_digits_and_single_hyphens(string id, bool valid) => Assert.Equal(valid, Ids.IsValid(id));

    [Fact]
    public void A_body_is_named_as_it_was_on_the_day()
    {
        var body = new Body(new RawBody("b", "Local CIO Council",
            [new RawFormerName("Local Government CIO Council", new DateOnly(2009, 1, 8))], null, SourceLocation.File("b.yml"), "b.yml"));
        Assert.Equal("Local Government CIO Council", body.NameOn(new DateOnly(2008, 6, 1)));
        Assert.Equal("Local Government CIO Council", body.NameOn(new DateOnly(2009, 1, 8))); // up to and including
        Assert.Equal("Local CIO Council", body.NameOn(new DateOnly(2009, 1, 9)));
    }

    [Theory]
    [InlineData("alice-smyth", "alice-smith")]
    [InlineData("bob-jnoes", "bob-jones")]   // a transposition is one edit
    [InlineData("zzz", null)]
    public void Did_you_mean_suggests_only_close_matches(string word, string? expected) =>
        Assert.Equal(expected, Suggestions.Closest(word, ["alice-smith", "bob-jones"]));

    [Fact]
    public void Front_matter_is_split_with_line_numbers_and_crlf_and_bom_are_accepted()
    {
        var dir = Path.Combine(Path.GetTempPath(), "quorum-fm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "x.md");
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("---\r\ntitle: T\r\n---\r\nBody\r\n")]);
        var doc = FrontMatterDocument.Split(SourceFile.Read(file, "x.md", "x.md").Text)!;
        Assert.Equal("title: T\n", doc.Yaml);
        Assert.Equal(("Body\n", 4), (doc.Body, doc.BodyFirstLine));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void A_markdown_files_front_matter_split_as_it_is_read_is_the_split_of_its_whole_text()
    {
        // Most Markdown files are split in their bytes, never decoded whole: the parts must be what splitting the
        // decoded text gives, and the text what reading it whole gives, for any mix of closing-looking lines,
        // trailing spaces (a no-break space too), non-ASCII text, invalid bytes, carriage returns and a byte-order mark.
        var dir = Path.Combine(Path.GetTempPath(), "quorum-split-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var line = Gen.OneOf(Gen.Const("---"), Gen.Const("..."), Gen.Const("--- "), Gen.Const("---\u00A0"), Gen.Const("...\t"),
            Gen.Const("--- x"), Gen.Const("----"), Gen.Const("title: Zoë"), Gen.Const(""), Gen.Const("Body 😀"), Gen.Const("a\r"));
        var gen = Gen.Select(Gen.Bool, Gen.Bool, line.Array[0, 8], Gen.Bool, Gen.Int[0, 2]);
        gen.Sample((bom, opened, lines, newlineAtEnd, invalid) =>
        {
            var text = (opened ? "---\n" : "") + string.Join("\n", lines) + (newlineAtEnd ? "\n" : "");
            byte[] bytes = [.. bom ? new byte[] { 0xEF, 0xBB, 0xBF } : [], .. System.Text.Encoding.UTF8.GetBytes(text), .. Enumerable.Repeat((byte)0xC3, invalid)];
            var file = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".md");
            File.WriteAllBytes(file, bytes);
            var whole = new System.Text.UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
            var read = SourceFile.Read(file, "x.md", "x.md");
            Assert.Equal(whole, read.Text);
            Assert.Equal(FrontMatterDocument.Split(whole), read.FrontMatter());
            File.Delete(file);
        }, iter: 500);
        Directory.Delete(dir, true);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]   // little-endian, as Windows Notepad once saved "Unicode"
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void A_file_is_read_in_the_encoding_its_byte_order_mark_names(string encoding)
    {
        var dir = Path.Combine(Path.GetTempPath(), "quorum-enc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "x.md");
        var e = System.Text.Encoding.GetEncoding(encoding);
        File.WriteAllBytes(file, [.. e.GetPreamble(), .. e.GetBytes("---\ntitle: Zoë Ó Briain\n---\n")]);
        Assert.Equal("---\ntitle: Zoë Ó Briain\n---\n", SourceFile.Read(file, "x.md", "x.md").Text);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Files_of_any_size_read_one_after_another_come_back_whole_and_alone()
    {
        // A thread reads every file into one reused buffer: a short file after a long one must not keep the long
        // one's tail, and files past the buffer's size (64 KB) or past what is kept (4 MB) must come back whole.
        var dir = Path.Combine(Path.GetTempPath(), "quorum-sizes-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var sizes = Gen.OneOf(Gen.Int[0, 300], Gen.Int[65_000, 140_000], Gen.Const(5 << 20)).Array[1, 6];
        sizes.Sample(lengths =>
        {
            var file = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".md"); // samples run side by side
            foreach (var length in lengths)
            {
                var text = string.Create(length, length, (span, n) =>
                {
                    for (int i = 0; i < span.Length; i++) span[i] = i % 61 == 60 ? '\n' : (char)('a' + (i + n) % 26);
                });
                File.WriteAllText(file, text);
                Assert.Equal(text, SourceFile.Read(file, "x.md", "x.md").Text);
            }
        }, iter: 25);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Html_is_trimmed_and_encoded_as_utf8_straight_from_its_builder_chunks()
    {
        // Appended in small pieces, a builder holds many chunks, and a pair of surrogates can straddle two of them.
        var piece = Gen.OneOf(" ", "\n", "a", "é", "😀", "<p>", "\u00A0", "Zoë Ó Briain").Array[0, 400];
        piece.Sample(pieces =>
        {
            var sb = new System.Text.StringBuilder(16);
            foreach (var p in pieces)
                foreach (var c in p) sb.Append(c);
            var expected = System.Text.Encoding.UTF8.GetBytes(sb.ToString().Trim());
            Assert.Equal(expected, Quorum.Public.PlainText.TrimmedUtf8(sb));
            Assert.Equal(sb.ToString().Trim(), Quorum.Public.PlainText.Trimmed(sb));
        });
    }

    [Fact]
    public void An_absolute_url_is_what_resolving_the_site_path_against_the_base_url_gives()
    {
        // Plain root paths are joined to the origin without a Uri; the result must be the Uri's, whatever the path.
        var bases = Gen.OneOf(Gen.Const("https://example.org/"), Gen.Const("https://Minutes.Example.ORG:443/council/"),
            Gen.Const("http://localhost:8080/a/b/"), Gen.Const("https://clerk@host.example/x"), Gen.Const("http://[::1]:5000/"));
        var path = Gen.OneOf(Gen.Const("/"), Gen.Const(""), Gen.Const("."), Gen.Const("a"), Gen.Const("Z9"), Gen.Const("-_~"),
            Gen.Const("#"), Gen.Const("%41"), Gen.Const("%"), Gen.Const(" "), Gen.Const("é"), Gen.Const("?q"), Gen.Const(":"),
            Gen.Const("@"), Gen.Const(".."), Gen.Const("\\")).Array[0, 8].Select(parts => string.Concat(parts));
        Gen.Select(bases, path).Sample((baseUrl, sitePath) =>
        {
            var site = new Quorum.Public.PublicSite("T", baseUrl, "en-GB", null, null, "OGL", "https://example.org/ogl");
            Assert.Equal(Outcome(() => new Uri(new Uri(baseUrl), sitePath).ToString()),
                Outcome(() => Quorum.Feeds.FeedPaths.Absolute(site, sitePath)));
        }, iter: 20_000);
        Assert.True(Quorum.Feeds.FeedPaths.IsPlainRootPath("/council/actions/lg-cio-03-05a/#update-2"));
    }

    static string Outcome(Func<string> f)
    {
        try { return f(); }
        catch (UriFormatException e) { return "error: " + e.Message; }
    }

    [Theory]
    [InlineData("")]
    [InlineData("One paragraph, Zoë's 😀.")]
    [InlineData("First.\n\n- a list\n- of two\n\n| a | b |\n|---|---|\n| c | d |\n\nLast, with a [link](https://example.org).")]
    [InlineData("::: exempt \"FOIA s.42\"\nSecret.\n:::\n\nAfter.")]
    public void Plain_text_as_utf8_is_the_plain_text_encoded(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, MarkdownPipelines.Render(Quorum.Markdown.CrossLinks.CrossLinkMatcher.Empty));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(Quorum.Public.PlainText.Of(document)), Quorum.Public.PlainText.Utf8Of(document));
    }

    [Fact]
    public void Plain_text_as_utf8_is_the_plain_text_encoded_whatever_the_blocks()
    {
        // Top-level paragraphs are encoded from their builder, other blocks through the paragraphs: both must join as one.
        var piece = Gen.OneOf(Gen.Const("Text"), Gen.Const("Zoë 😀"), Gen.Const(" "), Gen.Const("\n"), Gen.Const("\n\n"),
            Gen.Const("- item"), Gen.Const("  - nested"), Gen.Const("1. one"), Gen.Const("# Head"), Gen.Const("---"), Gen.Const("> quote"),
            Gen.Const("| a | b |\n|---|---|\n| c | d |"), Gen.Const("[r]: https://example.org"), Gen.Const("```\ncode\n```"),
            Gen.Const("    indented"), Gen.Const("[^1]"), Gen.Const("[^1]: note"), Gen.Const("<b>x</b>"), Gen.Const("&amp;"),
            Gen.Const("::: exempt \"FOIA s.42\"\nSecret.\n:::"), Gen.Const("*em* `code`"));
        piece.Array[0, 30].Select(parts => string.Concat(parts)).Sample(markdown =>
        {
            var document = Markdig.Markdown.Parse(markdown, MarkdownPipelines.Render(Quorum.Markdown.CrossLinks.CrossLinkMatcher.Empty));
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(Quorum.Public.PlainText.Of(document)), Quorum.Public.PlainText.Utf8Of(document));
        }, iter: 3_000);
    }

    [Fact]
    public void Public_text_parses_to_the_same_html_with_or_without_the_autolink_parser_as_chosen()
    {
        // Text with no "://", "www." or "mailto:" is parsed without the autolink parser: it must give what the full
        // pipeline gives, around every letter that parser stops at, emphasis, links, code, line ends and names.
        var matcher = new Quorum.Markdown.CrossLinks.CrossLinkMatcher([KeyValuePair.Create("Alice Smith",
            new Quorum.Markdown.CrossLinks.CrossLinkTarget(Quorum.Markdown.CrossLinks.CrossLinkKind.Member, "alice-smith", "/members/alice-smith/"))]);
        var full = MarkdownPipelines.Render(matcher);
        var parser = new PublicTextParser(matcher);
        var piece = Gen.OneOf(Gen.Const("the "), Gen.Const("with "), Gen.Const("for me "), Gen.Const("h"), Gen.Const("w"), Gen.Const("M"),
            Gen.Const("F"), Gen.Const("Alice Smith"), Gen.Const("Alice Smith's"), Gen.Const("*em* "), Gen.Const("**strong**"), Gen.Const("_u_"),
            Gen.Const("[a link](/x)"), Gen.Const("[w](http://e.org)"), Gen.Const("`code h`"), Gen.Const("  \n"), Gen.Const("\n"),
            Gen.Const("\n\n"), Gen.Const("- "), Gen.Const("| h | w |\n|---|---|\n| f | m |\n"), Gen.Const("http:"), Gen.Const("www"),
            Gen.Const("mailto"), Gen.Const("ftp:/"), Gen.Const("https://example.org/a"), Gen.Const("WWW.example.org"),
            Gen.Const("Mailto:a@b.org"), Gen.Const("(www.x.org)"), Gen.Const("&amp; "), Gen.Const("<http://e.org>"));
        piece.Array[0, 25].Select(parts => string.Concat(parts)).Sample(markdown =>
            Assert.Equal(Quorum.Public.MarkdownHtml.Block(Markdig.Markdown.Parse(markdown, full)), Quorum.Public.MarkdownHtml.Block(parser.Parse(markdown))),
            iter: 3_000);
        Assert.False(PublicTextParser.MayHoldAutoLink("the meeting, with Alice Smith, for me"));
        Assert.True(PublicTextParser.MayHoldAutoLink("see Www.example.org"));
    }

    [Fact]
    public void Times_are_accepted_quoted_or_not_and_bad_ones_are_reported()
    {
        var d = new DiagnosticBag();
        var map = YamlReader.Parse("a: \"10:00\"\nb: 9:30\nc: \"25:00\"\n", "m.md", 2, d)!;
        var y = new YamlReader("m.md", 2, d);
        Assert.Equal("10:00", y.Time(map, "a")!.Value);
        Assert.Equal("09:30", y.Time(map, "b")!.Value);
        Assert.Null(y.Time(map, "c"));
        Assert.Equal("m.md:4:4: error Q004: 'c' must be a time written \"HH:MM\", not '25:00'", Assert.Single(d.Sorted()).ToString());
    }

    [Fact]
    public void Flattening_text_makes_every_whitespace_run_one_space_and_trims_the_ends()
    {
        // The definition, a character at a time; the real one goes word by word.
        static string Reference(string text)
        {
            var sb = new System.Text.StringBuilder();
            var space = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
                if (space) sb.Append(' ');
                space = false;
                sb.Append(c);
            }
            return sb.ToString();
        }
        var piece = Gen.OneOf(Gen.Const(" "), Gen.Const("\n"), Gen.Const("\t"), Gen.Const("\r\n"), Gen.Const("\u00A0"),
            Gen.Const("\u2003"), Gen.Const("\u3000"), Gen.Const("\u200B"), Gen.Const("a"), Gen.Const("word"), Gen.Const("é"),
            Gen.Const("😀"), Gen.Const("—"), Gen.Char.Select(c => c.ToString())).Array[0, 60];
        piece.Sample(pieces =>
        {
            var text = string.Concat(pieces);
            Assert.Equal(Reference(text), Quorum.Public.PlainText.OneLine(text));
        });
        Assert.Equal("a b c", Quorum.Public.PlainText.OneLine("\u00A0 a\n\n\tb\u2028c \u3000"));
    }

    [Fact]
    public void An_excerpt_is_the_start_of_the_whole_text_flattened()
    {
        // Excerpt flattens only as much of the text as it can show; it must give what flattening all of it gives.
        static string Reference(string text, int max)
        {
            var flat = Quorum.Public.PlainText.OneLine(text);
            if (flat.Length <= max) return flat;
            var cut = flat.LastIndexOf(' ', max - 1);
            if (cut < max / 2) cut = max - 1;
            if (char.IsHighSurrogate(flat[cut - 1])) cut--;
            return flat[..cut].TrimEnd(' ', ',', ';', ':', '.', '-', '–', '—') + "…";
        }
        var random = new Random(7);
        string[] pieces = ["word", "  ", "\n\n", " ", "a", "longerword", ",", ".", "—", "\t", "😀", "x"];
        for (int n = 0; n < 2000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 80)).Select(_ => pieces[random.Next(pieces.Length)]));
            foreach (var max in new[] { 10, 20, 37, 200 })
                Assert.Equal(Reference(text, max), Quorum.Public.PlainText.Excerpt(text, max));
        }
    }
}
