using System.CommandLine;
using AcrReach.Cloud.Reconciliation;

namespace AcrReach.Cli.Commands;

/// <summary>
/// <c>sweep [--endpoint URL] [--repair] [--output ...]</c>: the compliance sweep. Plans everything and reports drift
/// (missing routes, broken paths, AcrReach routes no longer needed) writing nothing; with <c>--repair</c> it mends the
/// drift as <c>apply</c> does. Exit 0 in sync (or repaired), 2 on drift, 3 when the message could not be published.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var repair = new Option<bool>("--repair") { Description = "Apply what is missing (default: report only, nothing written)." };
        var prune = PruneOption.Create();
        var command = new Command("sweep", "The compliance sweep: plan everything, report drift; repair only with --repair.") { repair, prune };
        var run = new EngineRun(command);
        command.SetAction((parse, cancellationToken) =>
            run.RunAsync(parse, new ReconcileRequest(WholeAccount.Instance, Triggers.CliSweep, parse.GetValue(repair) ? ReconcileMode.Repair : ReconcileMode.ReportOnly, Prune: parse.GetValue(prune)), cancellationToken));
        return command;
    }
}
