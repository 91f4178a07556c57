using System.CommandLine;
using AcrReach.Cli.Output;
using AcrReach.Core;
using AcrReach.Core.Planning;
using AcrReach.Core.Reach;
using AcrReach.Core.Rendering;

namespace AcrReach.Cli.Commands;

/// <summary><c>explain --scenario FILE [--from VPC-ID|DC-NAME]</c>: every required path hop by hop, and where it breaks.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var scenario = CommandGuard.ScenarioOption();
        var from = new Option<string?>("--from")
        {
            Description = "Only the paths of this source: a VPC id or a data-center name.",
        };

        var command = new Command("explain", "Show each required path hop by hop as it is now, where it breaks, and how the plan mends it.")
        {
            scenario,
            from,
        };
        command.SetAction(parse => CommandGuard.Run(parse, writer =>
        {
            var file = parse.GetValue(scenario)!;
            var account = CommandGuard.LoadScenario(file);
            var source = parse.GetValue(from);
            var sources = ReachRules.Effective(account).Select(r => r.From.Name).Distinct(StringComparer.Ordinal).ToList();
            if (source is not null && !sources.Contains(source, StringComparer.Ordinal))
            {
                throw new InvalidInputException(file, "$.policy.reach", $"--from {source}: no reach rule starts there (sources: {(sources.Count == 0 ? "none" : string.Join(", ", sources))})");
            }

            var scope = source is null ? PlanScope.Everything : PlanScope.ForSource(source);
            var plan = Planner.Plan(account, scope);
            ExplainText.Write(Planner.Verify(account, scope), plan, writer);
            return plan.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
        }));
        return command;
    }
}
