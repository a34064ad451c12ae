using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Quorum.BrowserTests.Support;

/// <summary>
/// Serves a built site on 127.0.0.1 (a free port) the way Netlify does: the site's files under its base path,
/// index.html for folders, 404.html with status 404 for anything else, and netlify.toml's headers for "/*" on every
/// response — so a Content-Security-Policy violation shows in the browser's console and fails the test.
/// </summary>
public sealed partial class StaticSiteServer : IAsyncDisposable
{
    readonly WebApplication _app;

    /// <summary>"http://127.0.0.1:port" (no slash).</summary>
    public string Origin { get; }

    /// <summary>The site's base path: "/" or "/minutes/".</summary>
    public string BasePath { get; }

    StaticSiteServer(WebApplication app, string origin, string basePath) => (_app, Origin, BasePath) = (app, origin, basePath);

    public static async Task<StaticSiteServer> StartAsync(string folder, string basePath)
    {
        var headers = NetlifyHeaders(Path.Combine(Tools.RepoRoot, "netlify.toml"));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder, EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        var files = new PhysicalFileProvider(Path.GetFullPath(folder));
        var requestPath = new PathString(basePath.TrimEnd('/'));
        var types = new FileExtensionContentTypeProvider();
        foreach (var (extension, type) in Quorum.Write.SiteMediaTypes.ByExtension) types.Mappings[extension] = type;

        app.Use((context, next) =>
        {
            foreach (var (name, value) in headers) context.Response.Headers[name] = value;
            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = requestPath, DefaultFileNames = ["index.html"] });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = requestPath, ContentTypeProvider = types });
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(files.GetFileInfo("404.html"));
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new StaticSiteServer(app, address.TrimEnd('/'), basePath);
    }

    /// <summary>An absolute URL for a path relative to the site's base ("" is the home page).</summary>
    public string Url(string relative = "") => Origin + BasePath + relative.TrimStart('/');

    /// <summary>The name = "value" pairs of netlify.toml's [[headers]] block for "/*".</summary>
    public static IReadOnlyList<(string Name, string Value)> NetlifyHeaders(string netlifyToml)
    {
        var text = File.ReadAllText(netlifyToml);
        var block = AllPagesBlock().Match(text);
        if (!block.Success) throw new InvalidOperationException($"{netlifyToml} has no [[headers]] block for \"/*\"");
        var headers = HeaderLine().Matches(block.Groups["values"].Value).Select(m => (m.Groups["name"].Value, m.Groups["value"].Value)).ToList();
        if (!headers.Any(h => h.Item1 == "Content-Security-Policy"))
            throw new InvalidOperationException($"{netlifyToml}'s headers for \"/*\" have no Content-Security-Policy");
        return headers;
    }

    [GeneratedRegex(@"\[\[headers\]\]\s*for\s*=\s*""/\*""\s*\[headers\.values\](?<values>.*?)(?=^\s*\[|\z)", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex AllPagesBlock();

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z-]+)\s*=\s*""(?<value>[^""]*)""\s*$", RegexOptions.Multiline)]
    private static partial Regex HeaderLine();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
