using AcrReach.Core.Planning;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Rendering.Html;

/// <summary>The report's data as text: the summary, one line per required path (now, with the plan, routes the plan adds on it), findings, data centers.</summary>
public static class ReportPlainText
{
    public static void Write(ReportInput input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var (account, plan) = (input.Account, input.Plan);
        var paths = ReportPaths.Of(input);
        output.WriteLine($"Plan {plan.PlanId} for account {account.AccountId}, read from {input.Origin}");
        output.WriteLine($"{plan.Paths.Length} required paths: {input.Now.Paths.Count(p => p.Reached)} of {input.Now.Paths.Length} reached now, {plan.Paths.Count(p => p.Reached)} with the plan; {plan.Actions.Count(a => a is CreateVpcRoute or CreateTransitRoute)} routes to add, {plan.Findings.Length} findings, {account.DataCenters.Length} data centers");
        foreach (var pair in paths.GroupBy(p => p.Marker))
        {
            output.WriteLine();
            output.WriteLine(pair.Key);
            var table = new TextTable("  ");
            foreach (var path in pair)
            {
                table.Add(
                    path.Planned.Direction == PathDirection.Return ? "return" : "forward",
                    PathDrawing.Title(path.Planned),
                    $"now: {State(path.Now)}",
                    $"with the plan: {State(path.Planned)}",
                    path.WouldAdd == 0 ? string.Empty : $"adds {path.WouldAdd} route{(path.WouldAdd == 1 ? string.Empty : "s")}");
            }

            table.WriteTo(output);
        }

        output.WriteLine();
        output.WriteLine("Findings");
        if (plan.Findings.IsEmpty)
        {
            output.WriteLine("  none");
        }

        foreach (var finding in plan.Findings)
        {
            PlanText.WriteFinding(finding, output);
        }

        output.WriteLine();
        output.WriteLine("Data centers");
        if (account.DataCenters.IsEmpty)
        {
            output.WriteLine($"  nothing to configure: account {account.AccountId} has no data centers");
        }

        foreach (var dataCenter in account.DataCenters.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var config = DataCenterConfiguration.For(plan, account, dataCenter.Name);
            output.WriteLine(config.IsEmpty
                ? $"  {dataCenter.Name}: nothing to configure"
                : $"  {dataCenter.Name}: {config.Routes.Length} routes toward the VBR/VPN, {config.Advertise.Length} blocks to announce, {config.Names.Length} names to resolve (acr-reach onprem --from {dataCenter.Name} --format F)");
        }
    }

    private static string State(PathTrace? path) => path switch
    {
        null => "not traced",
        { Reached: true } => "reached",
        { Hops.IsEmpty: true } => $"broken: {ExplainWords.Of(path.Outcome)}",
        _ => $"broken at hop {path.Hops.Length}: {ExplainWords.Of(path.Outcome)}",
    };
}
