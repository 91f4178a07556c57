using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Rendering;

/// <summary>
/// Each required path hop by hop: as it is now, marked where it breaks, then as the plan leaves it when that differs.
/// </summary>
public static class ExplainText
{
    public static void Write(Verification now, Plan plan, TextWriter output)
    {
        var planned = plan.Paths.ToLookup(Key);
        output.WriteLine($"{now.Paths.Length} required paths, {now.Paths.Count(p => p.Reached)} reached now; with {plan.PlanId} ({plan.Actions.Length} actions): {plan.Paths.Count(p => p.Reached)} of {plan.Paths.Length}");
        foreach (var group in now.Paths.GroupBy(p => (p.Source, p.Registry)))
        {
            output.WriteLine();
            output.WriteLine($"{group.Key.Source} -> {group.Key.Registry}");
            foreach (var path in group)
            {
                output.WriteLine($"  {Title(path)}");
                WriteTrace("now", path, output);
                // An unlinked VPC has no address to trace yet; with the plan it is traced from each of its tables.
                var after = planned[Key(path)].FirstOrDefault()
                    ?? (path.Outcome == PathOutcome.NotLinked ? plan.Paths.FirstOrDefault(p => (p.Direction, p.Source, p.Registry, p.Endpoint) == (path.Direction, path.Source, path.Registry, path.Endpoint)) : null);
                if (after is not null && !SameHops(after, path))
                {
                    WriteTrace("with the plan", after, output);
                }
            }
        }

        var findings = plan.Findings.Where(f => f.Severity != Severity.Info).ToList();
        if (findings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Findings");
            foreach (var finding in findings)
            {
                PlanText.WriteFinding(finding, output);
            }
        }
    }

    private static (PathDirection, string, string, EndpointKind, string, string) Key(PathTrace p) =>
        (p.Direction, p.Source, p.Registry, p.Endpoint, Cidr.Format(p.Destination), p.Start);

    private static bool SameHops(PathTrace a, PathTrace b) =>
        a.Outcome == b.Outcome && a.Hops.Length == b.Hops.Length && a.Hops.Zip(b.Hops).All(h => h.First.Route?.Destination == h.Second.Route?.Destination && h.First.NodeId == h.Second.NodeId);

    private static string Title(PathTrace path) => path.Direction == PathDirection.Return
        ? $"return to {Cidr.Format(path.Destination)} from {path.Start}"
        : path.Outcome == PathOutcome.NotLinked
            ? $"{path.Endpoint.ToString().ToLowerInvariant()} {path.Name} from {path.Start}"
            : $"{path.Endpoint.ToString().ToLowerInvariant()} {path.Name} {Cidr.Format(path.Destination)} from {path.Start}";

    private static void WriteTrace(string label, PathTrace path, TextWriter output)
    {
        var verdict = path.Reached
            ? $"REACHED ({path.Arrival})"
            : path.Hops.IsEmpty
                ? $"BROKEN: {Describe(path.Outcome)}"
                : $"BROKEN at hop {path.Hops.Length}: {Describe(path.Outcome)}{(path.Arrival is { } a ? $" ({a}; expected {path.Expected})" : string.Empty)}";
        output.WriteLine($"    {label}: {verdict}");
        var table = new TextTable("      ");
        for (var i = 0; i < path.Hops.Length; i++)
        {
            var hop = path.Hops[i];
            var node = hop.Kind == HopKind.Vpc ? $"VPC {hop.NodeId}" : $"TR {hop.NodeId}";
            var where = hop.RouteTableId ?? "(no table)";
            var ingress = hop.Ingress is null ? string.Empty : $"in via {hop.Ingress}";
            var route = hop.Route is { } r
                ? $"{Cidr.Format(r.Destination)} -> {r.NextHopType}{(r.NextHopId is null ? string.Empty : " " + r.NextHopId)}{Provenance(r.Provenance)}"
                : "-";
            var result = hop.Result switch
            {
                HopResult.Forwarded => $"to {hop.Next}",
                HopResult.Delivered => $"delivered: {hop.Arrival}",
                _ => Describe(hop.Result),
            };
            var marker = !path.Reached && i == path.Hops.Length - 1 ? "  <-- breaks here" : string.Empty;
            table.Add($"{i + 1}.", node, where, ingress, route, result + marker);
        }

        table.WriteTo(output);
    }

    private static string Provenance(RouteProvenance provenance) => provenance switch
    {
        RouteProvenance.Planned => " [planned]",
        RouteProvenance.Implicit => " [implicit]",
        RouteProvenance.Propagated => " [propagated]",
        _ => string.Empty,
    };

    private static string Describe(PathOutcome outcome) => ExplainWords.Of(outcome);

    private static string Describe(HopResult result) => ExplainWords.Of(result);
}
