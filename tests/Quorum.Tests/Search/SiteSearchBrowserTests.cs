using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Quorum.Search;
using Quorum.Tests.Support;

namespace Quorum.Tests.Search;

/// <summary>
/// A [Fact] that needs Debian's Chromium. Skipped where <c>chromium</c> is not on PATH, except under CI=true, where
/// the CI script installs it and a missing browser must fail the run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (LunrNode.FindOnPath("chromium") is null && !LunrNode.IsCi)
            Skip = "Chromium ('chromium') is not on PATH: skipped the search page's browser test (with CI=true this fails instead).";
    }
}

/// <summary>The search page of the demo site in headless Chromium, driven through the DevTools protocol.</summary>
public class SiteSearchBrowserTests(SiteSearchFixture demo, ShardCorpusFixture corpus) : IClassFixture<SiteSearchFixture>, IClassFixture<ShardCorpusFixture>
{
    // Counts the practice queries the page runs to the end (the page makes its practice indexes with
    // QuorumShards.practice; a query ends with its count), by wrapping search-shards.js's API as it is defined.
    const string CountPractice = """
        (() => {
          let api;
          window.__practised = 0;
          Object.defineProperty(window, 'QuorumShards', { configurable: true, get: () => api, set: (value) => {
            const practice = value.practice;
            value.practice = (...args) => {
              const make = practice(...args);
              return () => {
                const index = make(), count = index.count;
                index.count = function (...a) { return count.apply(this, a).then((c) => { window.__practised++; return c; }); };
                return index;
              };
            };
            api = value;
          } });
        })();
        """;

    [ChromiumFact]
    public async Task On_a_large_site_the_page_practises_while_idle_fetching_nothing_and_then_finds_the_same()
    {
        // The demo's pages with the generated corpus's index cut into tiny shards: documents in many files, as on a
        // large site.
        var site = new Render.MemoryOutput();
        foreach (var (path, bytes) in demo.Output.Files.Where(f => !f.Key.StartsWith("search/shards/", StringComparison.Ordinal))) site.Write(path, bytes);
        foreach (var (path, bytes) in corpus.TinyOutput.Files.Where(f => f.Key.StartsWith("search/shards/", StringComparison.Ordinal))) site.Write(path, bytes);
        using var server = new StaticServer(site);
        await using var browser = await Browser.Start();
        await browser.Send("Page.addScriptToEvaluateOnNewDocument", new JsonObject { ["source"] = CountPractice });
        const string Results = "document.getElementById('search-status').textContent + ' ' + Array.from(document.querySelectorAll('.search-result-title a'), a => a.getAttribute('href')).join(' ')";

        // A query in the address searches at once: no practice.
        await browser.Navigate(server.Url + "search/?q=council+procurement");
        await browser.WaitFor("document.getElementById('search-status').textContent", s => s.Contains("results for ‘council procurement’", StringComparison.Ordinal));
        var unpractised = await browser.WaitFor(Results, s => s.Contains(" /", StringComparison.Ordinal) && !s.Contains("counting", StringComparison.Ordinal));
        await Task.Delay(500);
        Assert.Equal(0, await browser.Eval<int>("window.__practised"));

        // Opened without a query, the page practises while idle, every query to the end, fetching nothing.
        int before = browser.Requests.Count;
        await browser.Navigate(server.Url + "search/");
        await browser.WaitFor("String(window.__practised)", s => s == "5");
        var fetched = browser.Requests.Skip(before).Where(r => r.Contains("/search/", StringComparison.Ordinal)).ToList();
        Assert.Equal([server.Url + Quorum.Search.Shards.ShardWriter.ManifestPath], fetched.Where(r => !r.EndsWith("/search/", StringComparison.Ordinal)));

        // Then a search finds what the unpractised page found.
        await browser.Eval<bool>("document.getElementById('q').focus(), true");
        await browser.Send("Input.insertText", new JsonObject { ["text"] = "council procurement" });
        // The results list can be filled a moment before the status line says what it holds (seen on a loaded
        // machine), so wait for the status first, as above.
        await browser.WaitFor("document.getElementById('search-status').textContent", s => s.Contains("results for ‘council procurement’", StringComparison.Ordinal));
        Assert.Equal(unpractised, await browser.WaitFor(Results, s => s.Contains(" /", StringComparison.Ordinal) && !s.Contains("counting", StringComparison.Ordinal)));
    }

    [ChromiumFact]
    public async Task The_search_page_loads_its_engine_as_it_opens_and_searches_as_you_type()
    {
        using var server = new StaticServer(demo.Output);
        await using var browser = await Browser.Start();

        // The engine (lunr, search-shards.js, the manifest) loads with the page, quietly; no term or document yet.
        await browser.Navigate(server.Url + "search/");
        await browser.WaitFor("typeof window.QuorumShards + ' ' + document.getElementById('search-filters').hidden", s => s == "object false");
        Assert.Equal("Type words, names or an action id to search.", await browser.Eval<string>("document.getElementById('search-status').textContent"));
        Assert.Contains(browser.Requests, r => r.EndsWith("/" + Quorum.Search.Shards.ShardWriter.ManifestPath, StringComparison.Ordinal));
        Assert.DoesNotContain(browser.Requests, r => r.Contains("/search/shards/t/", StringComparison.Ordinal) || r.Contains("/search/shards/d/", StringComparison.Ordinal));

        await browser.Eval<bool>("document.getElementById('q').focus(), true");
        await browser.Send("Input.insertText", new JsonObject { ["text"] = "mark br" });
        var status = await browser.WaitFor("document.getElementById('search-status').textContent", s => s.Contains("results for ‘mark br’", StringComparison.Ordinal));
        Assert.Matches(@"^\d+ results for ‘mark br’\.$", status);
        Assert.Contains(browser.Requests, r => r.EndsWith("/assets/js/lunr.min.js", StringComparison.Ordinal));
        Assert.Contains(browser.Requests, r => r.EndsWith("/assets/js/search-shards.js", StringComparison.Ordinal));
        Assert.Contains(browser.Requests, r => r.EndsWith("/" + Quorum.Search.Shards.ShardWriter.ManifestPath, StringComparison.Ordinal));
        Assert.Contains(browser.Requests, r => r.Contains("/search/shards/t/", StringComparison.Ordinal));
        Assert.Contains(browser.Requests, r => r.EndsWith("/search/shards/d/0.json", StringComparison.Ordinal));
        // The page searches the shards; the single-file index stays for other tools.
        Assert.DoesNotContain(browser.Requests, r => r.EndsWith("/" + SearchFiles.IndexPath, StringComparison.Ordinal) || r.EndsWith("/" + SearchFiles.DocumentsPath, StringComparison.Ordinal));
        Assert.Equal("/members/mark-brett/", await browser.Eval<string>("document.querySelector('.search-result-title a').getAttribute('href')"));
        Assert.Equal("Mark Brett", await browser.Eval<string>("document.querySelector('.search-result-title mark').textContent + ' ' + document.querySelectorAll('.search-result-title mark')[1].textContent"));
        Assert.Equal("?q=mark+br", await browser.Eval<string>("location.search"));

        // Arrow keys move from the box through the results and back.
        await browser.Key("ArrowDown", 40);
        Assert.Equal("/members/mark-brett/", await browser.Eval<string>("document.activeElement.getAttribute('href')"));
        await browser.Key("ArrowDown", 40);
        var second = await browser.Eval<string>("document.activeElement.getAttribute('href')");
        Assert.Equal(second, await browser.Eval<string>("document.querySelectorAll('.search-result-title a')[1].getAttribute('href')"));
        await browser.Key("ArrowUp", 38);
        await browser.Key("ArrowUp", 38);
        Assert.Equal("q", await browser.Eval<string>("document.activeElement.id"));
    }

    [ChromiumFact]
    public async Task The_search_page_works_from_the_url_filters_and_shows_index_text_as_text()
    {
        using var server = new StaticServer(demo.Output);
        await using var browser = await Browser.Start();

        await browser.Navigate(server.Url + "search/?q=03%2F05a&kind=decision");
        Assert.Equal("0 of 2 results for ‘03/05a’ match the filters.",
            await browser.WaitFor("document.getElementById('search-status').textContent", s => s.Contains("03/05a", StringComparison.Ordinal)));
        Assert.True(await browser.Eval<bool>("document.querySelector('input[name=kind][value=decision]').checked"));
        Assert.Equal("Filter results", await browser.Eval<string>("document.querySelector('#search-filters fieldset > legend').textContent"));

        await browser.Eval<bool>("document.querySelector('input[name=kind][value=decision]').click(), true");
        Assert.Equal("2 results for ‘03/05a’.", await browser.WaitFor("document.getElementById('search-status').textContent", s => s.StartsWith('2')));
        Assert.Equal("/actions/lg-cio-03-05a/", await browser.Eval<string>("document.querySelector('.search-result-title a').getAttribute('href')"));
        Assert.Equal("?q=03%2F05a", await browser.Eval<string>("location.search"));

        // A query lunr rejects still searches; markup typed into the box stays text.
        await browser.Eval<bool>("(() => { const q = document.getElementById('q'); q.value = 'ocean: <img src=x>'; q.dispatchEvent(new Event('input')); return true; })()");
        await browser.WaitFor("document.getElementById('search-status').textContent", s => s.Contains("<img src=x>", StringComparison.Ordinal));
        Assert.Equal(0, await browser.Eval<int>("document.querySelectorAll('main img').length"));
        Assert.Equal("/actions/lg-cio-03-05b/", await browser.Eval<string>("document.querySelector('.search-result-title a').getAttribute('href')"));
    }

    /// <summary>Serves a built site from memory on a free local port, with pretty URLs.</summary>
    sealed class StaticServer : IDisposable
    {
        readonly HttpListener _listener = new();
        readonly Render.MemoryOutput _site;

        public string Url { get; }

        public StaticServer(Render.MemoryOutput site)
        {
            _site = site;
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(Serve);
        }

        async Task Serve()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
                if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
                if (_site.Files.TryGetValue(path, out var bytes))
                {
                    context.Response.ContentType = Path.GetExtension(path) switch
                    {
                        ".html" => "text/html; charset=utf-8",
                        ".js" => "text/javascript; charset=utf-8",
                        ".json" => "application/json",
                        ".css" => "text/css",
                        _ => "application/octet-stream",
                    };
                    // As a careful host would serve it: no inline script may run.
                    context.Response.Headers["Content-Security-Policy"] = "default-src 'self'; script-src 'self'";
                    await context.Response.OutputStream.WriteAsync(bytes);
                }
                else
                {
                    context.Response.StatusCode = 404;
                }
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }

    /// <summary>Headless Chromium with one page, spoken to over the DevTools protocol.</summary>
    sealed class Browser : IAsyncDisposable
    {
        readonly Process _process;
        readonly TempDir _profile;
        readonly ClientWebSocket _socket = new();
        readonly Dictionary<int, TaskCompletionSource<JsonElement>> _pending = [];
        readonly CancellationTokenSource _stop = new();
        int _nextId;
        Task _receiving = Task.CompletedTask;

        readonly List<string> _requests = [];

        /// <summary>The URLs requested so far: a copy, as the receiving loop adds to the list while a test reads it.</summary>
        public IReadOnlyList<string> Requests { get { lock (_requests) return [.. _requests]; } }

        Browser(Process process, TempDir profile)
        {
            _process = process;
            _profile = profile;
        }

        public static async Task<Browser> Start()
        {
            var profile = new TempDir();
            var psi = new ProcessStartInfo(LunrNode.FindOnPath("chromium") ?? "chromium")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-port=0", "--user-data-dir=" + profile.Path, "about:blank" })
                psi.ArgumentList.Add(arg);
            var process = Process.Start(psi)!;
            var browser = new Browser(process, profile);
            _ = process.StandardOutput.ReadToEndAsync();
            string? endpoint = null;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (endpoint is null && DateTime.UtcNow < deadline)
            {
                var line = await process.StandardError.ReadLineAsync();
                if (line is null) break;
                var at = line.IndexOf("ws://", StringComparison.Ordinal);
                if (line.StartsWith("DevTools listening on", StringComparison.Ordinal) && at >= 0) endpoint = line[at..].Trim();
            }
            _ = process.StandardError.ReadToEndAsync();
            if (endpoint is null)
            {
                await browser.DisposeAsync();
                throw new InvalidOperationException("Chromium did not start its DevTools endpoint.");
            }
            var http = new Uri(endpoint.Replace("ws://", "http://", StringComparison.Ordinal));
            using var client = new HttpClient();
            var targets = JsonDocument.Parse(await client.GetStringAsync(new Uri(http, "/json/list")));
            var page = targets.RootElement.EnumerateArray().First(t => t.GetProperty("type").GetString() == "page");
            await browser._socket.ConnectAsync(new Uri(page.GetProperty("webSocketDebuggerUrl").GetString()!), CancellationToken.None);
            browser._receiving = Task.Run(browser.Receive);
            await browser.Send("Network.enable");
            await browser.Send("Page.enable");
            return browser;
        }

        async Task Receive()
        {
            var buffer = new byte[1 << 16];
            var message = new MemoryStream();
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                WebSocketReceiveResult result;
                try { result = await _socket.ReceiveAsync(buffer, _stop.Token); }
                catch (Exception e) when (e is OperationCanceledException or WebSocketException) { break; }
                if (result.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var json = JsonDocument.Parse(message.ToArray()).RootElement;
                message.SetLength(0);
                if (json.TryGetProperty("id", out var id))
                {
                    TaskCompletionSource<JsonElement>? waiting;
                    lock (_pending) _pending.Remove(id.GetInt32(), out waiting);
                    waiting?.TrySetResult(json);
                }
                else if (json.GetProperty("method").GetString() == "Network.requestWillBeSent")
                {
                    lock (_requests) _requests.Add(json.GetProperty("params").GetProperty("request").GetProperty("url").GetString()!);
                }
            }
            lock (_pending)
                foreach (var waiting in _pending.Values) waiting.TrySetException(new InvalidOperationException("Chromium closed the connection."));
        }

        public async Task<JsonElement> Send(string method, JsonObject? parameters = null)
        {
            var tcs = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            int id;
            lock (_pending)
            {
                id = ++_nextId;
                _pending[id] = tcs;
            }
            var request = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
            await _socket.SendAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
            var response = await tcs.Task.WaitAsync(TimeSpan.FromSeconds(30));
            if (response.TryGetProperty("error", out var error)) throw new InvalidOperationException($"{method}: {error}");
            return response.GetProperty("result");
        }

        public async Task<T> Eval<T>(string expression)
        {
            var result = await Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
            if (result.TryGetProperty("exceptionDetails", out var exception)) throw new InvalidOperationException($"{expression}: {exception}");
            return result.GetProperty("result").GetProperty("value").Deserialize<T>()!;
        }

        /// <summary>Polls a string expression until it satisfies the condition (at most 15 s); returns its last value.</summary>
        public async Task<string> WaitFor(string expression, Func<string, bool> condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            string value;
            do
            {
                value = await Eval<string>(expression);
                if (condition(value)) return value;
                await Task.Delay(50);
            }
            while (DateTime.UtcNow < deadline);
            throw new TimeoutException($"{expression} is still \"{value}\"");
        }

        public async Task Navigate(string url)
        {
            await Send("Page.navigate", new JsonObject { ["url"] = url });
            await WaitFor("document.readyState + '|' + location.href", s => s == "complete|" + url);
        }

        public async Task Key(string key, int code)
        {
            foreach (var type in new[] { "keyDown", "keyUp" })
                await Send("Input.dispatchKeyEvent", new JsonObject { ["type"] = type, ["key"] = key, ["code"] = key, ["windowsVirtualKeyCode"] = code });
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try { await _receiving.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
            _socket.Dispose();
            try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });
            _process.Dispose();
            _profile.Dispose();
            _stop.Dispose();
        }
    }
}
