using System.Collections.Immutable;
using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Planning;

/// <summary>
/// A plan applied to the in-memory model: what the account looks like once the applier has done its work. Routes
/// carry the AcrReach mark; a VPC link gets a deterministic free address of its vSwitch (the cloud picks the real
/// one). Existing routes are never touched, except those a removal names (AcrReach's own, no rule needs them).
/// </summary>
public static class PlanProjection
{
    /// <summary>The cloud keeps the first addresses of a vSwitch for itself (gateway and services).</summary>
    private const uint ReservedAtStart = 3;

    public static Account Apply(Account account, Plan plan)
    {
        var vpcRoutes = plan.Actions.OfType<CreateVpcRoute>().ToLookup(a => a.RouteTableId, StringComparer.Ordinal);
        var transitRoutes = plan.Actions.OfType<CreateTransitRoute>().ToLookup(a => a.RouteTableId, StringComparer.Ordinal);
        account = Remove(account, plan);

        var vpcs = account.Vpcs.Select(vpc => vpc.RouteTables.Any(t => vpcRoutes.Contains(t.Id))
            ? vpc with
            {
                RouteTables = [.. vpc.RouteTables.Select(table => table with
                {
                    Entries = Add(table.Id, table.Entries, vpcRoutes[table.Id], e => e.Destination, (e, a) => e.NextHopType == a.NextHopType && e.NextHopId == a.NextHopId,
                        a => new RouteEntry(a.Destination, a.NextHopType, a.NextHopId, AcrReachMark.Name, a.Description)),
                })],
            }
            : vpc).ToImmutableArray();

        var routers = account.TransitRouters.Select(router => router.RouteTables.Any(t => transitRoutes.Contains(t.Id))
            ? router with
            {
                RouteTables = [.. router.RouteTables.Select(table => table with
                {
                    Entries = Add(table.Id, table.Entries, transitRoutes[table.Id], e => e.Destination, (e, a) => e.NextHopType == TransitNextHopType.Attachment && e.NextHopId == a.NextHopId,
                        a => new TransitRouteEntry(a.Destination, TransitNextHopType.Attachment, a.NextHopId, RouteOrigin.Static, AcrReachMark.Name, a.Description)),
                })],
            }
            : router).ToImmutableArray();

        var registries = account.Registries;
        if (plan.Actions.Any(a => a is LinkVpcEndpoint))
        {
            var vswitches = account.Vpcs.SelectMany(v => v.VSwitches).ToDictionary(s => s.Id, StringComparer.Ordinal);
            var used = account.Registries.SelectMany(r => r.VpcEndpoints).Select(e => e.Ip).ToList();
            var added = new Dictionary<string, List<VpcEndpoint>>(StringComparer.Ordinal);
            foreach (var link in plan.Actions.OfType<LinkVpcEndpoint>().Order(PlanOrder.Actions).Cast<LinkVpcEndpoint>())
            {
                var registry = account.FindRegistry(link.InstanceId) ?? throw new InvalidOperationException($"the plan links {link.VpcId} to {link.InstanceId}, which the account does not have");
                if (registry.VpcEndpoints.Any(e => e.VpcId == link.VpcId))
                {
                    continue;
                }

                var address = LinkAddress(vswitches[link.VswitchId], used);
                used.Add(address);
                (added.TryGetValue(link.InstanceId, out var list) ? list : added[link.InstanceId] = []).Add(new VpcEndpoint(link.VpcId, link.VswitchId, address));
            }

            registries = [.. account.Registries.Select(r => added.TryGetValue(r.InstanceId, out var list) ? r with { VpcEndpoints = r.VpcEndpoints.AddRange(list) } : r)];
        }

        return account with { Vpcs = vpcs, TransitRouters = routers, Registries = registries };
    }

    /// <summary>The account without the routes the plan's removals name (same table, destination and next hop).</summary>
    private static Account Remove(Account account, Plan plan)
    {
        var vpcGone = plan.Actions.OfType<DeleteVpcRoute>().Select(d => (d.RouteTableId, d.Destination, d.NextHopId)).ToHashSet();
        var transitGone = plan.Actions.OfType<DeleteTransitRoute>().Select(d => (d.RouteTableId, d.Destination, d.NextHopId)).ToHashSet();
        var recordsGone = plan.Actions.OfType<DeleteZoneRecord>().Select(d => (d.ZoneId, d.Rr, d.Type, d.Value)).ToHashSet();
        var bindingsGone = plan.Actions.OfType<UnbindZoneVpc>().Select(d => (d.ZoneId, d.VpcId)).ToHashSet();
        if (vpcGone.Count == 0 && transitGone.Count == 0 && recordsGone.Count == 0 && bindingsGone.Count == 0)
        {
            return account;
        }

        return account with
        {
            PrivateZones = [.. account.PrivateZones.Select(z => z with
            {
                Records = [.. z.Records.Where(r => !recordsGone.Contains((z.Id, r.Rr, r.Type, r.Value)))],
                Vpcs = [.. z.Vpcs.Where(b => !bindingsGone.Contains((z.Id, b.VpcId)))],
            })],
            Vpcs = [.. account.Vpcs.Select(v => v with { RouteTables = [.. v.RouteTables.Select(t => t with { Entries = [.. t.Entries.Where(e => !vpcGone.Contains((t.Id, e.Destination, e.NextHopId)))] })] })],
            TransitRouters = [.. account.TransitRouters.Select(r => r with
            {
                RouteTables = [.. r.RouteTables.Select(t => t with { Entries = [.. t.Entries.Where(e => e.Origin != RouteOrigin.Static || !transitGone.Contains((t.Id, e.Destination, e.NextHopId)))] })],
            })],
        };
    }

    /// <summary>The lowest address of the vSwitch after the reserved ones that no endpoint uses yet.</summary>
    public static IPAddress LinkAddress(VSwitch vswitch, IEnumerable<IPAddress> used)
    {
        var taken = used.Where(vswitch.Cidr.Contains).Select(Cidr.ToUInt32).ToHashSet();
        var first = Cidr.ToUInt32(vswitch.Cidr.BaseAddress);
        var last = Cidr.ToUInt32(vswitch.Cidr.LastAddress());
        for (var candidate = first + ReservedAtStart; candidate < last; candidate++)
        {
            if (!taken.Contains(candidate))
            {
                return Cidr.FromUInt32(candidate);
            }
        }

        throw new InvalidOperationException($"vSwitch {vswitch.Id} ({Cidr.Format(vswitch.Cidr)}) has no free address for a VPC link");
    }

    private static ImmutableArray<TEntry> Add<TEntry, TAction>(
        string tableId,
        ImmutableArray<TEntry> entries,
        IEnumerable<TAction> actions,
        Func<TEntry, IPNetwork> destination,
        Func<TEntry, TAction, bool> sameNextHop,
        Func<TAction, TEntry> create)
        where TAction : PlanAction
    {
        var list = entries.ToBuilder();
        foreach (var action in actions)
        {
            var route = create(action);
            var existing = list.FirstOrDefault(e => destination(e) == destination(route));
            if (existing is null)
            {
                list.Add(route);
            }
            else if (!sameNextHop(existing, action))
            {
                throw new InvalidOperationException($"the plan would replace {Cidr.Format(destination(route))} in {tableId}: plans only add");
            }
        }

        return list.ToImmutable();
    }
}
