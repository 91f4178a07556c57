using System.Net;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Vpc;
using AcrReach.Core.Addressing;

namespace AcrReach.Cloud.Apply;

public sealed partial class Applier
{
    /// <summary>The VPC route table's entry for exactly <paramref name="destination"/>, if any: what an add and a removal both look at.</summary>
    private static async Task<(RouteEntryItem? Entry, string? RequestId)> FindVpcRouteAsync(
        IVpcApi vpc, string region, string routeTableId, IPNetwork destination, CancellationToken cancellationToken)
    {
        var answer = await vpc.DescribeRouteEntryListAsync(new DescribeRouteEntryListRequest
        {
            RegionId = region,
            RouteTableId = routeTableId,
            DestinationCidrBlock = Cidr.Format(destination),
        }, cancellationToken);
        var entry = answer.RouteEntrys.RouteEntry.FirstOrDefault(e => Cidr.TryParseCanonical(e.DestinationCidrBlock, out var d, out _) && d == destination);
        return (entry, answer.RequestId);
    }

    /// <summary>
    /// The transit-router route table's static (not propagated) entry for exactly <paramref name="destination"/>, in any
    /// status: what an add and a removal both look at.
    /// </summary>
    private static async Task<(TransitRouteEntryItem? Entry, string? RequestId)> FindStaticTransitRouteAsync(
        ICbnApi cbn, string routeTableId, IPNetwork destination, CancellationToken cancellationToken)
    {
        var answer = await cbn.ListTransitRouterRouteEntriesAsync(new ListTransitRouterRouteEntriesRequest
        {
            TransitRouterRouteTableId = routeTableId,
            TransitRouterRouteEntryStatus = "All",
            RouteFilter = [new TransitRouteFilter { Key = "PrefixExactMatchCidrs", Value = [Cidr.Format(destination)] }],
            MaxResults = 100,
        }, cancellationToken);
        var entry = answer.TransitRouterRouteEntries.FirstOrDefault(e =>
            e.TransitRouterRouteEntryType != "Propagated"
            && Cidr.TryParseCanonical(e.TransitRouterRouteEntryDestinationCidrBlock, out var d, out _) && d == destination);
        return (entry, answer.RequestId);
    }
}
