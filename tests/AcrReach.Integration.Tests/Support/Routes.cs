using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Vpc;

namespace AcrReach.Integration.Tests.Support;

/// <summary>Writes the two-region scenario accepts, for tests about what happens around a write.</summary>
public static class Routes
{
    /// <summary>Shanghai's route to Hangzhou's auth address, through its own attachment.</summary>
    public static readonly CreateRouteEntryRequest AuthFromShanghai = new()
    {
        RouteTableId = "vtb-sh2", DestinationCidrBlock = "100.103.7.181/32", NextHopType = "Attachment", NextHopId = "tr-attach-sh2",
    };

    /// <summary>Shanghai's transit router sends the 100.x service addresses over the peer attachment.</summary>
    public static readonly CreateTransitRouterRouteEntryRequest ServiceBlockOverPeer = new()
    {
        TransitRouterRouteTableId = "vtb-trsh",
        TransitRouterRouteEntryDestinationCidrBlock = "100.0.0.0/8",
        TransitRouterRouteEntryNextHopType = "Attachment",
        TransitRouterRouteEntryNextHopId = "tr-attach-peer",
    };

    public static int CountTo(this Core.Topology.Account account, string vpcId, string routeTableId, string destination) =>
        account.FindVpc(vpcId)!.FindRouteTable(routeTableId)!.Entries.Count(e => e.Destination.ToString() == destination);
}
