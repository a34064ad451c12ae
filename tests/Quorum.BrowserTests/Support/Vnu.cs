using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Quorum.BrowserTests.Support;

/// <summary>One message of the Nu Html Checker: type is "error", "non-document-error" or "info" (subType "warning").</summary>
public sealed record VnuMessage(string Type, string? SubType, string File, int Line, int Column, string Message, string? Extract)
{
    public bool IsError => Type is "error" or "non-document-error" || SubType == "fatal";

    public override string ToString() =>
        $"{File}:{Line}:{Column}: {Message}" + (string.IsNullOrWhiteSpace(Extract) ? "" : $"\n    {Extract.ReplaceLineEndings(" ").Trim()}");
}

/// <summary>
/// The Nu Html Checker (npm vnu-jar, pinned in vnu/package-lock.json), run with Java over whole folders in one JVM
/// start — far faster than page by page. The first use installs the package with `npm ci --ignore-scripts` (its
/// postinstall script would only download a Java, which the machine has).
/// </summary>
public static class Vnu
{
    static readonly Lock InstallLock = new();

    public static string Jar => Path.Combine(Tools.VnuFolder, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static bool IsInstalled => File.Exists(Jar);

    public static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (IsInstalled) return;
            var npm = Tools.FindOnPath("npm") ?? throw new InvalidOperationException("npm is not installed: apt-get install npm (it installs the Nu Html Checker, npm vnu-jar)");
            var (code, stdout, stderr) = Run(npm, ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], Tools.VnuFolder, TimeSpan.FromMinutes(5));
            if (code != 0 || !IsInstalled)
                throw new InvalidOperationException($"`npm ci` in {Tools.VnuFolder} failed ({code}):\n{stdout}\n{stderr}");
        }
    }

    /// <summary>Checks every .html file under the folders; returns all messages (errors and warnings).</summary>
    public static IReadOnlyList<VnuMessage> Check(params string[] folders)
    {
        var java = Tools.FindOnPath("java") ?? throw new InvalidOperationException("Java is not installed: apt-get install default-jre-headless (the Nu Html Checker runs on it)");
        EnsureInstalled();
        // -Xss: vnu's own advice for deep documents; a small heap keeps the 2-core machine responsive.
        string[] args = ["-Xss8m", "-Xmx512m", "-jar", Jar, "--format", "json", "--skip-non-html", .. folders];
        var (code, _, stderr) = Run(java, args, Tools.VnuFolder, TimeSpan.FromMinutes(5));
        var json = stderr.Trim();
        var start = json.IndexOf("{\"", StringComparison.Ordinal);
        if (start < 0 || code is not (0 or 1))
            throw new InvalidOperationException($"vnu.jar exited with {code} without a JSON report:\n{stderr}");
        using var report = JsonDocument.Parse(json[start..]);
        var messages = new List<VnuMessage>();
        foreach (var m in report.RootElement.GetProperty("messages").EnumerateArray())
        {
            var url = m.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            var file = url.StartsWith("file:", StringComparison.Ordinal) ? Uri.UnescapeDataString(url["file:".Length..]) : url;
            messages.Add(new VnuMessage(
                m.GetProperty("type").GetString() ?? "",
                m.TryGetProperty("subType", out var s) ? s.GetString() : null,
                file,
                m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                m.TryGetProperty("firstColumn", out var col) ? col.GetInt32() : m.TryGetProperty("lastColumn", out var lc) ? lc.GetInt32() : 0,
                m.TryGetProperty("message", out var msg) ? msg.GetString() ?? "" : "",
                m.TryGetProperty("extract", out var e) ? e.GetString() : null));
        }
        return messages;
    }

    static (int Code, string Stdout, string Stderr) Run(string fileName, IEnumerable<string> args, string workingDirectory, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish in {timeout.TotalMinutes} minutes");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
