using Quorum.Load;

namespace Quorum.Public;

// The redact phase's output and the only input of rendering, search, feeds and data files.
// These types hold no reference to the raw input or the resolved archive: every string here was produced by
// the redactor from public content, so nothing downstream can reach withheld text, whatever it is written to do.
// (Tests check this by reflection over the whole type graph.)

public sealed class PublicArchive
{
    public required PublicSite Site { get; init; }
    public required DateOnly BuildDate { get; init; }
    public required IReadOnlyList<PublicBody> Bodies { get; init; }
    /// <summary>By name.</summary>
    public required IReadOnlyList<PublicMember> Members { get; init; }
    /// <summary>Oldest first.</summary>
    public required IReadOnlyList<PublicMeeting> Meetings { get; init; }
    /// <summary>In the order they were raised.</summary>
    public required IReadOnlyList<PublicAction> Actions { get; init; }
    /// <summary>Newest first.</summary>
    public required IReadOnlyList<PublicDecision> Decisions { get; init; }
    public required IReadOnlyList<PublicPage> Pages { get; init; }

    /// <summary>
    /// Lets go of every piece's HTML: a one-off build, once the pages are written (the feeds, data files and search
    /// read the plain text only). At 5,000 meetings that is about 190 MB the rest of the build no longer holds.
    /// </summary>
    public void ReleaseHtml()
    {
        foreach (var member in Members) member.Biography.ReleaseHtml();
        foreach (var page in Pages) page.Content.ReleaseHtml();
        foreach (var meeting in Meetings)
            foreach (var (piece, _) in meeting.MarkdownPieces()) piece.ReleaseHtml();
    }
}

public sealed record PublicSite(string Title, string BaseUrl, string Language, string? Description, string? EditUrl, string Licence, string LicenceUrl)
{
    /// <summary>The path of <see cref="BaseUrl"/> ("/" or "/minutes/"), which every internal link starts with.</summary>
    public string BasePath => new Uri(BaseUrl).AbsolutePath;
}

/// <summary>Markdown that has passed redaction: exempt blocks are already cut out, replaced by their notices.</summary>
public sealed class PublicMarkdown(string text)
{
    static readonly System.Text.UTF8Encoding Utf8 = new(false);

    string? _text = text;

    // Rendered once by the redactor's last step, with names and action ids linked; the parsed document is not kept.
    // The HTML and plain text are kept as UTF-8, which halves them (minutes are nearly all ASCII, a .NET string is
    // UTF-16): a decade of minutes is otherwise over a gigabyte of strings. Each use decodes a short-lived copy.
    byte[]? _html = [];
    byte[]? _inline;  // null: the inline HTML is the HTML, or (_inlineInParagraph) the HTML inside its <p>...</p>
    bool _inlineInParagraph;
    byte[] _plain = [];

    /// <summary>
    /// The public Markdown source. A full build releases it once the piece is rendered (nothing after redaction reads
    /// it); <c>quorum serve</c> keeps it, to give a new piece with the same text the rendering of the old one.
    /// </summary>
    public string Text => _text ?? throw new InvalidOperationException("This Markdown's source was released once it was rendered.");

    /// <summary>The HTML of the whole text.</summary>
    public string Html => Utf8.GetString(HtmlUtf8);

    /// <summary>As <see cref="Html"/>, without the &lt;p&gt; when the text is one paragraph (an action's text, an update's note).</summary>
    public string InlineHtml => Utf8.GetString(InlineHtmlUtf8);

    /// <summary><see cref="Html"/> as kept: a page copies it into its own UTF-8 as it is.</summary>
    internal ReadOnlySpan<byte> HtmlUtf8 => HtmlBytes;

    /// <summary><see cref="InlineHtml"/> as kept.</summary>
    internal ReadOnlySpan<byte> InlineHtmlUtf8 =>
        _inline is not null ? _inline : _inlineInParagraph ? HtmlBytes.AsSpan(3, HtmlBytes.Length - 7) : HtmlBytes;

    byte[] HtmlBytes => _html ?? throw new InvalidOperationException("This Markdown's HTML was released once the pages were written.");

    /// <summary>The plain text (<see cref="PlainText.Of(Markdig.Syntax.ContainerBlock)"/>): exempt blocks as their notices, links as their words.</summary>
    public string Plain => Utf8.GetString(_plain);

    /// <summary>
    /// <see cref="Plain"/> on one line (<see cref="PlainText.OneLine(string)"/>), made once: an action's text and notes
    /// are flattened for actions.json, actions.csv and the feeds alike.
    /// </summary>
    public string PlainOneLine => _oneLine ??= PlainText.OneLine(Plain);

    string? _oneLine;

    public bool IsEmpty { get; } = string.IsNullOrWhiteSpace(text);

    /// <summary>Keeps a rendering, all UTF-8: HTML and inline HTML (the same array when they are the same), plain text.</summary>
    internal void SetRendering(byte[] html, byte[] inlineHtml, byte[] plain)
    {
        _html = html;
        _plain = plain;
        _oneLine = null;
        _inlineInParagraph = false;
        _inline = null;
        if (inlineHtml == html || inlineHtml.AsSpan().SequenceEqual(html)) return;
        if (html.Length == inlineHtml.Length + 7 && html.AsSpan().StartsWith("<p>"u8) && html.AsSpan().EndsWith("</p>"u8) &&
            html.AsSpan(3, inlineHtml.Length).SequenceEqual(inlineHtml))
            _inlineInParagraph = true;
        else
            _inline = inlineHtml;
    }

    internal void ReleaseText() => _text = null;

    internal void ReleaseHtml()
    {
        _html = null;
        _inline = null;
    }

    /// <summary>Takes the rendering of another piece with the same text (<c>quorum serve</c>; the bytes are shared, never changed).</summary>
    internal void CopyRendering(PublicMarkdown other)
    {
        _html = other._html;
        _inline = other._inline;
        _inlineInParagraph = other._inlineInParagraph;
        _plain = other._plain;
    }
}

public sealed record PublicExemption(string Ground, DateOnly? Until)
{
    public string Notice => Markdown.Exemptions.ExemptionNotice.Text(Ground, Until);
}

public sealed record PublicFormerName(string Name, DateOnly Until);

public sealed class PublicBody
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<PublicFormerName> FormerNames { get; init; }
    public List<PublicMeeting> Meetings { get; } = [];
    public List<(PublicMember Member, PublicRole Role)> Roles { get; } = [];
    public string SourcePath { get; init; } = "";
}

public sealed record PublicRole(string BodyId, string BodyName, string Role, DateOnly? From, DateOnly? Until);

public sealed record PublicAttendance(PublicMeeting Meeting, AttendanceGroup Group, string? Note);

public sealed class PublicMember
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<string> Aliases { get; init; }
    public string? Organisation { get; init; }
    public required IReadOnlyList<PublicRole> Roles { get; init; }
    public required PublicMarkdown Biography { get; init; }
    public string SourcePath { get; init; } = "";
    public List<PublicAttendance> Attendance { get; } = [];
    public List<PublicAction> ActionsOwned { get; } = [];
    public List<PublicItem> MentionedIn { get; } = [];
    public List<PublicDecision> DecisionsMentioning { get; } = [];
}

public sealed record PublicAttendee(PublicMember Member, string? Note);

public sealed record PublicNextMeeting(DateOnly Date, string? Start, string? End, string? Venue);

public sealed class PublicMeeting
{
    public required string Slug { get; init; }
    public required PublicBody Body { get; init; }
    /// <summary>The body's name as it was on the meeting's date.</summary>
    public required string BodyName { get; init; }
    public required DateOnly Date { get; init; }
    public string? Number { get; init; }
    public required string Title { get; init; }
    public string? Start { get; init; }
    public string? End { get; init; }
    public string? Venue { get; init; }
    public bool IsDraft { get; init; }
    public required IReadOnlyList<PublicAttendee> Present { get; init; }
    public required IReadOnlyList<PublicAttendee> InAttendance { get; init; }
    public required IReadOnlyList<PublicAttendee> Apologies { get; init; }
    public required PublicMarkdown Preamble { get; init; }
    public List<PublicItem> Items { get; } = [];
    public List<PublicAction> ActionsRaised { get; } = [];
    public List<PublicUpdate> Updates { get; } = [];
    public PublicNextMeeting? NextMeeting { get; init; }
    public PublicMeeting? Previous { get; internal set; }
    public PublicMeeting? Next { get; internal set; }
    public string SourcePath { get; init; } = "";

    public IEnumerable<PublicItem> AllItems => Items.SelectMany(i => i.SubItems.Prepend(i));

    /// <summary>The meeting's pieces of public Markdown (its preamble, items, actions' texts and updates' notes), each with its item if it is one.</summary>
    public IEnumerable<(PublicMarkdown Markdown, PublicItem? Item)> MarkdownPieces()
    {
        yield return (Preamble, null);
        foreach (var i in AllItems) yield return (i.Content, i);
        foreach (var a in ActionsRaised)
            if (a.Text is { } text) yield return (text, null);
        foreach (var u in Updates)
            if (u.Note is { } note) yield return (note, null);
    }
}

public sealed class PublicItem
{
    public required PublicMeeting Meeting { get; init; }
    public required string Number { get; init; }
    public required string Title { get; init; }
    public required int Level { get; init; }
    public PublicItem? Parent { get; init; }
    /// <summary>Set when the item is withheld; then <see cref="Content"/> is empty and there are no sub-items.</summary>
    public PublicExemption? Exemption { get; init; }
    public required PublicMarkdown Content { get; init; }
    public List<PublicItem> SubItems { get; } = [];
    public List<PublicDecision> Decisions { get; } = [];
    /// <summary>The ids of the members whose names the redactor linked in the item's text, in order.</summary>
    public IReadOnlyList<string> MentionedMembers { get; internal set; } = [];

    public string Anchor => Markdown.Items.ItemHeading.AnchorFor(Number);
}

public sealed class PublicDecision
{
    public required PublicItem Item { get; init; }
    /// <summary>1-based position among its item's decisions.</summary>
    public required int Index { get; init; }
    /// <summary>The block's content as HTML, without the block's own wrapper (for the register).</summary>
    public required string Html { get; init; }
    public required string Plain { get; init; }
    public required IReadOnlyList<string> MentionedMembers { get; init; }

    public string Anchor => AnchorFor(Item.Number, Index);

    public static string AnchorFor(string itemNumber, int index) => "decision-" + itemNumber.Replace('.', '-') + "-" + index;
}

public sealed class PublicAction
{
    public required string Id { get; init; }
    public required string Slug { get; init; }
    public required PublicMeeting Meeting { get; init; }
    /// <summary>The item it arose under; withheld (null) for an exempt action.</summary>
    public PublicItem? Item { get; init; }
    public PublicExemption? Exemption { get; init; }
    /// <summary>Inline Markdown; null when withheld.</summary>
    public PublicMarkdown? Text { get; init; }
    public required IReadOnlyList<PublicMember> Owners { get; init; }
    public DateOnly? Due { get; init; }
    public List<PublicUpdate> Timeline { get; } = [];

    /// <summary>The status the latest update gave, else open. Read wherever an action is listed or counted (164,000
    /// times in a build of 1,000 meetings), so a plain loop rather than a query.</summary>
    public ActionStatus Status
    {
        get
        {
            for (int i = Timeline.Count - 1; i >= 0; i--)
                if (Timeline[i].Status is { } status) return status;
            return ActionStatus.Open;
        }
    }

    /// <summary>The date of the meeting that last raised or updated it.</summary>
    public DateOnly LastChanged
    {
        get
        {
            var last = Meeting.Date;
            foreach (var u in Timeline)
                if (u.Meeting.Date > last) last = u.Meeting.Date;
            return last;
        }
    }
}

public sealed class PublicUpdate
{
    public required PublicMeeting Meeting { get; init; }
    public required string ActionId { get; init; }
    /// <summary>Null when the action is not in the public archive (raised at a meeting not in the input).</summary>
    public PublicAction? Action { get; internal set; }
    public ActionStatus? Status { get; init; }
    /// <summary>Inline Markdown; null when there is none or it is withheld.</summary>
    public PublicMarkdown? Note { get; init; }
    public bool NoteWithheld { get; init; }
}

public sealed class PublicPage
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required PublicMarkdown Content { get; init; }
    public string SourcePath { get; init; } = "";
}
