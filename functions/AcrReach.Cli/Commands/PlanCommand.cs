using System.CommandLine;
using AcrReach.Cli.Output;
using AcrReach.Core.Planning;
using AcrReach.Core.Rendering;

namespace AcrReach.Cli.Commands;

/// <summary><c>plan --scenario FILE [--output text|json|hosts]</c>: plans offline; exit 0 clean, 2 with an error finding, 1 on bad input.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var scenario = CommandGuard.ScenarioOption();
        var output = new Option<string>("--output")
        {
            Description = "text (for people), json (the plan contract) or hosts (hosts-file blocks of the DNS records).",
            DefaultValueFactory = _ => "text",
        };
        output.AcceptOnlyFromAmong("text", "json", "hosts");

        var command = new Command("plan", "Plan the routes, VPC links and DNS records that make each registry reachable, from a scenario file.")
        {
            scenario,
            output,
        };
        command.SetAction(parse => CommandGuard.Run(parse, writer =>
        {
            var plan = Planner.Plan(CommandGuard.LoadScenario(parse.GetValue(scenario)!));
            switch (parse.GetValue(output))
            {
                case "json":
                    writer.WriteLine(PlanJson.Serialize(plan));
                    break;
                case "hosts":
                    HostsFile.Write(plan, writer);
                    break;
                default:
                    PlanText.Write(plan, writer);
                    break;
            }

            return plan.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
        }));
        return command;
    }
}
