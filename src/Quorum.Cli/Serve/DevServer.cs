using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Quorum.Build;
using Quorum.Diagnostics;
using Quorum.Render;

namespace Quorum.Cli.Serve;

public sealed record DevServerOptions(string Input, string Output, string? Theme = null, int? Port = null)
{
    /// <summary>The first port tried when none is given; the next ones are tried if it is taken.</summary>
    public const int DefaultPort = 8080;
    const int PortsToTry = 20;

    /// <summary>
    /// How long the folders must stay quiet after a change before a rebuild starts (editors save in several steps, a few
    /// milliseconds apart). It is part of every reload's latency; a save that straggles past it only costs a second
    /// rebuild, since a failure is not shown while the save may still be under way (<see cref="ErrorSettle"/>).
    /// </summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How long the folders must have been quiet before a failed rebuild's errors are shown: a rebuild that started in
    /// the middle of a save (a file truncated and not yet written again) fails, and the rest of the save comes within
    /// this; then the errors are not shown and the next rebuild, of the whole save, reports instead. Errors that stay
    /// are shown this long after the save that made them.
    /// </summary>
    public TimeSpan ErrorSettle { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The build date of each rebuild (default: today, as <c>quorum build</c>).</summary>
    public Func<DateOnly>? Today { get; init; }

    internal IEnumerable<int> Ports => Port is { } p ? [p] : Enumerable.Range(DefaultPort, PortsToTry);
}

/// <summary>A problem that stops the dev server from starting (a port in use): one line, exit code 2.</summary>
public sealed class DevServerException(string message) : Exception(message);

/// <summary>
/// <c>quorum serve</c>: builds the site into the output folder, serves that folder on 127.0.0.1 with Kestrel, watches
/// the input and theme folders, rebuilds incrementally after each save (<see cref="IncrementalBuilder"/>) and tells the
/// open pages to reload. HTML responses get the live-reload script at serve time; the output folder is always an
/// exact build. A save that breaks <c>check</c> prints its diagnostics, shows them on the open pages, and leaves the
/// last good site served.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    readonly DevServerOptions _options;
    readonly TextWriter _out;
    readonly TextWriter _err;
    readonly IncrementalBuilder _builder;
    readonly LiveReloadHub _hub = new();
    readonly CancellationTokenSource _stop = new();
    readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    readonly Lock _lock = new();
    readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    readonly FileExtensionContentTypeProvider _types = ContentTypes();
    WebApplication? _app;
    SiteWatcher? _watcher;
    Task? _loop;
    long _lastEventTicks;
    long _firstEventTicks;
    long _reloadSentTicks;
    volatile CancellationTokenSource? _rest;
    volatile bool _inError;

    DevServer(DevServerOptions options, TextWriter stdout, TextWriter stderr)
    {
        _options = options;
        _out = TextWriter.Synchronized(stdout);
        _err = TextWriter.Synchronized(stderr);
        _builder = new IncrementalBuilder(options.Input, options.Output, options.Theme, options.Today);
        _hub.Connected += () =>
        {
            var sent = Interlocked.Exchange(ref _reloadSentTicks, 0);
            if (sent != 0 && Trace)
                _out.WriteLine($"  [trace] a page reconnected {Stopwatch.GetElapsedTime(sent).TotalMilliseconds:0} ms after the reload event");
        };
    }

    static bool Trace => Environment.GetEnvironmentVariable("QUORUM_SERVE_TRACE") is "1";

    public int Port { get; private set; }

    /// <summary>The site's address, with its base path.</summary>
    public string Url => $"http://127.0.0.1:{Port}{_builder.BasePath}";

    public IncrementalBuilder Builder => _builder;
    public LiveReloadHub Hub => _hub;

    /// <summary>The report of each build and rebuild, as it finishes (for tests).</summary>
    public event Action<RebuildReport>? Rebuilt;

    /// <summary>Binds the port (failing fast when it is taken), builds, starts watching, and prints the address.</summary>
    public static async Task<DevServer> StartAsync(DevServerOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        var server = new DevServer(options, stdout, stderr);
        try
        {
            await server.ListenAsync(cancellation);
            await Task.Run(server.InitialBuild, cancellation);
            var root = Path.GetFullPath(Environment.CurrentDirectory);
            string Show(string p) => Path.GetRelativePath(root, p).Replace('\\', '/') + "/";
            server._watcher = new SiteWatcher([server._builder.InputDirectory, server._builder.ThemeDirectory],
                [server._builder.OutputDirectory], server.OnChange);
            server._loop = Task.Run(server.RebuildLoop);
            server._out.WriteLine($"Serving {server.Url} (watching {string.Join(" and ", server._watcher.Directories.Select(Show))}; Ctrl+C to stop)");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    async Task ListenAsync(CancellationToken cancellation)
    {
        foreach (var port in _options.Ports)
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
            {
                k.AddServerHeader = false;
                k.Listen(IPAddress.Loopback, port);
            });
            var app = builder.Build();
            app.Run(Handle);
            try
            {
                await app.StartAsync(cancellation);
            }
            catch (IOException e)
            {
                await app.DisposeAsync();
                if (_options.Port is not null)
                    throw new DevServerException($"port {port} on 127.0.0.1 is in use ({e.GetBaseException().Message}); choose another with --port");
                continue;
            }
            _app = app;
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Port = new Uri(address).Port;
            if (_options.Port is null && port != DevServerOptions.DefaultPort)
                _out.WriteLine($"Port {DevServerOptions.DefaultPort} is in use: using port {Port} instead.");
            return;
        }
        throw new DevServerException($"ports {DevServerOptions.DefaultPort} to {DevServerOptions.DefaultPort + 19} on 127.0.0.1 are all in use; choose one with --port");
    }

    void InitialBuild()
    {
        var report = _builder.Rebuild();
        if (report.Outcome == RebuildOutcome.Built)
        {
            Quorum.Cli.Report.Diagnostics(report.Diagnostics, _err);
            _out.WriteLine($"Built {Quorum.Cli.Report.Plural(report.FilesTotal, "file")} ({report.PagesTotal} pages) into {Display(_builder.OutputDirectory)}/ " +
                           $"in {report.Elapsed.TotalSeconds:0.00} s.");
        }
        else
        {
            PrintFailure(report, "The build failed", Directory.Exists(_builder.OutputDirectory)
                ? $"serving what {Display(_builder.OutputDirectory)}/ already holds until the input is fixed"
                : "nothing to serve until the input is fixed");
            _inError = true;
            _lastErrors = ErrorLines(report).ToList();
            _hub.Error(_lastErrors);
        }
        Rebuilt?.Invoke(report);
    }

    void OnChange(string path)
    {
        lock (_lock)
        {
            _changed.Add(path);
            var now = Stopwatch.GetTimestamp();
            if (_firstEventTicks == 0) _firstEventTicks = now;
            _lastEventTicks = now;
        }
        // A newer save makes the rest of a rebuild in progress moot: it stops, and the next rebuild does its work.
        try
        {
            _rest?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That rebuild has just finished.
        }
        _signal.Writer.TryWrite(true);
    }

    async Task RebuildLoop()
    {
        var token = _stop.Token;
        var retries = 0;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await _signal.Reader.ReadAsync(token);
                // Wait for a quiet spell: an editor's save is several events (temp file, rename, attributes).
                while (true)
                {
                    TimeSpan wait;
                    lock (_lock) wait = _options.Debounce - Stopwatch.GetElapsedTime(_lastEventTicks);
                    if (wait <= TimeSpan.Zero) break;
                    await Task.Delay(wait, token);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }

            string[] paths;
            long firstEvent;
            lock (_lock)
            {
                paths = [.. _changed.Where(p => p.Length > 0)];
                _changed.Clear();
                firstEvent = _firstEventTicks;
                _firstEventTicks = 0;
            }
            using var rest = CancellationTokenSource.CreateLinkedTokenSource(token);
            _rest = rest;
            var started = Stopwatch.GetTimestamp();
            _cpuAtStart = Trace ? Process.GetCurrentProcess().TotalProcessorTime : TimeSpan.Zero;
            _gcAtStart = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
            try
            {
                var report = await Task.Run(() => _builder.Rebuild(paths, files => FirstPagesWritten(files, firstEvent), rest.Token), CancellationToken.None);
                retries = 0;
                if (report.Outcome == RebuildOutcome.Failed)
                {
                    Rebuilt?.Invoke(report);
                    if (await ChangedAgain(started, token))
                    {
                        // Most likely read in the middle of a save: the rebuild of the rest of it reports instead.
                        lock (_lock) if (_firstEventTicks == 0) _firstEventTicks = firstEvent;
                        continue;
                    }
                }
                Finished(report, firstEvent);
            }
            catch (IOException e) when (retries < 5 && !token.IsCancellationRequested)
            {
                // A file vanished or was locked mid-save: try again shortly.
                retries++;
                _err.WriteLine($"quorum: {e.Message}; trying again");
                lock (_lock)
                {
                    foreach (var p in paths) _changed.Add(p);
                    if (_firstEventTicks == 0) _firstEventTicks = firstEvent;
                    _lastEventTicks = Stopwatch.GetTimestamp();
                }
                _signal.Writer.TryWrite(true);
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                // Keep serving the last good site: a bug in a rebuild must not take the server down.
                _err.WriteLine($"quorum: internal error while rebuilding: {e.GetBaseException().Message}");
                if (Environment.GetEnvironmentVariable("QUORUM_DEBUG") is not null) _err.WriteLine(e);
            }
            finally
            {
                _rest = null;
            }
        }
    }

    /// <summary>
    /// Waits until the folders have been quiet for <see cref="DevServerOptions.ErrorSettle"/>; true as soon as anything
    /// changed after <paramref name="since"/> (a rebuild of it is then due).
    /// </summary>
    async Task<bool> ChangedAgain(long since, CancellationToken token)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                if (_lastEventTicks > since) return true;
                wait = _options.ErrorSettle - Stopwatch.GetElapsedTime(_lastEventTicks);
            }
            if (wait <= TimeSpan.Zero) return false;
            try
            {
                await Task.Delay(wait, token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    void FirstPagesWritten(IReadOnlyList<string> files, long firstEvent)
    {
        _sentFirst = [];
        if (files.Count == 0 || _inError) return; // after an error, the finished rebuild reloads everything
        _sentFirst = PageUrls(files);
        var sent = _hub.Reload(false, _sentFirst);
        // The rest of the rebuild keeps every core (and thread-pool thread) busy: let the event go out first, or it
        // can wait behind that work for hundreds of milliseconds. Bounded, in case a page went away unread.
        sent.Wait(TimeSpan.FromMilliseconds(250));
        Interlocked.Exchange(ref _reloadSentTicks, Stopwatch.GetTimestamp());
        _firstReloadMs = firstEvent == 0 ? null : Stopwatch.GetElapsedTime(firstEvent).TotalMilliseconds;
        if (Trace)
            _out.WriteLine($"  [trace] reload sent {_firstReloadMs:0} ms after the save; the process used " +
                           $"{(Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalMilliseconds:0} ms of CPU since the rebuild started " +
                           $"({GC.CollectionCount(0) - _gcAtStart.Collections} collections, {(GC.GetTotalPauseDuration() - _gcAtStart.Pause).TotalMilliseconds:0} ms paused)");
    }

    TimeSpan _cpuAtStart;
    (int Collections, TimeSpan Pause) _gcAtStart;

    double? _firstReloadMs;
    List<string> _sentFirst = [];
    List<string> _lastErrors = [];

    void Finished(RebuildReport report, long firstEvent)
    {
        var changed = report.ChangedFiles.Count == 0 ? "no file" : report.ChangedFiles.Count <= 3
            ? string.Join(", ", report.ChangedFiles) : $"{string.Join(", ", report.ChangedFiles.Take(2))} and {report.ChangedFiles.Count - 2} more";
        var time = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var sinceSave = firstEvent == 0 ? "" : $"done {Stopwatch.GetElapsedTime(firstEvent).TotalMilliseconds:0} ms after the save, ";
        switch (report.Outcome)
        {
            case RebuildOutcome.Unchanged:
                break;
            case RebuildOutcome.Failed:
            {
                _firstReloadMs = null;
                var lines = ErrorLines(report).ToList();
                // A save that leaves the same errors (or an editor's extra events) is not worth repeating.
                if (_inError && lines.SequenceEqual(_lastErrors)) break;
                _lastErrors = lines;
                PrintFailure(report, $"[{time}] {changed} changed: the build failed", "the last good site is still served");
                _inError = true;
                _hub.Error(lines);
                break;
            }
            default:
            {
                var all = report.Full || _inError;
                var first = _firstReloadMs is { } ms ? $"reload sent {ms:0} ms after the save, " : "";
                _firstReloadMs = null;
                // Pages already reloaded for the first pages are not reloaded twice; "all" needs no list.
                var urls = all ? [] : PageUrls(report.FilesChanged).Except(_sentFirst, StringComparer.Ordinal).ToList();
                _sentFirst = [];
                if (all || urls.Count > 0)
                {
                    _ = _hub.Reload(all, urls); // nothing follows that could hold it up
                    if (first.Length == 0) Interlocked.Exchange(ref _reloadSentTicks, Stopwatch.GetTimestamp());
                }
                _inError = false;
                var what = report.Outcome == RebuildOutcome.Interrupted ? "interrupted by a newer save after " : "";
                _out.WriteLine($"[{time}] {changed} changed: {what}{report.PagesRendered}/{report.PagesTotal} pages re-rendered" +
                               $"{(report.Full ? " (all)" : "")}, {Quorum.Cli.Report.Plural(report.FilesChanged.Count, "file")} changed; " +
                               $"{first}{sinceSave.TrimEnd(',', ' ')}{(sinceSave.Length > 0 ? "; " : "")}rebuild {report.Elapsed.TotalMilliseconds:0} ms " +
                               $"({string.Join(", ", report.Timings.Phases.Select(p => $"{p.Phase} {p.Time.TotalMilliseconds:0}"))}" +
                               $"{(report.SideTimings.Count > 0 ? $"; side by side: {string.Join(", ", report.SideTimings.Select(p => $"{p.Phase} {p.Time.TotalMilliseconds:0}"))}" : "")})");
                PrintNewWarnings(report);
                break;
            }
        }
        if (report.Outcome != RebuildOutcome.Failed) Rebuilt?.Invoke(report); // a failure was announced as soon as it was known
    }

    /// <summary>The pages among changed files (an open page reloads when its own file changed; the rest is fetched fresh).</summary>
    List<string> PageUrls(IEnumerable<string> files) =>
        files.Where(f => f.EndsWith(".html", StringComparison.Ordinal)).Select(f => LiveReload.UrlOf(_builder.BasePath, f)).ToList();

    static IEnumerable<string> ErrorLines(RebuildReport report) =>
        report.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).Concat(report.Error is null ? [] : [report.Error]);

    IReadOnlyList<Diagnostic> _shownWarnings = [];

    void PrintNewWarnings(RebuildReport report)
    {
        var shown = _shownWarnings.ToHashSet();
        var fresh = report.Diagnostics.Where(d => !shown.Contains(d)).ToList();
        foreach (var d in fresh) _err.WriteLine(d.ToString());
        _shownWarnings = report.Diagnostics;
    }

    void PrintFailure(RebuildReport report, string headline, string consequence)
    {
        foreach (var d in report.Diagnostics) _err.WriteLine(d.ToString());
        if (report.Error is not null) _err.WriteLine($"quorum: error: {report.Error}");
        var errors = report.Diagnostics.Count(d => d.IsError) + (report.Error is null ? 0 : 1);
        _err.WriteLine($"{headline} ({Quorum.Cli.Report.Plural(errors, "error")}): {consequence}.");
        _shownWarnings = report.Diagnostics.Where(d => !d.IsError).ToList();
    }

    static string Display(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path).Replace('\\', '/');

    // ---- HTTP ----

    async Task Handle(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-cache";
        var path = request.Path.Value ?? "/";

        if (path.StartsWith(LiveReload.Prefix, StringComparison.Ordinal))
        {
            if (path == LiveReload.ScriptPath) await Send(context, "text/javascript; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(LiveReload.Script));
            else if (path == LiveReload.EventsPath) await Events(context);
            else response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        var basePath = _builder.BasePath;
        if (basePath != "/" && (path == "/" || path + "/" == basePath))
        {
            response.Redirect(basePath + request.QueryString);
            return;
        }
        var root = _builder.OutputDirectory;
        if (path.StartsWith(basePath, StringComparison.Ordinal) && Resolve(root, path[basePath.Length..]) is { } target)
        {
            if (Directory.Exists(target))
            {
                if (!path.EndsWith('/'))
                {
                    response.Redirect(path + "/" + request.QueryString);
                    return;
                }
                target = Path.Combine(target, "index.html");
            }
            if (File.Exists(target) && await SendFile(context, target, StatusCodes.Status200OK)) return;
        }
        var notFound = Path.Combine(root, "404.html");
        if (File.Exists(notFound) && await SendFile(context, notFound, StatusCodes.Status404NotFound)) return;
        response.StatusCode = StatusCodes.Status404NotFound;
        await Send(context, "text/plain; charset=utf-8", "Not found\n"u8.ToArray());
    }

    /// <summary>The file or folder a URL path names inside the output folder; null for anything outside it or hidden.</summary>
    static string? Resolve(string root, string relative)
    {
        if (relative.Split('/').Any(s => s.StartsWith('.') || s.Contains('\\'))) return null;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    async Task<bool> SendFile(HttpContext context, string file, int status)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, context.RequestAborted);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false; // deleted by a rebuild a moment ago
        }
        var type = ContentType(file);
        if (type.StartsWith("text/html", StringComparison.Ordinal)) bytes = LiveReload.Inject(bytes);
        context.Response.StatusCode = status;
        await Send(context, type, bytes);
        return true;
    }

    static async Task Send(HttpContext context, string type, byte[] bytes)
    {
        context.Response.ContentType = type;
        context.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    string ContentType(string file)
    {
        if (!_types.TryGetContentType(file, out var type)) return "application/octet-stream";
        return type.StartsWith("text/", StringComparison.Ordinal) || type is "application/json" or "application/xml" or "image/svg+xml"
            ? type + "; charset=utf-8"
            : type;
    }

    static FileExtensionContentTypeProvider ContentTypes()
    {
        var p = new FileExtensionContentTypeProvider();
        foreach (var (extension, type) in Quorum.Write.SiteMediaTypes.ByExtension) p.Mappings[extension] = type;
        return p;
    }

    async Task Events(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        var channel = _hub.Subscribe();
        try
        {
            await response.WriteAsync("retry: 1000\n: quorum serve\n\n", context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
            await foreach (var message in channel.Reader.ReadAllAsync(context.RequestAborted))
            {
                await response.WriteAsync(message.Text, context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
                message.Delivery?.Sent();
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
        finally
        {
            _hub.Unsubscribe(channel);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _rest?.Cancel();
        _watcher?.Dispose();
        _hub.Close();
        if (_loop is not null) await Task.WhenAny(_loop, Task.Delay(TimeSpan.FromSeconds(30)));
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
            await _app.DisposeAsync();
        }
        _builder.Dispose();
        _stop.Dispose();
    }
}
