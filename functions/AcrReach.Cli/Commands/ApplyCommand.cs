using System.CommandLine;
using AcrReach.Cloud.Reconciliation;

namespace AcrReach.Cli.Commands;

/// <summary>
/// <c>apply [--endpoint URL] [--region R ...] [--output text|json] [--policy FILE] [--queue NAME] [--private-zone] [--plan FILE | --plan-id ID]</c>:
/// discover, plan, apply, verify, notify against a cloud. Exit 0 when every path is reached, 2 when a step failed, a
/// finding blocks a path or a path stays broken, 3 when the message could not be published, 1 on bad input.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create()
    {
        var command = new Command("apply", "Discover the account, plan, add the missing routes, links (and DNS records), verify every path, publish the run's message.");
        var run = new EngineRun(command, pinnable: true);
        command.SetAction((parse, cancellationToken) => run.RunAsync(parse, ReconcileMode.Repair, Triggers.CliApply, cancellationToken));
        return command;
    }
}
