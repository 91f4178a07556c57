namespace AcrReach.Cloud.Cr;

/// <summary>
/// Container Registry 2018-12-01, shaped like <c>AlibabaCloud.SDK.Cr20181201.Client</c>: one client per region
/// (instances are regional). An answer with <c>IsSuccess=false</c> throws like an HTTP error.
/// </summary>
public interface ICrApi
{
    string RegionId { get; }

    Task<ListInstanceResponse> ListInstanceAsync(ListInstanceRequest request, CancellationToken cancellationToken = default);

    Task<ListInstanceRegionResponse> ListInstanceRegionAsync(ListInstanceRegionRequest request, CancellationToken cancellationToken = default);

    Task<GetInstanceResponse> GetInstanceAsync(GetInstanceRequest request, CancellationToken cancellationToken = default);

    Task<GetInstanceVpcEndpointResponse> GetInstanceVpcEndpointAsync(GetInstanceVpcEndpointRequest request, CancellationToken cancellationToken = default);

    Task<CreateInstanceVpcEndpointLinkedVpcResponse> CreateInstanceVpcEndpointLinkedVpcAsync(CreateInstanceVpcEndpointLinkedVpcRequest request, CancellationToken cancellationToken = default);
}
