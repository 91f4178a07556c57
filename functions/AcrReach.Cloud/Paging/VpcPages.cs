using AcrReach.Cloud.Vpc;

namespace AcrReach.Cloud.Paging;

/// <summary>Every VPC, vSwitch, route table and route entry a filter matches, in the fewest calls.</summary>
public static class VpcPages
{
    public static IAsyncEnumerable<VpcItem> DescribeAllVpcsAsync(this IVpcApi api, DescribeVpcsRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var filter = request ?? new DescribeVpcsRequest();
        return Pages.ByPageNumberAsync(
            (page, ct) => api.DescribeVpcsAsync(filter with { PageNumber = page, PageSize = PageSizes.VpcDescribe }, ct),
            r => r.Vpcs.Vpc,
            r => r.TotalCount,
            cancellationToken);
    }

    public static IAsyncEnumerable<VSwitchItem> DescribeAllVSwitchesAsync(this IVpcApi api, DescribeVSwitchesRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var filter = request ?? new DescribeVSwitchesRequest();
        return Pages.ByPageNumberAsync(
            (page, ct) => api.DescribeVSwitchesAsync(filter with { PageNumber = page, PageSize = PageSizes.VpcDescribe }, ct),
            r => r.VSwitches.VSwitch,
            r => r.TotalCount,
            cancellationToken);
    }

    public static IAsyncEnumerable<RouteTableItem> DescribeAllRouteTablesAsync(this IVpcApi api, DescribeRouteTableListRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var filter = request ?? new DescribeRouteTableListRequest();
        return Pages.ByPageNumberAsync(
            (page, ct) => api.DescribeRouteTableListAsync(filter with { PageNumber = page, PageSize = PageSizes.VpcDescribe }, ct),
            r => r.RouterTableList.RouterTableListType,
            r => r.TotalCount,
            cancellationToken);
    }

    /// <summary>Every entry of a route table (set RouteTableId); NextToken/MaxResult paging.</summary>
    public static IAsyncEnumerable<RouteEntryItem> DescribeAllRouteEntriesAsync(this IVpcApi api, DescribeRouteEntryListRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(request);
        return Pages.ByNextTokenAsync(
            (token, ct) => api.DescribeRouteEntryListAsync(request with { NextToken = token, MaxResult = PageSizes.VpcRouteEntries }, ct),
            r => r.RouteEntrys.RouteEntry,
            r => r.NextToken,
            cancellationToken);
    }
}
