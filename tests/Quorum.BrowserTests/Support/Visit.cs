using Microsoft.Playwright;

namespace Quorum.BrowserTests.Support;

/// <summary>
/// A page in its own browser context. Every console error (a CSP violation, a failed load, a script error), every
/// uncaught exception and every dialog (alert, confirm, prompt) is recorded as a problem; tests end with
/// <see cref="AssertNoProblems"/>.
/// </summary>
public sealed class Visit : IAsyncDisposable
{
    readonly IBrowserContext _context;
    readonly List<string> _problems = [];
    readonly HashSet<string> _expectedNotFound = [];

    public IPage Page { get; }

    public Visit(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type != "error") return;
            if (message.Text.Contains("404", StringComparison.Ordinal) && _expectedNotFound.Any(u => message.Location.StartsWith(u, StringComparison.Ordinal))) return;
            lock (_problems) _problems.Add($"console error on {page.Url}: {message.Text} (at {message.Location})");
        };
        page.PageError += (_, error) => { lock (_problems) _problems.Add($"uncaught error on {page.Url}: {error}"); };
        page.Dialog += (_, dialog) =>
        {
            lock (_problems) _problems.Add($"a {dialog.Type} dialog opened on {page.Url}: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
    }

    public IReadOnlyList<string> Problems { get { lock (_problems) return [.. _problems]; } }

    /// <summary>Opens a page and checks its HTTP status (200 unless told).</summary>
    public async Task<IResponse> GotoAsync(string url, int status = 200)
    {
        if (status == 404) _expectedNotFound.Add(url);
        var response = await Page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load })
            ?? throw new InvalidOperationException($"no response for {url}");
        Assert.True(response.Status == status, $"{url} answered {response.Status}, expected {status}");
        return response;
    }

    public void AssertNoProblems()
    {
        var problems = Problems;
        Assert.True(problems.Count == 0, "the browser reported problems:\n" + string.Join("\n", problems));
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
