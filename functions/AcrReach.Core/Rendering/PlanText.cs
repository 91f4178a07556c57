using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;

namespace AcrReach.Core.Rendering;

/// <summary>A plan as text: routes to add per route table, VPC links, DNS records per source, findings with what to do.</summary>
public static class PlanText
{
    public static void Write(Plan plan, TextWriter output)
    {
        var routes = plan.Actions.Count(a => a is CreateVpcRoute or CreateTransitRoute);
        var links = plan.Actions.OfType<LinkVpcEndpoint>().ToList();
        var removals = plan.Actions.Where(a => a.IsRouteRemoval).ToList();
        var dnsRemovals = plan.Actions.Where(a => a is DeleteZoneRecord or UnbindZoneVpc).ToList();
        output.WriteLine($"{plan.PlanId}: {Count(routes, "route")} to add, {(removals.Count == 0 ? string.Empty : $"{Count(removals.Count, "route")} to remove, ")}{(dnsRemovals.Count == 0 ? string.Empty : $"{Count(dnsRemovals.Count, "PrivateZone record or binding", "PrivateZone records or bindings")} to remove, ")}{Count(links.Count, "VPC link")}, {Count(plan.Dns.Length, "DNS record")}, {Summary(plan.Findings)}");

        if (routes > 0)
        {
            output.WriteLine();
            output.WriteLine("Routes to add");
            foreach (var group in plan.Actions.Where(a => a is CreateVpcRoute or CreateTransitRoute).GroupBy(RouteTableHeading))
            {
                output.WriteLine($"  {group.Key}");
                var table = new TextTable("    ");
                foreach (var action in group)
                {
                    var (destination, nextHop) = action switch
                    {
                        CreateVpcRoute v => (v.Destination, $"-> {v.NextHopType} {v.NextHopId}"),
                        CreateTransitRoute t => (t.Destination, $"-> Attachment {t.NextHopId}"),
                        _ => throw new InvalidOperationException(),
                    };
                    table.Add(Cidr.Format(destination), nextHop, action.Reason);
                }

                table.WriteTo(output);
            }
        }

        if (removals.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Routes to remove (AcrReach's own; no rule's path uses them)");
            foreach (var group in removals.GroupBy(RouteTableHeading))
            {
                output.WriteLine($"  {group.Key}");
                var table = new TextTable("    ");
                foreach (var action in group)
                {
                    var (destination, nextHop) = action switch
                    {
                        DeleteVpcRoute v => (v.Destination, $"-> {v.NextHopType} {v.NextHopId}"),
                        DeleteTransitRoute t => (t.Destination, $"-> Attachment {t.NextHopId}"),
                        _ => throw new InvalidOperationException(),
                    };
                    table.Add(Cidr.Format(destination), nextHop, action.Reason);
                }

                table.WriteTo(output);
            }
        }

        if (dnsRemovals.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("PrivateZone records and bindings to remove (AcrReach's own; no rule's DNS needs them)");
            foreach (var group in dnsRemovals.GroupBy(a => a switch
            {
                DeleteZoneRecord r => $"zone {r.ZoneName} ({r.ZoneId})",
                UnbindZoneVpc u => $"zone {u.ZoneName} ({u.ZoneId})",
                _ => throw new InvalidOperationException(),
            }))
            {
                output.WriteLine($"  {group.Key}");
                var table = new TextTable("    ");
                foreach (var action in group)
                {
                    var (what, detail) = action switch
                    {
                        DeleteZoneRecord r => ($"record {r.Name}", $"{r.Type} {r.Value}"),
                        UnbindZoneVpc u => ($"binding {u.VpcId}", $"({u.Region})"),
                        _ => throw new InvalidOperationException(),
                    };
                    table.Add(what, detail, action.Reason);
                }

                table.WriteTo(output);
            }
        }

        if (links.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("VPC links to create (same region: linked, not routed)");
            var table = new TextTable("  ");
            foreach (var link in links)
            {
                table.Add(link.InstanceId, "<-", $"{link.VpcId} (vSwitch {link.VswitchId}, {link.Region})", link.Reason);
            }

            table.WriteTo(output);
        }

        if (!plan.Dns.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine("DNS records");
            foreach (var scope in plan.Dns.GroupBy(d => d.Scope))
            {
                output.WriteLine($"  {scope.Key}");
                var table = new TextTable("    ");
                foreach (var record in scope)
                {
                    table.Add(record.Ip.ToString(), record.Name);
                }

                table.WriteTo(output);
            }
        }

        output.WriteLine();
        output.WriteLine("Findings");
        if (plan.Findings.IsEmpty)
        {
            output.WriteLine("  none");
        }

        foreach (var finding in plan.Findings)
        {
            var about = string.Join("  ", new[]
            {
                finding.Source is null ? finding.Registry : $"{finding.Source} -> {finding.Registry}",
                finding.RouteTableId,
                finding.Destination is { } d ? Cidr.Format(d) : null,
            }.Where(s => s is not null));
            output.WriteLine($"  {Label(finding.Severity),-7}  {finding.Code}{(about.Length == 0 ? string.Empty : "  " + about)}");
            output.WriteLine($"           {finding.Message}");
            if (finding.Remedy is { } remedy)
            {
                output.WriteLine($"           what to do: {remedy}");
            }
        }
    }

    /// <summary>A finding in two lines (three with a remedy): severity, code and message; what to do.</summary>
    public static void WriteFinding(Finding finding, TextWriter output)
    {
        output.WriteLine($"  {Label(finding.Severity),-7}  {finding.Code}  {finding.Message}");
        if (finding.Remedy is { } remedy)
        {
            output.WriteLine($"           what to do: {remedy}");
        }
    }

    public static string Label(Severity severity) => severity switch
    {
        Severity.Error => "ERROR",
        Severity.Warning => "WARNING",
        _ => "INFO",
    };

    private static string RouteTableHeading(PlanAction action) => action switch
    {
        CreateVpcRoute v => $"VPC {v.VpcId} ({v.Region})  route table {v.RouteTableId}",
        CreateTransitRoute t => $"transit router {t.TransitRouterId} ({t.Region})  route table {t.RouteTableId}",
        DeleteVpcRoute v => $"VPC {v.VpcId} ({v.Region})  route table {v.RouteTableId}",
        DeleteTransitRoute t => $"transit router {t.TransitRouterId} ({t.Region})  route table {t.RouteTableId}",
        _ => string.Empty,
    };

    private static string Summary(IEnumerable<Finding> findings)
    {
        var counts = findings.GroupBy(f => f.Severity).OrderBy(g => g.Key).Select(g => Count(g.Count(), g.Key.ToString().ToLowerInvariant())).ToList();
        return counts.Count == 0 ? "no findings" : string.Join(", ", counts);
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";

    private static string Count(int n, string noun, string plural) => $"{n} {(n == 1 ? noun : plural)}";
}
