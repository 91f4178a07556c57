using System.Collections.Immutable;
using AcrReach.Core.Endpoints;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Apply;

/// <summary>
/// Turns a plan's DNS records into PrivateZone changes: one zone per registry domain — the registry's VPC name, the auth
/// name, the region's OSS name (with <c>@</c> and <c>*</c> records; a custom bucket's host is a record of that zone) —
/// bound to the VPCs whose records they are. A data center resolves through its own DNS: its records are not PrivateZone's.
/// Nor is the registry's name in a VPC linked to the instance: Container Registry makes that record itself when it links
/// the VPC (with the VPC's own endpoint address, which one zone shared with routed VPCs could not hold).
/// </summary>
public static partial class PrivateZonePlanning
{
    public static ImmutableArray<PrivateZoneChange> For(Plan plan, Account account)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(account);
        return [.. plan.Dns
            .Where(r => account.FindVpc(r.Scope) is not null && !LinkedToRegistryNamed(r, account))
            .Select(r => (Record: r, Zone: ZoneOf(r.Name)))
            .GroupBy(p => p.Zone.Zone, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PrivateZoneChange(
                g.Key,
                [.. g.Select(p => new ZoneRecordChange(p.Zone.Rr, "A", p.Record.Ip.ToString())).Distinct().OrderBy(r => r.Rr, StringComparer.Ordinal).ThenBy(r => r.Value, StringComparer.Ordinal)],
                [.. g.Select(p => p.Record.Scope).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(v => new ZoneBinding(v, account.FindVpc(v)!.Region))]))];
    }

    private static bool LinkedToRegistryNamed(DnsRecord record, Account account) =>
        account.Registries.Any(r =>
            r.VpcEndpoints.Any(e => e.VpcId == record.Scope)
            && string.Equals(EndpointNames.Registry(r.InstanceName, r.Region), record.Name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The zone a name's record lives in, and its host part there: the same zones the on-premises DNS configurations use.</summary>
    public static (string Zone, string Rr) ZoneOf(string name) => DnsZones.ZoneOf(name);
}
