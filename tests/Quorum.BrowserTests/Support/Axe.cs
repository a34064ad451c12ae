using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Quorum.BrowserTests.Support;

/// <summary>axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules; violations as readable lines.</summary>
public static class Axe
{
    public static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        // Only violations come back in full: passes and the rest would be serialised node by node for nothing.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Runs axe on the page as it is now; returns one line per violation (with up to 5 nodes), or "".</summary>
    public static async Task<string> Violations(IPage page, string label)
    {
        // axe's legacy run: one axe.run in the page. The default RunAxe adds an isolated blank page per call to merge
        // the results of frames (runPartial/finishRun), which doubles the time; these pages have no frames.
#pragma warning disable CS0618 // "Legacy Mode is being removed in the future": switch to RunAxe when it is.
        var result = await page.RunAxeLegacy(null, Wcag22AA, null);
#pragma warning restore CS0618
        var report = new StringBuilder();
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"[{label}] {violation.Id} ({violation.Impact}): {violation.Help} — {violation.HelpUrl}");
            foreach (var node in violation.Nodes.Take(5))
                report.AppendLine($"    {node.Target}: {Summary(node)}\n      {node.Html}");
        }
        return report.ToString();
    }

    /// <summary>What axe says is wrong with a node: the messages of its failed checks.</summary>
    static string Summary(AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }.Where(c => c is not null).SelectMany(c => c!).Select(c => c.Message).Distinct());
}
