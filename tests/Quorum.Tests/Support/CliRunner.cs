namespace Quorum.Tests.Support;

/// <summary>Runs the <c>quorum</c> command line in-process and captures what it prints.</summary>
public static class CliRunner
{
    static readonly Lock Gate = new();

    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs with <paramref name="workingDirectory"/> as the current directory, so printed paths are relative to it.</summary>
    public static Outcome Run(string workingDirectory, params string[] args)
    {
        // The current directory is process-wide: one CLI run at a time.
        lock (Gate)
        {
            var previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = workingDirectory;
            try
            {
                var stdout = new StringWriter();
                var stderr = new StringWriter();
                var code = Quorum.Cli.Cli.Run(args, stdout, stderr);
                return new Outcome(code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
        }
    }
}
