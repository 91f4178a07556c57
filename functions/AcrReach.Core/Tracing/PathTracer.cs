using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Tracing;

/// <summary>Where a trace begins: a VPC route table (a VPC source), or an attachment entering a transit router (a data center).</summary>
public sealed record TraceStart(HopKind Kind, string NodeId, string? RouteTableId, string? AttachmentId)
{
    public static TraceStart FromVpc(string vpcId, string routeTableId) => new(HopKind.Vpc, vpcId, routeTableId, null);

    public static TraceStart FromAttachment(string transitRouterId, string attachmentId) =>
        new(HopKind.TransitRouter, transitRouterId, null, attachmentId);

    public override string ToString() => Kind == HopKind.Vpc ? RouteTableId! : $"{AttachmentId} into {NodeId}";
}

/// <summary>
/// Follows one destination hop by hop with a longest-prefix match at every table: VPC tables (with their implicit
/// vSwitch and cloud-services routes), then the transit-router table associated with the attachment the traffic
/// entered on, across peer attachments, into a VPC's system table or out to a data center.
/// </summary>
public sealed class PathTracer
{
    /// <summary>No real path is this long; a longer one is a loop the visited set could not see.</summary>
    public const int MaxHops = 64;

    private readonly RoutingState _state;

    public PathTracer(Account account)
        : this(new RoutingState(account))
    {
    }

    internal PathTracer(RoutingState state) => _state = state;

    /// <summary>Traces <paramref name="destination"/> (an address as a /32, or a whole block) from <paramref name="start"/>.</summary>
    public PathTrace Trace(TraceStart start, IPNetwork destination, Arrival expected, PathSubject? subject = null) =>
        Walk(_state, start, destination, expected, subject ?? PathSubject.Anonymous);

    public PathTrace Trace(TraceStart start, IPAddress destination, Arrival expected, PathSubject? subject = null) =>
        Trace(start, Cidr.Host(destination), expected, subject);

    internal static PathTrace Walk(RoutingState state, TraceStart start, IPNetwork destination, Arrival expected, PathSubject subject)
    {
        var hops = new List<Hop>(6);
        var kind = start.Kind;
        var node = start.NodeId;
        var tableId = start.RouteTableId;
        var ingress = start.AttachmentId;

        PathTrace Done(PathOutcome outcome, Arrival? arrival = null) =>
            new(subject.Direction, subject.Source, subject.Registry, subject.Endpoint, subject.Name, destination, start.ToString(), outcome, expected, arrival, [.. hops]);

        while (true)
        {
            if (hops.Count >= MaxHops)
            {
                return Done(PathOutcome.HopLimit);
            }

            if (kind == HopKind.Vpc)
            {
                var vpc = state.Vpc(node) ?? throw new InvalidOperationException($"VPC {node} is not in the account");
                var table = tableId is null ? null : vpc.FindRouteTable(tableId);
                if (table is null)
                {
                    hops.Add(new Hop(HopKind.Vpc, vpc.Id, vpc.Region, tableId, ingress, null, HopResult.NoRoute, null));
                    return Done(PathOutcome.NoRoute);
                }

                if (Visited(hops, table.Id, ingress))
                {
                    hops.Add(new Hop(HopKind.Vpc, vpc.Id, vpc.Region, table.Id, ingress, null, HopResult.Loop, null));
                    return Done(PathOutcome.Loop);
                }

                var route = state.VpcLookup(vpc, table).Match(destination);
                if (route is null)
                {
                    hops.Add(new Hop(HopKind.Vpc, vpc.Id, vpc.Region, table.Id, ingress, null, HopResult.NoRoute, null));
                    return Done(PathOutcome.NoRoute);
                }

                switch (route.NextHopType)
                {
                    case VpcNextHopTypes.Local:
                        var arrival = DeliverInside(vpc, destination);
                        if (arrival is null)
                        {
                            hops.Add(new Hop(HopKind.Vpc, vpc.Id, vpc.Region, table.Id, ingress, route, HopResult.NotDelivered, null));
                            return Done(PathOutcome.NotDelivered);
                        }

                        hops.Add(new Hop(HopKind.Vpc, vpc.Id, vpc.Region, table.Id, ingress, route, HopResult.Delivered, null, arrival));
                        return Done(arrival.Satisfies(expected) ? PathOutcome.Reached : PathOutcome.WrongPlace, arrival);
                    case VpcNextHopTypes.Attachment:
                        var owned = route.NextHopId is null ? null : state.OwnedAttachment(route.NextHopId);
                        if (owned is not { } attachment || attachment.Attachment.Type != AttachmentType.Vpc || attachment.Attachment.VpcId != vpc.Id)
                        {
                            hops.Add(new Hop(HopKind.Vpc, vpc.Id, vpc.Region, table.Id, ingress, route, HopResult.InvalidNextHop, null));
                            return Done(PathOutcome.InvalidNextHop);
                        }

                        hops.Add(new Hop(HopKind.Vpc, vpc.Id, vpc.Region, table.Id, ingress, route, HopResult.Forwarded, attachment.Router.Id));
                        kind = HopKind.TransitRouter;
                        node = attachment.Router.Id;
                        ingress = attachment.Attachment.Id;
                        tableId = null;
                        continue;
                    default:
                        hops.Add(new Hop(HopKind.Vpc, vpc.Id, vpc.Region, table.Id, ingress, route, HopResult.LeftNetwork, route.NextHopId));
                        return Done(PathOutcome.LeftNetwork);
                }
            }

            var router = state.Router(node) ?? throw new InvalidOperationException($"transit router {node} is not in the account");
            var transitTable = state.AssociatedTable(router.Id, ingress!);
            if (transitTable is null)
            {
                hops.Add(new Hop(HopKind.TransitRouter, router.Id, router.Region, null, ingress, null, HopResult.NotAssociated, null));
                return Done(PathOutcome.NotAssociated);
            }

            if (Visited(hops, transitTable.Id, ingress))
            {
                hops.Add(new Hop(HopKind.TransitRouter, router.Id, router.Region, transitTable.Id, ingress, null, HopResult.Loop, null));
                return Done(PathOutcome.Loop);
            }

            var transitRoute = state.TransitMatch(transitTable, destination);
            if (transitRoute is null)
            {
                hops.Add(new Hop(HopKind.TransitRouter, router.Id, router.Region, transitTable.Id, ingress, null, HopResult.NoRoute, null));
                return Done(PathOutcome.NoRoute);
            }

            var next = transitRoute.NextHopId is null ? null : state.NextHop(router, transitRoute.NextHopId);
            if (transitRoute.NextHopType == nameof(TransitNextHopType.BlackHole) || next is null)
            {
                hops.Add(new Hop(HopKind.TransitRouter, router.Id, router.Region, transitTable.Id, ingress, transitRoute, HopResult.Dropped, null));
                return Done(PathOutcome.Dropped);
            }

            switch (next.Type)
            {
                case AttachmentType.Vpc:
                    var target = state.Vpc(next.VpcId!)!;
                    hops.Add(new Hop(HopKind.TransitRouter, router.Id, router.Region, transitTable.Id, ingress, transitRoute, HopResult.Forwarded, target.Id));
                    kind = HopKind.Vpc;
                    node = target.Id;
                    tableId = target.SystemRouteTable?.Id;
                    ingress = next.Id;
                    continue;
                case AttachmentType.Peer:
                    hops.Add(new Hop(HopKind.TransitRouter, router.Id, router.Region, transitTable.Id, ingress, transitRoute, HopResult.Forwarded, next.PeerTransitRouterId));
                    node = next.PeerTransitRouterId!;
                    ingress = next.Id;
                    continue;
                default:
                    var dataCenter = Arrival.AtDataCenter(next.DataCenter!);
                    hops.Add(new Hop(HopKind.TransitRouter, router.Id, router.Region, transitTable.Id, ingress, transitRoute, HopResult.Delivered, null, dataCenter));
                    return Done(dataCenter.Satisfies(expected) ? PathOutcome.Reached : PathOutcome.WrongPlace, dataCenter);
            }
        }
    }

    /// <summary>A path is short: looking back over its hops is cheaper than a set per trace.</summary>
    private static bool Visited(List<Hop> hops, string tableId, string? ingress)
    {
        foreach (var hop in hops)
        {
            if (hop.RouteTableId == tableId && hop.Ingress == ingress)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A Local route delivers to the vSwitch holding the destination, or to the region's cloud services.</summary>
    private static Arrival? DeliverInside(Vpc vpc, IPNetwork destination)
    {
        foreach (var vswitch in vpc.VSwitches)
        {
            if (vswitch.Cidr.ContainsNetwork(destination))
            {
                return Arrival.AtVpc(vpc.Id, vswitch.Id);
            }
        }

        return Cidr.CloudServices.ContainsNetwork(destination) ? Arrival.CloudServicesOf(vpc.Region) : null;
    }
}
