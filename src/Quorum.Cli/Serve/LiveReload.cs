using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Quorum.Cli.Serve;

/// <summary>
/// Live reload: the script the dev server injects into HTML responses (never into the output folder), and the
/// server-sent events it listens to on <c>/__quorum/events</c>: <c>reload</c> (with the URLs whose files changed, or
/// all) and <c>error</c> (with the diagnostics of a save that broke <c>check</c>).
/// </summary>
public static class LiveReload
{
    public const string Prefix = "/__quorum/";
    public const string ScriptPath = Prefix + "livereload.js";
    public const string EventsPath = Prefix + "events";
    public const string ScriptTag = "<script src=\"" + ScriptPath + "\"></script>";

    /// <summary>Inserts the script tag before the last <c>&lt;/body&gt;</c> (at the end when there is none).</summary>
    public static byte[] Inject(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        var at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return Encoding.UTF8.GetBytes(at < 0 ? text + ScriptTag + "\n" : text[..at] + ScriptTag + "\n" + text[at..]);
    }

    /// <summary>
    /// Reloads the page when an event names its URL (or all); shows errors in an overlay built with textContent only,
    /// so nothing in a diagnostic is ever read as markup. The EventSource reconnects by itself if the server restarts.
    /// </summary>
    public const string Script = """
        (function () {
          'use strict';
          if (!window.EventSource || window.__quorumLiveReload) return;
          window.__quorumLiveReload = true;
          var overlay = null;
          function here() { return location.pathname.replace(/index\.html$/, ''); }
          function hide() { if (overlay) { overlay.remove(); overlay = null; } }
          function show(lines) {
            hide();
            overlay = document.createElement('div');
            overlay.id = 'quorum-serve-errors';
            overlay.setAttribute('role', 'alert');
            overlay.style.cssText = 'position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;' +
              'margin:0;padding:1em 1.25em;background:#fff4f4;color:#5a0000;border-top:4px solid #b00020;' +
              'font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -2px 12px rgba(0,0,0,.25)';
            var close = document.createElement('button');
            close.type = 'button';
            close.textContent = 'Dismiss';
            close.style.cssText = 'float:right;margin-left:1em';
            close.addEventListener('click', hide);
            var title = document.createElement('strong');
            title.textContent = 'quorum serve: the last save has errors, so this page is from the last good build.';
            var pre = document.createElement('pre');
            pre.style.cssText = 'white-space:pre-wrap;margin:.75em 0 0;font:inherit';
            pre.textContent = lines.join('\n');
            overlay.appendChild(close);
            overlay.appendChild(title);
            overlay.appendChild(pre);
            document.body.appendChild(overlay);
          }
          var source = new EventSource('/__quorum/events');
          source.addEventListener('reload', function (e) {
            var data = {};
            try { data = JSON.parse(e.data); } catch (x) { data = { all: true }; }
            if (data.all || overlay || (data.urls || []).indexOf(here()) >= 0) location.reload();
          });
          source.addEventListener('error', function (e) {
            if (!e.data) return; // the connection's own error event: EventSource retries by itself
            var data;
            try { data = JSON.parse(e.data); } catch (x) { return; }
            show(data.diagnostics || []);
          });
        })();

        """;

    /// <summary>The URL path of an output file: <c>meetings/x/index.html</c> → <c>/base/meetings/x/</c>.</summary>
    public static string UrlOf(string basePath, string file)
    {
        var url = basePath + file;
        return url.EndsWith("/index.html", StringComparison.Ordinal) ? url[..^"index.html".Length]
            : url == basePath + "index.html" ? basePath : url;
    }

    public static string ReloadEvent(bool all, IEnumerable<string> urls) =>
        Event("reload", JsonSerializer.Serialize(new ReloadData(all, urls.ToList()), LiveReloadJson.Default.ReloadData));

    public static string ErrorEvent(IEnumerable<string> diagnostics) =>
        Event("error", JsonSerializer.Serialize(new ErrorData(diagnostics.ToList()), LiveReloadJson.Default.ErrorData));

    internal sealed record ReloadData(bool All, List<string> Urls);

    internal sealed record ErrorData(List<string> Diagnostics);

    // JSON never contains a raw line break, so the data fits one "data:" line.
    static string Event(string name, string json) => $"event: {name}\ndata: {json}\n\n";
}

/// <summary>The browsers listening on <c>/__quorum/events</c>: each has a queue of events to send.</summary>
public sealed class LiveReloadHub
{
    readonly Lock _lock = new();
    readonly List<Channel<Outgoing>> _clients = [];
    string? _error;
    bool _closed;

    public int Clients
    {
        get { lock (_lock) return _clients.Count; }
    }

    /// <summary>Raised when a browser connects (after a reload, it is the reloaded page): for measuring.</summary>
    public event Action? Connected;

    /// <summary>A new listener; it hears the current error at once, if the site is in error.</summary>
    public Channel<Outgoing> Subscribe()
    {
        var channel = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
        lock (_lock)
        {
            if (_closed) channel.Writer.TryComplete();
            else
            {
                _clients.Add(channel);
                if (_error is not null) channel.Writer.TryWrite(new Outgoing(_error, null));
            }
        }
        Connected?.Invoke();
        return channel;
    }

    public void Unsubscribe(Channel<Outgoing> channel)
    {
        lock (_lock) _clients.Remove(channel);
    }

    /// <summary>Tells every listener to reload; the task completes when each has been sent the event (or at once, with none).</summary>
    public Task Reload(bool all, IEnumerable<string> urls)
    {
        var message = LiveReload.ReloadEvent(all, urls);
        lock (_lock)
        {
            _error = null;
            var delivery = new Delivery(_clients.Count);
            foreach (var c in _clients)
                if (!c.Writer.TryWrite(new Outgoing(message, delivery))) delivery.Sent();
            return delivery.Done;
        }
    }

    public void Error(IEnumerable<string> diagnostics)
    {
        var message = LiveReload.ErrorEvent(diagnostics);
        lock (_lock)
        {
            _error = message;
            foreach (var c in _clients) c.Writer.TryWrite(new Outgoing(message, null));
        }
    }

    /// <summary>Ends every listener's stream, so the server can stop.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            foreach (var c in _clients) c.Writer.TryComplete();
            _clients.Clear();
        }
    }
}

/// <summary>An event for one listener, and what to tell once it is written.</summary>
public sealed record Outgoing(string Text, Delivery? Delivery);

/// <summary>Counts the listeners an event has yet to be written to.</summary>
public sealed class Delivery
{
    readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int _left;

    public Delivery(int listeners)
    {
        _left = listeners;
        if (listeners == 0) _done.SetResult();
    }

    public Task Done => _done.Task;

    public void Sent()
    {
        if (Interlocked.Decrement(ref _left) == 0) _done.TrySetResult();
    }
}

/// <summary>The events' JSON (camelCase, as the script reads it), made at compile time: nothing to reflect over, so the
/// standalone build's trimmed framework serves it too.</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(LiveReload.ReloadData))]
[System.Text.Json.Serialization.JsonSerializable(typeof(LiveReload.ErrorData))]
internal sealed partial class LiveReloadJson : System.Text.Json.Serialization.JsonSerializerContext;
