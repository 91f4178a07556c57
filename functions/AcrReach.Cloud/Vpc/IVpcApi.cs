namespace AcrReach.Cloud.Vpc;

/// <summary>
/// VPC 2016-04-28, shaped like the official SDK's client (<c>AlibabaCloud.SDK.Vpc20160428.Client</c>): one client
/// per region; a request without RegionId is sent with the client's region.
/// </summary>
public interface IVpcApi
{
    string RegionId { get; }

    Task<DescribeVpcsResponse> DescribeVpcsAsync(DescribeVpcsRequest request, CancellationToken cancellationToken = default);

    Task<DescribeVSwitchesResponse> DescribeVSwitchesAsync(DescribeVSwitchesRequest request, CancellationToken cancellationToken = default);

    Task<DescribeRouteTableListResponse> DescribeRouteTableListAsync(DescribeRouteTableListRequest request, CancellationToken cancellationToken = default);

    Task<DescribeRouteEntryListResponse> DescribeRouteEntryListAsync(DescribeRouteEntryListRequest request, CancellationToken cancellationToken = default);

    Task<CreateRouteEntryResponse> CreateRouteEntryAsync(CreateRouteEntryRequest request, CancellationToken cancellationToken = default);

    Task<CreateRouteEntriesResponse> CreateRouteEntriesAsync(CreateRouteEntriesRequest request, CancellationToken cancellationToken = default);

    Task<DeleteRouteEntryResponse> DeleteRouteEntryAsync(DeleteRouteEntryRequest request, CancellationToken cancellationToken = default);
}
