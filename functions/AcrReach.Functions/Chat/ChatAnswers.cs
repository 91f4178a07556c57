using System.Globalization;
using System.Text;
using AcrReach.Functions.Engine;

namespace AcrReach.Functions.Chat;

/// <summary>What the robot says, as DingTalk markdown (paragraphs apart, hard breaks inside).</summary>
internal static class ChatAnswers
{
    public static RobotAnswer Help(string? problem)
    {
        var text = new StringBuilder();
        if (problem is not null)
        {
            text.Append("**").Append(problem).Append("**\n\n");
        }

        text.Append("AcrReach commands:\n\n");
        foreach (var line in ChatCommand.Usage.Split('\n'))
        {
            var split = line.IndexOf("  ", StringComparison.Ordinal);
            text.Append("- `").Append(line[..split]).Append("`: ").Append(line[(split + 2)..]).Append('\n');
        }

        return RobotAnswer.Of("AcrReach help", text.ToString());
    }

    public static RobotAnswer NotAllowed(string? sender) =>
        RobotAnswer.Of("Not allowed", $"**{sender ?? "This sender"} may not run AcrReach commands.** Ask an administrator to add your user id to the allow-list.");

    public static RobotAnswer Plan(NetworkScope scope, PlanPreview plan) =>
        RobotAnswer.Of($"Plan for {scope.Describe()}", PlanText(scope, plan, heading: $"#### Plan for {scope.Describe()}"));

    public static RobotAnswer Applied(ApprovalToken token, RunReport report)
    {
        var text = new StringBuilder()
            .Append("#### Applied plan ").Append(token.PlanId).Append(" for ").Append(token.Scope.Describe()).Append("\n\n")
            .Append("outcome: **").Append(report.Outcome).Append("**  \n")
            .Append("steps: ").Append(Number(report.Applied)).Append(" applied, ")
            .Append(Number(report.AlreadyPresent)).Append(" already present, ")
            .Append(Number(report.Failed)).Append(" failed  \n")
            .Append("reachable: ").Append(report.Reachable switch { true => "yes", false => "no", null => "not verified" }).Append("  \n")
            .Append("run: ").Append(report.RunId);
        if (report.NotificationMessageId is { } messageId)
        {
            text.Append("  \nmessage: ").Append(messageId);
        }

        AppendFindings(text, report.Findings);
        return RobotAnswer.Of($"Applied {token.PlanId}", text.ToString());
    }

    public static RobotAnswer Refused(ApprovalToken stale, PlanPreview current) =>
        RobotAnswer.Of(
            "Plan changed: nothing applied",
            PlanText(
                stale.Scope,
                current,
                heading: $"#### Plan {stale.PlanId} is no longer current: nothing was applied\n\nThe network changed since that plan. The plan now:"));

    public static RobotAnswer Status(StatusReport status)
    {
        var text = new StringBuilder("#### Reach status\n\n");
        if (status.Networks.IsEmpty)
        {
            text.Append("No network is named by the reach policy.");
        }

        foreach (var network in status.Networks.OrderBy(n => n.Network, StringComparer.Ordinal).ThenBy(n => n.Registry, StringComparer.Ordinal))
        {
            text.Append("- ").Append(network.Network).Append(" -> ").Append(network.Registry).Append(": ")
                .Append(network.Reachable ? "reachable" : "**not reachable**");
            if (network.PendingActions > 0 || network.ErrorFindings > 0)
            {
                text.Append(" (").Append(Number(network.PendingActions)).Append(" actions pending, ")
                    .Append(Number(network.ErrorFindings)).Append(" error findings)");
            }

            text.Append('\n');
        }

        return RobotAnswer.Of("Reach status", text.ToString());
    }

    public static RobotAnswer Explain(string network, Explanation explanation) =>
        RobotAnswer.Of($"Paths of {network}", $"#### Paths of {network}\n\n{Lines(explanation.Text)}");

    public static RobotAnswer Failed(string what, string message) =>
        RobotAnswer.Of("AcrReach failed", $"**{what} failed:** {message}");

    private static string PlanText(NetworkScope scope, PlanPreview plan, string heading)
    {
        var token = new ApprovalToken(scope, plan.PlanId).ToString();
        var text = new StringBuilder(heading).Append("\n\n")
            .Append("plan id: **").Append(token).Append("**  \n")
            .Append(Number(plan.ActionCount)).Append(plan.ActionCount == 1 ? " action" : " actions")
            .Append(plan.HasErrors ? ", **with error findings** (applying will not fix those)" : ", no error finding")
            .Append("\n\n");
        if (plan.Text.Length > 0)
        {
            text.Append(Lines(plan.Text)).Append("\n\n");
        }

        text.Append(plan.ActionCount == 0 ? "Nothing to apply." : $"To apply exactly this plan, answer: `apply {token}`");
        return text.ToString();
    }

    private static void AppendFindings(StringBuilder text, IEnumerable<FindingNote> findings)
    {
        foreach (var finding in findings)
        {
            text.Append("\n- ").Append(finding.Severity).Append(' ').Append(finding.Code).Append(": ").Append(finding.Message);
        }
    }

    private static string Lines(string text) =>
        string.Join("  \n", text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
