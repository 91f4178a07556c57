using System.Collections.Immutable;
using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Paging;
using AcrReach.Cloud.Pvtz;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>
/// Reads the PrivateZone zones a run with PrivateZone on may have to prune: the zones AcrReach marked, and every zone
/// of a cloud service domain (<c>...aliyuncs.com</c>, where AcrReach's zones and marked records live) — each with its
/// records, remark and bindings. Any other zone is someone else's and is not read. A failed read is a note: the zones
/// were not read whole, so nothing at all is removed this run (<see cref="DiscoveryNotes.UnreadableValue"/>).
/// </summary>
internal static class ZoneReading
{
    private const string ServiceDomain = "aliyuncs.com";

    public static async Task<DiscoveredAccount> AddZonesAsync(IPvtzApi pvtz, DiscoveredAccount discovered, CancellationToken cancellationToken)
    {
        try
        {
            var zones = ImmutableArray.CreateBuilder<PrivateZone>();
            await foreach (var zone in pvtz.DescribeAllZonesAsync(new DescribeZonesRequest(), cancellationToken))
            {
                if (zone.ZoneId is not { } id || zone.ZoneName is not { } name
                    || !(zone.Remark == AcrReachMark.Name || name.EndsWith(ServiceDomain, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var info = await pvtz.DescribeZoneInfoAsync(new DescribeZoneInfoRequest { ZoneId = id }, cancellationToken);
                var records = await pvtz.DescribeAllZoneRecordsAsync(new DescribeZoneRecordsRequest { ZoneId = id }, cancellationToken).ToImmutableArrayAsync(cancellationToken);
                zones.Add(new PrivateZone(
                    id,
                    name,
                    [.. records.Where(r => r.Rr is not null && r.Type is not null && r.Value is not null).Select(r => new ZoneRecord(r.Rr!, r.Type!, r.Value!, r.Ttl ?? 60) { Remark = r.Remark })],
                    [.. info.BindVpcs.Vpc.Where(v => v.VpcId is not null).Select(v => new ZoneBinding(v.VpcId!, v.RegionId ?? string.Empty))])
                {
                    Remark = info.Remark ?? zone.Remark,
                });
            }

            return discovered with { Account = discovered.Account with { PrivateZones = [.. zones.OrderBy(z => z.Name, StringComparer.Ordinal).ThenBy(z => z.Id, StringComparer.Ordinal)] } };
        }
        catch (CloudApiException e)
        {
            var note = new Finding(DiscoveryNotes.UnreadableValue, Severity.Warning,
                $"PrivateZone zones could not be read ({e.Code}: {e.ServiceMessage}): no PrivateZone record or binding is removed, and no route either");
            return discovered with { Notes = [.. discovered.Notes.Append(note)] };
        }
    }
}
