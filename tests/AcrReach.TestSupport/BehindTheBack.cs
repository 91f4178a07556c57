using System.Text.Json.Serialization;
using AcrReach.Cloud;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Endpoints;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.TestSupport;

/// <summary>
/// Calls a person makes on the account that AcrReach itself never makes (so they are not in its client or its RAM
/// policy): removing a VPC's tag (VPC UnTagResources, parameters as @alicloud/vpc20160428 names them), deleting a
/// registry instance, detaching a VPC from its transit router, deleting a vSwitch or a VPC. Signed and sent like any client call, to the local cloud.
/// </summary>
public static class BehindTheBack
{
    private static readonly ApiOperation<UnTagResourcesRequest, ActionResponse> UnTagResources = new(
        CloudProduct.Vpc, "UnTagResources", ApiAccess.Write, BehindTheBackJson.Default.UnTagResourcesRequest, BehindTheBackJson.Default.ActionResponse);

    private static readonly ApiOperation<DeleteInstanceRequest, ActionResponse> DeleteInstance = new(
        CloudProduct.Cr, "DeleteInstance", ApiAccess.Write, BehindTheBackJson.Default.DeleteInstanceRequest, BehindTheBackJson.Default.ActionResponse);

    private static readonly ApiOperation<DeleteAttachmentRequest, ActionResponse> DeleteTransitRouterVpcAttachment = new(
        CloudProduct.Cbn, "DeleteTransitRouterVpcAttachment", ApiAccess.Write, BehindTheBackJson.Default.DeleteAttachmentRequest, BehindTheBackJson.Default.ActionResponse);

    private static readonly ApiOperation<DeleteVSwitchRequest, ActionResponse> DeleteVSwitch = new(
        CloudProduct.Vpc, "DeleteVSwitch", ApiAccess.Write, BehindTheBackJson.Default.DeleteVSwitchRequest, BehindTheBackJson.Default.ActionResponse);

    private static readonly ApiOperation<DeleteVpcRequest, ActionResponse> DeleteVpc = new(
        CloudProduct.Vpc, "DeleteVpc", ApiAccess.Write, BehindTheBackJson.Default.DeleteVpcRequest, BehindTheBackJson.Default.ActionResponse);

    public static Task DeleteVSwitchAsync(CloudClientFactory factory, string region, string vSwitchId) =>
        Client(factory).InvokeAsync(DeleteVSwitch, new DeleteVSwitchRequest { RegionId = region, VSwitchId = vSwitchId }, region);

    public static Task DeleteVpcAsync(CloudClientFactory factory, string region, string vpcId) =>
        Client(factory).InvokeAsync(DeleteVpc, new DeleteVpcRequest { RegionId = region, VpcId = vpcId }, region);

    /// <summary>Detaches a VPC from its transit router; <paramref name="force"/> takes the static routes toward it along.</summary>
    public static Task DeleteVpcAttachmentAsync(CloudClientFactory factory, string region, string attachmentId, bool force) =>
        Client(factory).InvokeAsync(DeleteTransitRouterVpcAttachment, new DeleteAttachmentRequest { TransitRouterAttachmentId = attachmentId, Force = force }, region);

    public static Task UnTagVpcAsync(CloudClientFactory factory, string region, string vpcId, string tagKey) =>
        Client(factory).InvokeAsync(UnTagResources, new UnTagResourcesRequest { RegionId = region, ResourceType = "VPC", ResourceId = [vpcId], TagKey = [tagKey] }, region);

    public static Task DeleteRegistryAsync(CloudClientFactory factory, string region, string instanceId) =>
        Client(factory).InvokeAsync(DeleteInstance, new DeleteInstanceRequest { RegionId = region, InstanceId = instanceId }, region);

    private static OpenApiClient Client(CloudClientFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new OpenApiClient(SharedHttp, factory.Pipeline, factory.Endpoints, new StaticCredentialProvider(LocalCloudRig.LocalKey), TimeProvider.System);
    }

    private static HttpClient SharedHttp { get; } = new();
}

public sealed record UnTagResourcesRequest
{
    public string? RegionId { get; init; }

    public string? ResourceType { get; init; }

    public IReadOnlyList<string> ResourceId { get; init; } = [];

    public IReadOnlyList<string> TagKey { get; init; } = [];
}

public sealed record DeleteAttachmentRequest
{
    public string? TransitRouterAttachmentId { get; init; }

    public bool? Force { get; init; }
}

public sealed record DeleteInstanceRequest
{
    public string? RegionId { get; init; }

    public string? InstanceId { get; init; }
}

public sealed record DeleteVSwitchRequest
{
    public string? RegionId { get; init; }

    public string? VSwitchId { get; init; }
}

public sealed record DeleteVpcRequest
{
    public string? RegionId { get; init; }

    public string? VpcId { get; init; }
}

public sealed record ActionResponse
{
    public string? RequestId { get; init; }

    public bool? IsSuccess { get; init; }

    public string? Code { get; init; }
}

[JsonSerializable(typeof(UnTagResourcesRequest))]
[JsonSerializable(typeof(DeleteInstanceRequest))]
[JsonSerializable(typeof(DeleteAttachmentRequest))]
[JsonSerializable(typeof(DeleteVSwitchRequest))]
[JsonSerializable(typeof(DeleteVpcRequest))]
[JsonSerializable(typeof(ActionResponse))]
internal sealed partial class BehindTheBackJson : JsonSerializerContext;
