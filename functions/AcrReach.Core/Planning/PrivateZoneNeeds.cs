using System.Collections.Immutable;
using AcrReach.Core.Endpoints;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Planning;

/// <summary>The records one PrivateZone zone must hold and the VPCs it must be bound to, for a plan's DNS records.</summary>
public sealed record ZoneNeed(string ZoneName, ImmutableArray<ZoneRecord> Records, ImmutableArray<ZoneBinding> Vpcs);

/// <summary>
/// A plan's DNS records as PrivateZone zones: one zone per registry domain — the registry's VPC name, the auth name, the
/// region's OSS name (with <c>@</c> and <c>*</c> records; a custom bucket's host is a record of that zone) — bound to
/// the VPCs whose records they are. A data center resolves through its own DNS: its records are not PrivateZone's. Nor
/// is the registry's name in a VPC linked to the instance: Container Registry makes that record itself when it links the
/// VPC (with the VPC's own endpoint address, which one zone shared with routed VPCs could not hold). The applier makes
/// these; pruning removes AcrReach's records and bindings that are no longer among them.
/// </summary>
public static class PrivateZoneNeeds
{
    public static ImmutableArray<ZoneNeed> For(ImmutableArray<DnsRecord> dns, Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return [.. dns
            .Where(r => account.FindVpc(r.Scope) is not null && !LinkedToRegistryNamed(r, account))
            .Select(r => (Record: r, Zone: DnsZones.ZoneOf(r.Name)))
            .GroupBy(p => p.Zone.Zone, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ZoneNeed(
                g.Key,
                [.. g.Select(p => new ZoneRecord(p.Zone.Rr, "A", p.Record.Ip.ToString(), 60)).Distinct().OrderBy(r => r.Rr, StringComparer.Ordinal).ThenBy(r => r.Value, StringComparer.Ordinal)],
                [.. g.Select(p => p.Record.Scope).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(v => new ZoneBinding(v, account.FindVpc(v)!.Region))]))];
    }

    private static bool LinkedToRegistryNamed(DnsRecord record, Account account) =>
        account.Registries.Any(r =>
            r.VpcEndpoints.Any(e => e.VpcId == record.Scope)
            && string.Equals(EndpointNames.Registry(r.InstanceName, r.Region), record.Name, StringComparison.OrdinalIgnoreCase));
}
