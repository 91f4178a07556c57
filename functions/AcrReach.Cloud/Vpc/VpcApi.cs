using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Vpc;

/// <summary>VPC calls through <see cref="OpenApiClient"/> in one region.</summary>
public sealed class VpcApi(OpenApiClient client, string regionId) : IVpcApi
{
    private readonly OpenApiClient _client = client ?? throw new ArgumentNullException(nameof(client));

    public string RegionId { get; } = string.IsNullOrEmpty(regionId) ? throw new ArgumentException("VPC is regional: a region is required", nameof(regionId)) : regionId;

    public Task<DescribeVpcsResponse> DescribeVpcsAsync(DescribeVpcsRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(VpcOperations.DescribeVpcs, request with { RegionId = request.RegionId ?? RegionId }, RegionId, cancellationToken);

    public Task<DescribeVSwitchesResponse> DescribeVSwitchesAsync(DescribeVSwitchesRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(VpcOperations.DescribeVSwitches, request with { RegionId = request.RegionId ?? RegionId }, RegionId, cancellationToken);

    public Task<DescribeRouteTableListResponse> DescribeRouteTableListAsync(DescribeRouteTableListRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(VpcOperations.DescribeRouteTableList, request with { RegionId = request.RegionId ?? RegionId }, RegionId, cancellationToken);

    public Task<DescribeRouteEntryListResponse> DescribeRouteEntryListAsync(DescribeRouteEntryListRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(VpcOperations.DescribeRouteEntryList, request with { RegionId = request.RegionId ?? RegionId }, RegionId, cancellationToken);

    public Task<CreateRouteEntryResponse> CreateRouteEntryAsync(CreateRouteEntryRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(VpcOperations.CreateRouteEntry, request with { RegionId = request.RegionId ?? RegionId }, RegionId, cancellationToken);

    public Task<CreateRouteEntriesResponse> CreateRouteEntriesAsync(CreateRouteEntriesRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(VpcOperations.CreateRouteEntries, request with { RegionId = request.RegionId ?? RegionId }, RegionId, cancellationToken);

    public Task<DeleteRouteEntryResponse> DeleteRouteEntryAsync(DeleteRouteEntryRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(VpcOperations.DeleteRouteEntry, request with { RegionId = request.RegionId ?? RegionId }, RegionId, cancellationToken);
}
