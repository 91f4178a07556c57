using System.Collections.Immutable;
using AcrReach.Core.Endpoints;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Apply;

/// <summary>
/// Turns a plan's DNS records into PrivateZone changes: the zones Core's <see cref="PrivateZoneNeeds"/> calls for (one
/// per registry domain, bound to the VPCs whose records they are; a data center's records and a linked VPC's registry
/// name are not PrivateZone's).
/// </summary>
public static class PrivateZonePlanning
{
    public static ImmutableArray<PrivateZoneChange> For(Plan plan, Account account)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(account);
        return [.. PrivateZoneNeeds.For(plan.Dns, account).Select(n => new PrivateZoneChange(
            n.ZoneName,
            [.. n.Records.Select(r => new ZoneRecordChange(r.Rr, r.Type, r.Value))],
            n.Vpcs))];
    }

    /// <summary>The zone a name's record lives in, and its host part there: the same zones the on-premises DNS configurations use.</summary>
    public static (string Zone, string Rr) ZoneOf(string name) => DnsZones.ZoneOf(name);
}
