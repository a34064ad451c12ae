using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Quorum.Build;
using Quorum.Cli.Serve;
using Quorum.Diagnostics;
using Quorum.Tests.Support;

namespace Quorum.Tests.Serve;

/// <summary>
/// <c>quorum serve</c> end to end, in-process: a server on a free port of 127.0.0.1 over a copy of the minimal fixture.
/// Every wait is bounded; every server is disposed.
/// </summary>
public sealed class DevServerTests : IAsyncLifetime
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    const string MeetingUrl = "/meetings/2024-03-05-parish-council/";

    readonly TempDir _temp = new();
    readonly StringWriter _stdout = new();
    readonly StringWriter _stderr = new();
    readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Wait };
    readonly Channel<RebuildReport> _reports = Channel.CreateUnbounded<RebuildReport>();
    string _input = "";
    string _theme = "";
    DevServer? _server;

    string MeetingFile => Path.Combine(_input, "meetings", "2024", "2024-03-05-parish-council.md");
    string Output => _temp["site"];

    public Task InitializeAsync()
    {
        _input = _temp.CopyFrom(Repo.Fixture("minimal"));
        _theme = _temp.CopyFrom(Repo.Theme, "theme");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _http.Dispose();
        _temp.Dispose();
    }

    async Task<DevServer> Start(Func<DevServerOptions, DevServerOptions>? options = null)
    {
        var defaults = new DevServerOptions(_input, Output, _theme, Port: 0) { Today = () => SiteBuilder.DefaultDate };
        _server = await DevServer.StartAsync(options?.Invoke(defaults) ?? defaults, _stdout, _stderr);
        _server.Rebuilt += r => _reports.Writer.TryWrite(r);
        _http.BaseAddress = new Uri($"http://127.0.0.1:{_server.Port}");
        return _server;
    }

    async Task<(HttpStatusCode Status, string? Type, string Body)> Get(string path)
    {
        using var response = await _http.GetAsync(path);
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Serves_the_built_site_with_the_reload_script_in_html_only()
    {
        var server = await Start();
        Assert.Contains($"Serving http://127.0.0.1:{server.Port}/", _stdout.ToString());

        var home = await Get("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal("text/html; charset=utf-8", home.Type);
        Assert.Contains(LiveReload.ScriptTag + "\n</body>", home.Body);

        var meeting = await Get(MeetingUrl);
        Assert.Equal(HttpStatusCode.OK, meeting.Status);
        Assert.Contains("Mill Lane", meeting.Body);
        Assert.Contains(LiveReload.ScriptTag, meeting.Body);

        // The output folder is an exact build: no live-reload script in any file.
        Assert.True(File.Exists(Path.Combine(Output, "index.html")));
        Assert.Empty(SiteScan.Hits(SiteScan.Files(Output), "__quorum"));

        foreach (var (path, type) in new[]
                 {
                     ("/assets/css/quorum.css", "text/css; charset=utf-8"),
                     ("/data/meetings.json", "application/json; charset=utf-8"),
                     ("/calendar/meetings.ics", "text/calendar; charset=utf-8"),
                     ("/feeds/minutes.xml", "application/xml; charset=utf-8"),
                     ("/sitemap.xml", "application/xml; charset=utf-8"),
                     ("/__quorum/livereload.js", "text/javascript; charset=utf-8"),
                 })
        {
            var file = await Get(path);
            Assert.True(file.Status == HttpStatusCode.OK, path);
            Assert.Equal(type, file.Type);
            if (!path.StartsWith("/__quorum/", StringComparison.Ordinal)) Assert.DoesNotContain("__quorum", file.Body);
        }
        Assert.Contains("new EventSource('/__quorum/events')", (await Get(LiveReload.ScriptPath)).Body);

        var missing = await Get("/no/such/page/");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("Page not found", missing.Body);
        Assert.Contains(LiveReload.ScriptTag, missing.Body);
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/../../etc/passwd")).Status);

        using var redirect = await _http.GetAsync("/meetings");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/meetings/", redirect.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_save_reloads_a_broken_save_shows_the_errors_and_keeps_the_last_good_site_and_the_fix_reloads()
    {
        await Start();
        using var events = await EventStream.Open(_http, Wait);

        // An edit: a "reload" event naming the meeting's page, which now shows it.
        File.AppendAllText(MeetingFile, "\nThe verge on Mill Lane will be mown in May.\n");
        var reload = await events.Next("reload", MeetingUrl);
        Assert.Contains(MeetingUrl, reload);
        Assert.Contains("mown in May", (await Get(MeetingUrl)).Body);
        var report = await NextBuilt();
        Assert.True(report.PagesRendered <= report.PagesTotal);
        Assert.Contains("pages re-rendered", _stdout.ToString());

        // Break it: an unknown member. An "error" event carries the diagnostic; the page served is the last good one.
        File.WriteAllText(MeetingFile, File.ReadAllText(MeetingFile).Replace("alice-smith: Chair", "alice-smyth: Chair"));
        var error = await events.Next("error", "alice-smyth");
        Assert.Contains(DiagnosticCodes.UnknownMember, error);
        Assert.Contains("unknown member \\u0027alice-smyth\\u0027", error);
        Assert.Contains("2024-03-05-parish-council.md:6:7: error Q010", error);
        var stale = await Get(MeetingUrl);
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("mown in May", stale.Body);
        Assert.Contains("error Q010: unknown member 'alice-smyth'", _stderr.ToString());
        Assert.Contains("the last good site is still served", _stderr.ToString());

        // A page opened while the input is broken hears the error at once.
        using (var late = await EventStream.Open(_http, Wait))
            Assert.Contains("alice-smyth", await late.Next("error"));

        // Fix it: every page reloads (clearing the overlay), and the site has the fixed input.
        File.WriteAllText(MeetingFile, File.ReadAllText(MeetingFile).Replace("alice-smyth: Chair", "alice-smith: Chair").Replace("mown in May", "mown in June"));
        await events.Next("reload", "\"all\":true");
        Assert.Contains("mown in June", (await Get(MeetingUrl)).Body);
        Assert.DoesNotContain("__quorum", File.ReadAllText(Path.Combine(Output, "meetings", "2024-03-05-parish-council", "index.html")));
    }

    [Fact]
    public async Task A_rebuild_that_reads_a_save_half_written_shows_no_error_and_the_whole_save_reloads()
    {
        // A short quiet spell, so that a rebuild starts between the two steps of a save; a long settling time, so that
        // the second step surely comes within it however slow the machine.
        await Start(o => o with { Debounce = TimeSpan.FromMilliseconds(5), ErrorSettle = TimeSpan.FromSeconds(5) });
        using var events = await EventStream.Open(_http, Wait);
        var whole = File.ReadAllText(MeetingFile).Replace("Alice Smith reported the potholes", "Alice Smith reported the deep potholes");

        // An editor that truncates and writes in two steps: first the file cut off inside its front matter (an error:
        // the header is never closed), and only after a rebuild has read that, the rest.
        File.WriteAllText(MeetingFile, whole[..40]);
        var failed = await NextReport(r => r.Outcome == RebuildOutcome.Failed);
        Assert.Contains(failed.Diagnostics, d => d.IsError);
        File.WriteAllText(MeetingFile, whole);

        var reload = await events.Until("reload", MeetingUrl);
        Assert.DoesNotContain(reload.Seen, e => e.Name == "error");
        Assert.Contains("the deep potholes", (await Get(MeetingUrl)).Body);
        Assert.DoesNotContain("build failed", _stderr.ToString());

        // An error that stays is shown once the folders have been quiet for the settling time.
        File.WriteAllText(MeetingFile, whole.Replace("alice-smith: Chair", "alice-smyth: Chair"));
        Assert.Contains("alice-smyth", await events.Next("error"));
        Assert.Contains("the last good site is still served", _stderr.ToString());
    }

    async Task<RebuildReport> NextReport(Func<RebuildReport, bool> which)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            var r = await _reports.Reader.ReadAsync(timeout.Token);
            if (which(r)) return r;
        }
    }

    async Task<RebuildReport> NextBuilt()
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            var r = await _reports.Reader.ReadAsync(timeout.Token);
            if (r.Outcome == RebuildOutcome.Built && r.ChangedFiles.Count > 0) return r;
        }
    }

    [Fact]
    public async Task A_site_below_a_path_is_served_there_and_the_root_redirects_to_it()
    {
        File.WriteAllText(Path.Combine(_input, "site.yml"), "title: Test Parish Council minutes\nbase_url: https://example.org/minutes/\n");
        var server = await Start();
        Assert.EndsWith("/minutes/", server.Url);

        using var root = await _http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/minutes/", root.Headers.Location?.ToString());
        var home = await Get("/minutes/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("href=\"/minutes/meetings/\"", home.Body);
        Assert.Equal(HttpStatusCode.OK, (await Get("/minutes" + MeetingUrl)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Get(MeetingUrl)).Status);
    }

    [Fact]
    public async Task A_port_in_use_is_an_error_with_exit_code_2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await Task.Run(() => CliRunner.Run(_temp.Path, "serve", "--input", _input, "--output", Output, "--theme", _theme, "--port", port.ToString()))
            .WaitAsync(Wait);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"port {port} on 127.0.0.1 is in use", run.Stderr);
        Assert.False(Directory.Exists(Output));
    }

    /// <summary>A client of <c>/__quorum/events</c>: reads events in the background; <see cref="Next"/> waits (bounded) for one by name.</summary>
    sealed class EventStream : IDisposable
    {
        readonly CancellationTokenSource _cancel = new();
        readonly Channel<(string Name, string Data)> _events = Channel.CreateUnbounded<(string, string)>();
        readonly TimeSpan _wait;
        HttpResponseMessage? _response;

        EventStream(TimeSpan wait) => _wait = wait;

        public static async Task<EventStream> Open(HttpClient http, TimeSpan wait)
        {
            var stream = new EventStream(wait);
            stream._response = await http.GetAsync(LiveReload.EventsPath, HttpCompletionOption.ResponseHeadersRead, stream._cancel.Token);
            Assert.Equal("text/event-stream", stream._response.Content.Headers.ContentType?.MediaType);
            var reader = new StreamReader(await stream._response.Content.ReadAsStreamAsync(stream._cancel.Token));
            _ = Task.Run(async () =>
            {
                string name = "message", data = "";
                try
                {
                    while (await reader.ReadLineAsync(stream._cancel.Token) is { } line)
                    {
                        if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
                        else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
                        else if (line.Length == 0 && data.Length > 0)
                        {
                            stream._events.Writer.TryWrite((name, data));
                            (name, data) = ("message", "");
                        }
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
                {
                }
                stream._events.Writer.TryComplete();
            });
            return stream;
        }

        /// <summary>Waits (bounded) for an event by name, and returns its data with every event seen on the way.</summary>
        public async Task<(string Data, List<(string Name, string Data)> Seen)> Until(string name, string? containing = null)
        {
            var seen = new List<(string Name, string Data)>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token);
            timeout.CancelAfter(_wait);
            while (true)
            {
                var (n, data) = await _events.Reader.ReadAsync(timeout.Token);
                seen.Add((n, data));
                if (n == name && (containing is null || data.Contains(containing, StringComparison.Ordinal))) return (data, seen);
            }
        }

        public async Task<string> Next(string name, string? containing = null)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token);
            timeout.CancelAfter(_wait);
            while (true)
            {
                var (n, data) = await _events.Reader.ReadAsync(timeout.Token);
                if (n == name && (containing is null || data.Contains(containing, StringComparison.Ordinal))) return data;
            }
        }

        public void Dispose()
        {
            _cancel.Cancel();
            _response?.Dispose();
            _cancel.Dispose();
        }
    }
}
