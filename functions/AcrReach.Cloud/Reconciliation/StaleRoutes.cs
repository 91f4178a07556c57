using System.Collections.Immutable;
using System.Net;
using AcrReach.Cloud.Discovery;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>
/// Routes AcrReach made that nothing needs any more: plan the account as if none of AcrReach's routes existed; a marked
/// route the plan would not make again is stale (the OSS address moved, a rule was removed). Only routes carrying the
/// mark are ever considered — everyone else's are none of AcrReach's business.
/// </summary>
public static class StaleRoutes
{
    public static ImmutableArray<StaleRoute> Find(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var marked = account.Vpcs.SelectMany(v => v.RouteTables).SelectMany(t => t.Entries.Where(IsMarked).Select(e => new StaleRoute(RouteTableKind.Vpc, t.Id, e.Destination, e.NextHopId, e.Description)))
            .Concat(account.TransitRouters.SelectMany(r => r.RouteTables).SelectMany(t => t.Entries.Where(IsMarked).Select(e => new StaleRoute(RouteTableKind.TransitRouter, t.Id, e.Destination, e.NextHopId, e.Description))))
            .ToList();
        if (marked.Count == 0)
        {
            return [];
        }

        var unmarked = account with
        {
            Vpcs = [.. account.Vpcs.Select(v => v with { RouteTables = [.. v.RouteTables.Select(t => t with { Entries = [.. t.Entries.Where(e => !IsMarked(e))] })] })],
            TransitRouters = [.. account.TransitRouters.Select(r => r with { RouteTables = [.. r.RouteTables.Select(t => t with { Entries = [.. t.Entries.Where(e => !IsMarked(e))] })] })],
        };
        var needed = Planner.Plan(unmarked).Actions
            .Select(a => a switch
            {
                CreateVpcRoute v => (v.RouteTableId, v.Destination, (string?)v.NextHopId),
                CreateTransitRoute t => (t.RouteTableId, t.Destination, (string?)t.NextHopId),
                _ => (string.Empty, default(IPNetwork), (string?)null),
            })
            .ToHashSet();
        return [.. marked
            .Where(m => !needed.Contains((m.RouteTableId, m.Destination, m.NextHopId)))
            .OrderBy(m => m.RouteTableId, StringComparer.Ordinal)
            .ThenBy(m => m.Destination, Comparer<IPNetwork>.Create(Cidr.Compare))];
    }

    private static bool IsMarked(RouteEntry entry) => AcrReachMark.IsMarked(entry.Name, entry.Description);

    private static bool IsMarked(TransitRouteEntry entry) => entry.Origin == RouteOrigin.Static && AcrReachMark.IsMarked(entry.Name, entry.Description);
}
