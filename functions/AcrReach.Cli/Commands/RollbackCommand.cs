using System.CommandLine;
using AcrReach.Cli.Output;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core;

namespace AcrReach.Cli.Commands;

/// <summary>
/// <c>rollback --run RUN-ID [--endpoint URL] [--yes] [--output text|json]</c>: removes exactly the routes that run created
/// (their mark names it) and nothing else. Without <c>--yes</c> it only shows them (exit 0); with it, it removes them.
/// </summary>
internal static class RollbackCommand
{
    public static Command Create()
    {
        var runId = new Option<string>("--run") { Description = "The run whose routes to remove (run-..., as its report and message name it).", Required = true };
        var yes = new Option<bool>("--yes") { Description = "Remove them (default: only show what would be removed)." };
        var command = new Command("rollback", "Remove exactly the routes one run created, after showing them; --yes to remove.") { runId, yes };
        var run = new EngineRun(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var id = parse.GetValue(runId) ?? string.Empty;
            if (!id.StartsWith("run-", StringComparison.Ordinal) || id.Any(c => char.IsWhiteSpace(c) || c == ':'))
            {
                return CommandGuard.RunAsync(parse, _ => throw new InvalidInputException("--run", "$", $"'{id}' is not a run id (run-...)"));
            }

            var apply = parse.GetValue(yes);
            return run.RunAsync(parse, new ReconcileRequest(WholeAccount.Instance, Triggers.CliRollback, apply ? ReconcileMode.Repair : ReconcileMode.ReportOnly, Prune: apply, RollbackOf: id), cancellationToken);
        });
        return command;
    }
}
