using System.CommandLine;
using AcrReach.Cli.Output;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core;
using AcrReach.Core.Planning;
using AcrReach.Core.Rendering;

namespace AcrReach.Cli.Commands;

/// <summary>
/// <c>plan (--scenario FILE | --endpoint URL | --cloud) [--output text|json|hosts]</c>: plans offline from a scenario, or
/// against a cloud writing nothing (the plan <c>apply --plan</c> pins); exit 0 clean, 2 with an error finding, 1 on bad input.
/// </summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var scenario = new Option<string?>("--scenario") { Description = "The scenario file (see FORMAT.md): the account's network state and reach policy." };
        var cloudFlag = new Option<bool>("--cloud") { Description = "Plan against the account the usual credential chain points at (read-only)." };
        var output = new Option<string>("--output")
        {
            Description = "text (for people), json (the plan contract; apply --plan takes it) or hosts (hosts-file blocks of the DNS records).",
            DefaultValueFactory = _ => "text",
        };
        output.AcceptOnlyFromAmong("text", "json", "hosts");

        var command = new Command("plan", "Plan the routes, VPC links and DNS records that make each registry reachable, from a scenario file or a cloud (writing nothing).")
        {
            scenario,
            cloudFlag,
            output,
        };
        var cloud = new CloudSelection(command);
        command.Validators.Add(result =>
        {
            var offline = result.GetResult(scenario) is not null;
            var online = result.GetResult(cloudFlag) is not null || result.Children.Any(c => c is System.CommandLine.Parsing.OptionResult { Option.Name: "--endpoint" });
            if (offline == online)
            {
                result.AddError(offline ? "give --scenario FILE or a cloud (--endpoint URL, --cloud), not both" : "give --scenario FILE (offline), or --endpoint URL / --cloud to plan against a cloud");
            }
        });
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(parse, async writer =>
        {
            var format = parse.GetValue(output);
            var (plan, failed) = parse.GetValue(scenario) is { } file
                ? (Planner.Plan(CommandGuard.LoadScenario(file)), ExitCodes.Ok)
                : await PlanCloudAsync(cloud.Read(parse), format == "text" ? TextWriter.Synchronized(parse.InvocationConfiguration.Error) : null, parse.InvocationConfiguration.Error, cancellationToken);
            if (plan is null)
            {
                return failed;
            }

            switch (format)
            {
                case "json":
                    await writer.WriteLineAsync(PlanJson.Serialize(plan));
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

    /// <summary>Discovers and plans the whole account, writing nothing. No plan: no credentials (exit 1) or the account could not be read (exit 2), said on stderr.</summary>
    private static async Task<(Plan? Plan, int Exit)> PlanCloudAsync(CloudSelection.Selected cloud, TextWriter? progress, TextWriter error, CancellationToken cancellationToken)
    {
        var credentials = await cloud.CredentialsAsync(error, cancellationToken);
        if (credentials is null)
        {
            return (null, ExitCodes.BadInput);
        }

        using var factory = cloud.Factory(credentials);
        var engine = new ReachEngine(factory, EngineRun.Options(cloud.Regions, cloud.Policy, ReconcilerOptions.DefaultQueue, null, privateZone: false, progress));
        var planned = await EngineRun.ReadAsync(() => engine.PlanAsync(WholeAccount.Instance, RunContext.Default, cancellationToken), "plan", error);
        return (planned?.Plan, ExitCodes.Findings);
    }
}
