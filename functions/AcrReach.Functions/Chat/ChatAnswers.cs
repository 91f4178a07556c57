using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Planning;
using AcrReach.Core.Rendering;

namespace AcrReach.Functions.Chat;

/// <summary>What the robot says, as DingTalk markdown (paragraphs apart, hard breaks inside). Everything a person typed is escaped.</summary>
internal static class ChatAnswers
{
    public static RobotAnswer Help(string? problem)
    {
        var text = new StringBuilder();
        if (problem is not null)
        {
            text.Append("**").Append(Markdown.Escape(problem)).Append("**\n\n");
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
        RobotAnswer.Of("Not allowed", $"**{(sender is null ? "This sender" : Markdown.Escape(sender))} may not run AcrReach commands.** Ask an administrator to add your user id to the allow-list.");

    public static RobotAnswer Plan(OneNetwork scope, PlannedScope planned) =>
        RobotAnswer.Of($"Plan for {scope.Describe()}", PlanText(scope, planned, heading: $"#### Plan for {Markdown.Escape(scope.Describe())}"));

    public static RobotAnswer Applied(ApprovalToken token, ApplyReport report)
    {
        var run = report.Summarize();
        var text = new StringBuilder()
            .Append("#### Applied plan ").Append(Markdown.Escape(token.PlanId)).Append(" for ").Append(Markdown.Escape(token.Scope.Describe())).Append("\n\n")
            .Append("outcome: **").Append(run.Outcome).Append("**  \n")
            .Append("steps: ").Append(Number(run.Applied)).Append(" applied, ")
            .Append(Number(run.AlreadyPresent)).Append(" already present, ")
            .Append(Number(run.Failed)).Append(" failed  \n")
            .Append("reachable: ").Append(run.Reachable switch { true => "yes", false => "no", null => "not verified" }).Append("  \n")
            .Append("run: ").Append(run.RunId);
        if (run.Notification?.MessageId is { } messageId)
        {
            text.Append("  \nmessage: ").Append(Markdown.Escape(messageId));
        }

        if (run.Error is { } error)
        {
            text.Append("  \nerror: ").Append(Markdown.Escape(error.ToString()));
        }

        AppendFindings(text, run.Findings);
        return RobotAnswer.Of($"Applied {token.PlanId}", text.ToString());
    }

    public static RobotAnswer Refused(ApprovalToken stale, PlannedScope current) =>
        RobotAnswer.Of(
            "Plan changed: nothing applied",
            PlanText(
                stale.Scope,
                current,
                heading: $"#### Plan {Markdown.Escape(stale.PlanId)} is no longer current: nothing was applied\n\nThe network changed since that plan. The plan now:"));

    public static RobotAnswer PrunePlan(PlannedScope planned) =>
        RobotAnswer.Of("Prune plan", PruneText(planned, "#### Prune plan for the account"));

    public static RobotAnswer PruneRefused(string stale, PlannedScope current) =>
        RobotAnswer.Of("Plan changed: nothing removed", PruneText(current, $"#### Plan {Markdown.Escape(stale)} is no longer current: nothing was removed\n\nThe account changed since that plan. The plan now:"));

    public static RobotAnswer Pruned(string planId, ApplyReport report)
    {
        var removed = report.Steps.Where(s => s.Action.Plan is { IsRemoval: true }).ToList();
        var text = new StringBuilder()
            .Append("#### Pruned with plan ").Append(Markdown.Escape(planId)).Append("\n\n")
            .Append("outcome: **").Append(report.Outcome).Append("**  \n")
            .Append("removed: ").Append(Number(removed.Count(s => s.Outcome == Cloud.Apply.StepOutcome.Applied))).Append(", already gone: ")
            .Append(Number(removed.Count(s => s.Outcome == Cloud.Apply.StepOutcome.AlreadyAbsent))).Append(", failed: ")
            .Append(Number(removed.Count(s => s.Outcome == Cloud.Apply.StepOutcome.Failed))).Append("  \n")
            .Append("run: ").Append(report.RunId);
        foreach (var step in removed)
        {
            text.Append("\n- ").Append(step.Outcome).Append(": ").Append(Markdown.Escape(step.Action.Describe()));
        }

        return RobotAnswer.Of($"Pruned {planId}", text.ToString());
    }

    private static string PruneText(PlannedScope planned, string heading)
    {
        var plan = planned.Plan;
        var removals = plan.Actions.Count(a => a.IsRemoval);
        var text = new StringBuilder(heading).Append("\n\n")
            .Append("plan id: **").Append(Markdown.Escape(plan.PlanId)).Append("**  \n")
            .Append(Number(removals)).Append(removals == 1 ? " route to remove" : " routes to remove").Append("\n\n");
        using var written = new StringWriter { NewLine = "\n" };
        Core.Rendering.PlanText.Write(plan, written);
        text.Append(Lines(written.ToString())).Append("\n\n");
        text.Append(removals == 0 ? "Nothing to remove." : $"To remove exactly these, answer: `prune {plan.PlanId}`");
        return text.ToString();
    }

    /// <summary>The network a command names is the source of no reach rule: nothing to plan, apply or explain for it.</summary>
    public static RobotAnswer NoSuchNetwork(string network, ImmutableArray<string> sources) =>
        RobotAnswer.Of(
            "No such network",
            $"**No reach rule starts at {Markdown.Escape(network)}**: nothing was planned or applied.\n\n"
            + $"Networks with reach rules: {(sources.IsEmpty ? "none" : string.Join(", ", sources.Select(Markdown.Escape)))}");

    public static RobotAnswer Status(AccountStatus status)
    {
        var text = new StringBuilder("#### Reach status\n\n");
        if (status.Rules.IsEmpty)
        {
            text.Append("No network is named by the reach policy.");
        }

        foreach (var rule in status.Rules.OrderBy(n => n.Source, StringComparer.Ordinal).ThenBy(n => n.Registry, StringComparer.Ordinal))
        {
            text.Append("- ").Append(Markdown.Escape(rule.Source)).Append(" -> ").Append(Markdown.Escape(rule.Registry)).Append(": ")
                .Append(rule.Reachable ? "reachable" : "**not reachable**");
            if (rule.PendingActions > 0 || rule.ErrorFindings > 0)
            {
                text.Append(" (").Append(Number(rule.PendingActions)).Append(" actions pending, ")
                    .Append(Number(rule.ErrorFindings)).Append(" error findings)");
            }

            text.Append('\n');
        }

        return RobotAnswer.Of("Reach status", text.ToString());
    }

    public static RobotAnswer Explain(string network, PlannedScope planned)
    {
        using var explanation = new StringWriter { NewLine = "\n" };
        ExplainText.Write(planned.Now, planned.Plan, explanation);
        return RobotAnswer.Of($"Paths of {network}", $"#### Paths of {Markdown.Escape(network)}\n\n{Lines(explanation.ToString())}");
    }

    public static RobotAnswer Failed(string what, string message) =>
        RobotAnswer.Of("AcrReach failed", $"**{what} failed:** {Markdown.Escape(message)}");

    private static string PlanText(OneNetwork scope, PlannedScope planned, string heading)
    {
        var plan = planned.Plan;
        var token = new ApprovalToken(scope, plan.PlanId).ToString();
        var work = planned.Steps.Length;
        var text = new StringBuilder(heading).Append("\n\n")
            .Append("plan id: **").Append(Markdown.Escape(token)).Append("**  \n")
            .Append(Number(work)).Append(work == 1 ? " step" : " steps")
            .Append(plan.HasErrors ? ", **with error findings** (applying will not fix those)" : ", no error finding")
            .Append("\n\n");
        using var written = new StringWriter { NewLine = "\n" };
        Core.Rendering.PlanText.Write(plan, written);
        if (written.ToString().Length > 0)
        {
            text.Append(Lines(written.ToString())).Append("\n\n");
        }

        text.Append(work == 0 ? "Nothing to apply." : $"To apply exactly this plan, answer: `apply {token}`");
        return text.ToString();
    }

    private static void AppendFindings(StringBuilder text, IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            text.Append("\n- ").Append(Core.Rendering.PlanText.Label(finding.Severity).ToLowerInvariant()).Append(' ').Append(finding.Code).Append(": ").Append(Markdown.Escape(finding.Message));
        }
    }

    private static string Lines(string text) =>
        string.Join("  \n", text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
