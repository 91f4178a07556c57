using AcrReach.Cloud.Vpc;

namespace AcrReach.Cloud.Paging;

/// <summary>Every VPC, vSwitch, route table and route entry a filter matches, in the fewest calls.</summary>
public static class VpcPages
{
    public static IAsyncEnumerable<VpcItem> DescribeAllVpcsAsync(this IVpcApi api, DescribeVpcsRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByPageNumberAsync(api.DescribeVpcsAsync, request ?? new(), PageSizes.VpcDescribe, r => r.Vpcs.Vpc, cancellationToken);
    }

    public static IAsyncEnumerable<VSwitchItem> DescribeAllVSwitchesAsync(this IVpcApi api, DescribeVSwitchesRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByPageNumberAsync(api.DescribeVSwitchesAsync, request ?? new(), PageSizes.VpcDescribe, r => r.VSwitches.VSwitch, cancellationToken);
    }

    public static IAsyncEnumerable<RouteTableItem> DescribeAllRouteTablesAsync(this IVpcApi api, DescribeRouteTableListRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByPageNumberAsync(api.DescribeRouteTableListAsync, request ?? new(), PageSizes.VpcDescribe, r => r.RouterTableList.RouterTableListType, cancellationToken);
    }

    /// <summary>Every entry of a route table (set RouteTableId); NextToken/MaxResult paging.</summary>
    public static IAsyncEnumerable<RouteEntryItem> DescribeAllRouteEntriesAsync(this IVpcApi api, DescribeRouteEntryListRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByNextTokenAsync(api.DescribeRouteEntryListAsync, request, PageSizes.VpcRouteEntries, r => r.RouteEntrys.RouteEntry, cancellationToken);
    }
}
