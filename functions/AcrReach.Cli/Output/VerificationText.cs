using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Addressing;
using AcrReach.Core.Rendering;
using AcrReach.Core.Tracing;

namespace AcrReach.Cli.Output;

/// <summary>What verification checked, for people: each path routed or not, what its name resolves to, and each data center's own side.</summary>
internal static class VerificationText
{
    public static void Write(IReadOnlyList<PathCheck> checks, TextWriter output)
    {
        var resolves = checks.Count(c => c.Dns == DnsCheck.Resolves);
        var elsewhere = checks.Count(c => c.Dns == DnsCheck.ResolvesElsewhere);
        var yours = checks.Count(c => c.Dns == DnsCheck.YourDns);
        output.WriteLine($"Verification: {checks.Count(c => c.Routed)} of {checks.Count} required paths routed; names: {resolves} resolve to the routed address"
            + $"{(elsewhere > 0 ? $", {elsewhere} resolve ELSEWHERE" : string.Empty)}{(yours > 0 ? $", {yours} on your hosts or DNS server (see the DNS records)" : string.Empty)}");
        var table = new TextTable("  ");
        foreach (var check in checks)
        {
            table.Add(
                check.Routed ? "routed" : "BROKEN",
                $"{check.Source} -> {check.Registry}",
                check.Endpoint == EndpointKind.Source ? $"return {Cidr.Format(check.Destination)}" : $"{Word(check.Endpoint)} {check.Name} {Cidr.Format(check.Destination)}",
                check.Dns == DnsCheck.NoName ? string.Empty : check.DnsDetail);
        }

        table.WriteTo(output);
    }

    public static void Write(OnPremisesNeeds needs, TextWriter output)
    {
        output.WriteLine($"Data center {needs.DataCenter}: {needs.Verdict}");
        var table = new TextTable("  ");
        foreach (var route in needs.Routes)
        {
            table.Add("route", $"{Cidr.Format(route.Destination)} -> the cloud (enters by {route.Toward})", route.For);
        }

        foreach (var record in needs.Records)
        {
            table.Add("DNS", $"{record.Name} A {record.Ip}", record.IsWildcard ? "a wildcard: one record per bucket in a hosts file" : string.Empty);
        }

        table.WriteTo(output);
    }

    private static string Word(EndpointKind endpoint) => endpoint switch
    {
        EndpointKind.Registry => "registry",
        EndpointKind.Auth => "auth",
        EndpointKind.Oss => "oss",
        EndpointKind.OssPrivateLink => "oss-privatelink",
        _ => "return",
    };
}
