using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Cr;

/// <summary>CR calls through <see cref="OpenApiClient"/> to one region's endpoint.</summary>
public sealed class CrApi(OpenApiClient client, string regionId) : ICrApi
{
    private readonly OpenApiClient _client = client ?? throw new ArgumentNullException(nameof(client));

    public string RegionId { get; } = string.IsNullOrEmpty(regionId) ? throw new ArgumentException("CR is regional: a region is required", nameof(regionId)) : regionId;

    public Task<ListInstanceResponse> ListInstanceAsync(ListInstanceRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CrOperations.ListInstance, request with { RegionId = request.RegionId ?? RegionId }, RegionId, cancellationToken);

    public Task<ListInstanceRegionResponse> ListInstanceRegionAsync(ListInstanceRegionRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CrOperations.ListInstanceRegion, request, RegionId, cancellationToken);

    public Task<GetInstanceResponse> GetInstanceAsync(GetInstanceRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CrOperations.GetInstance, request with { RegionId = request.RegionId ?? RegionId }, RegionId, cancellationToken);

    public Task<GetInstanceVpcEndpointResponse> GetInstanceVpcEndpointAsync(GetInstanceVpcEndpointRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CrOperations.GetInstanceVpcEndpoint, request with { RegionId = request.RegionId ?? RegionId }, RegionId, cancellationToken);

    public Task<CreateInstanceVpcEndpointLinkedVpcResponse> CreateInstanceVpcEndpointLinkedVpcAsync(CreateInstanceVpcEndpointLinkedVpcRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CrOperations.CreateInstanceVpcEndpointLinkedVpc, request with { RegionId = request.RegionId ?? RegionId }, RegionId, cancellationToken);
}
