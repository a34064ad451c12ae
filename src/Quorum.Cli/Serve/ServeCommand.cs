using System.CommandLine;
using Quorum.Build;
using Quorum.Render;

namespace Quorum.Cli.Serve;

/// <summary><c>quorum serve [--input DIR] [--output DIR] [--port N]</c>: builds, serves on 127.0.0.1, rebuilds and reloads on save.</summary>
static class ServeCommand
{
    /// <summary>The <c>serve</c> command; <paramref name="input"/>, <paramref name="output"/> and <paramref name="theme"/> are the shared options.</summary>
    public static Command Create(Option<string> input, Option<string> output, Option<string?> theme, TextWriter stdout, TextWriter stderr)
    {
        var port = new Option<int?>("--port", "-p")
        {
            Description = $"The port on 127.0.0.1 (default {DevServerOptions.DefaultPort}, or the next free one; 0 for any free port)",
        };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } p && (p < 0 || p > 65535)) r.AddError($"--port must be a port number from 0 to 65535, not {p}");
        });
        var serve = new Command("serve", "Build the site, serve it on 127.0.0.1, and rebuild and reload the open pages on every save")
            { input, output, port, theme };
        serve.SetAction((r, cancellation) =>
            RunAsync(new DevServerOptions(r.GetValue(input)!, r.GetValue(output)!, r.GetValue(theme), r.GetValue(port)), stdout, stderr, cancellation));
        return serve;
    }

    /// <summary>Runs until cancelled (Ctrl+C). Exit 2 when the port is taken, 1 when the output folder is unusable.</summary>
    public static async Task<int> RunAsync(DevServerOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        DevServer server;
        try
        {
            server = await DevServer.StartAsync(options, stdout, stderr, cancellation);
        }
        catch (DevServerException e)
        {
            stderr.WriteLine($"quorum: error: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is BuildException or ThemeException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"quorum: error: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
        await using (server)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException)
            {
            }
            stdout.WriteLine("Stopping.");
        }
        return 0;
    }
}
