namespace Quorum.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>One problem found in the input, printed as <c>path:line:column: error CODE: message</c>.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation Location)
{
    public bool IsError => Severity == Severity.Error;

    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";

    /// <summary>The GitHub Actions workflow-command form, so problems show up on the pull request's diff.</summary>
    public string ToGitHubAnnotation() =>
        $"::{(IsError ? "error" : "warning")} file={Location.Path},line={Location.Line},col={Location.Column},title={Code}::{Escape(Message)}";

    static string Escape(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
}
