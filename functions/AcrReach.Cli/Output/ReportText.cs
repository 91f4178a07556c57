using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Rendering;

namespace AcrReach.Cli.Output;

/// <summary>A run's report as text: the outcome, each step, the findings, the paths still broken, stale routes, the message.</summary>
internal static class ReportText
{
    public static void Write(ApplyReport report, TextWriter output)
    {
        var counts = string.Join(", ", new[] { StepOutcome.Applied, StepOutcome.AlreadyPresent, StepOutcome.Failed, StepOutcome.Skipped }
            .Select(o => (Outcome: o, Count: report.Count(o))).Where(c => c.Count > 0).Select(c => $"{c.Count} {Words(c.Outcome)}"));
        output.WriteLine($"{report.RunId} {(report.PlanId.Length == 0 ? "(no plan)" : report.PlanId)}: {report.Outcome}{(counts.Length == 0 ? string.Empty : $" ({counts})")} in {report.Duration.TotalSeconds:0.0} s");
        output.WriteLine($"account {report.Account}, {report.Scope}, {(report.Regions.IsEmpty ? "no region read" : $"regions {string.Join(", ", report.Regions)}")}");
        if (report.Error is { } error)
        {
            output.WriteLine($"  {error}");
            if (ErrorHints.For(error) is { } hint)
            {
                output.WriteLine($"  hint: {hint}");
            }
        }

        if (!report.Steps.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine("Steps");
            var table = new TextTable("  ");
            foreach (var step in report.Steps)
            {
                table.Add(step.Outcome.ToString(), step.Action.Describe(), step.Error is { } e ? $"{e.Code}: {e.Message}" : step.RequestId is { } id ? $"request {id}" : string.Empty);
            }

            table.WriteTo(output);
        }

        var findings = report.Plan?.Findings.Where(f => f.Severity != Severity.Info).ToList() ?? [];
        if (findings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Findings");
            foreach (var finding in findings)
            {
                PlanText.WriteFinding(finding, output);
            }
        }

        if (!report.Dns.IsEmpty && !report.Steps.Any(s => s.Action.Zone is not null))
        {
            output.WriteLine();
            output.WriteLine("DNS records each source needs (acr-reach plan --output hosts, or --private-zone to make them in PrivateZone)");
            var table = new TextTable("  ");
            foreach (var record in report.Dns)
            {
                table.Add(record.Scope, record.Ip.ToString(), record.Name);
            }

            table.WriteTo(output);
        }

        if (report.Verification is { } verification)
        {
            output.WriteLine();
            if (report.Checks.IsEmpty)
            {
                output.WriteLine($"Verification: {verification.Paths.Count(p => p.Reached)} of {verification.Paths.Length} required paths routed{(verification.Reachable ? string.Empty : "; NOT reachable")}");
            }
            else
            {
                VerificationText.Write(report.Checks, output);
            }

            foreach (var path in verification.Paths.Where(p => !p.Reached))
            {
                output.WriteLine($"  broken  {path.Source} -> {path.Registry}  {path.Endpoint.ToString().ToLowerInvariant()} {Cidr.Format(path.Destination)}: {path.Outcome}");
            }
        }

        foreach (var needs in report.OnPremises)
        {
            output.WriteLine();
            VerificationText.Write(needs, output);
        }

        if (!report.Stale.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine("AcrReach routes no longer needed (reported, not deleted)");
            var table = new TextTable("  ");
            foreach (var stale in report.Stale)
            {
                table.Add(stale.RouteTableId, Cidr.Format(stale.Destination), $"-> {stale.NextHopId}", stale.Description ?? string.Empty);
            }

            table.WriteTo(output);
        }

        foreach (var note in report.Notes.Where(n => n.Severity != Severity.Info))
        {
            output.WriteLine($"note: {note.Code}: {note.Message}");
        }

        output.WriteLine();
        output.WriteLine(report.Notification switch
        {
            null => "Message: not published",
            { Error: { } failure } => $"Message: NOT PUBLISHED: {failure}",
            var sent => $"Message: {sent.MessageId} on queue {sent.Queue}",
        });
    }

    private static string Words(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Applied => "applied",
        StepOutcome.AlreadyPresent => "already present",
        StepOutcome.Failed => "failed",
        _ => "skipped",
    };
}
