using HandlebarsDotNet;
using Quorum.Render;

namespace Quorum.Tests.Units;

/// <summary>
/// Rendered Markdown is copied into a page as the UTF-8 the archive keeps, which needs the writer behind
/// Handlebars.Net's own (a field of Handlebars.Net 2.4.3). If a later version moves it, helpers fall back to strings
/// and pages stay the same, only slower: this test is what notices. (LayoutBodyTests compares both ways' pages.)
/// </summary>
public class PageWriterTests
{
    [Fact]
    public void A_helper_reaches_the_writer_a_template_renders_into()
    {
        var hb = Handlebars.Create();
        TextWriter? reached = null;
        hb.RegisterHelper("probe", (writer, context, args) => reached = ThemeHelpers.Underlying(writer));
        var template = hb.Compile(new StringReader("<p>{{probe}}</p>"));
        using var page = new PageWriter(new MemoryStream());

        template(page, new { }, null);

        Assert.Same(page, reached);
    }

    [Fact]
    public void Utf8_written_between_text_keeps_its_place()
    {
        var bytes = new MemoryStream();
        using var page = new PageWriter(bytes);
        page.Write("<p>Zoë ");
        page.WriteUtf8("Ó Briain 😀"u8);
        page.Write("</p>");
        page.Flush();
        Assert.Equal("<p>Zoë Ó Briain 😀</p>", System.Text.Encoding.UTF8.GetString(bytes.ToArray()));
    }
}
