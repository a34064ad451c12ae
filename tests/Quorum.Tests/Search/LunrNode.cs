using System.Diagnostics;
using System.Text;

namespace Quorum.Tests.Search;

/// <summary>
/// Runs tests/Quorum.Tests/node/lunr-build.js (the reference lunr.js 2.3.9). The first use installs
/// the pinned package once per test run with `npm ci` when node_modules lacks it.
/// </summary>
internal static class LunrNode
{
    private static readonly Lazy<string> Folder = new(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs a mode of lunr-build.js with a JSON request on stdin; returns its stdout.</summary>
    public static string Run(string mode, string requestJson)
    {
        string folder = Folder.Value;
        var (exitCode, stdout, stderr) = Execute(NodeExecutable(), ["lunr-build.js", mode], folder, requestJson);
        if (exitCode != 0)
            throw new InvalidOperationException($"node lunr-build.js {mode} exited with {exitCode}: {stderr}");
        return stdout;
    }

    public static string? FindOnPath(string name)
    {
        string[] names = OperatingSystem.IsWindows() ? [name + ".exe", name + ".cmd"] : [name];
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0)
                continue;
            foreach (string n in names)
            {
                string candidate = Path.Combine(dir, n);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    private static string NodeExecutable() =>
        FindOnPath("node") ?? throw new InvalidOperationException(
            "Node.js ('node') is not on PATH, and CI=true: the lunr.js compatibility tests need it (install nodejs and npm).");

    private static string Prepare()
    {
        string folder = SearchTestFiles.NodeFolder;
        NodeExecutable();
        if (!IsLunrInstalled(folder))
        {
            string npm = FindOnPath("npm") ?? throw new InvalidOperationException("npm is not on PATH: cannot install the reference lunr.js.");
            var (exitCode, stdout, stderr) = Execute(npm, ["ci", "--no-audit", "--no-fund"], folder, null);
            if (exitCode != 0 || !IsLunrInstalled(folder))
                throw new InvalidOperationException($"`npm ci` in {folder} failed ({exitCode}): {stdout}\n{stderr}");
        }
        return folder;
    }

    private static bool IsLunrInstalled(string folder)
    {
        string manifest = Path.Combine(folder, "node_modules", "lunr", "package.json");
        return File.Exists(manifest) && File.ReadAllText(manifest).Contains("\"version\": \"2.3.9\"", StringComparison.Ordinal);
    }

    private static (int ExitCode, string Stdout, string Stderr) Execute(string fileName, string[] args, string workingDirectory, string? stdin)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string arg in args)
            psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
            process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in 3 minutes.");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
