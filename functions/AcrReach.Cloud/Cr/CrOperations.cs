using AcrReach.Cloud.Endpoints;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Cr;

/// <summary>The Container Registry 2018-12-01 actions AcrReach calls; RAM code <c>cr</c>.</summary>
public static class CrOperations
{
    private static CrJsonContext Json => CrJsonContext.Default;

    public static readonly ApiOperation<ListInstanceRequest, ListInstanceResponse> ListInstance = new(
        CloudProduct.Cr, "ListInstance", ApiAccess.Read, Json.ListInstanceRequest, Json.ListInstanceResponse);

    public static readonly ApiOperation<ListInstanceRegionRequest, ListInstanceRegionResponse> ListInstanceRegion = new(
        CloudProduct.Cr, "ListInstanceRegion", ApiAccess.Read, Json.ListInstanceRegionRequest, Json.ListInstanceRegionResponse);

    public static readonly ApiOperation<GetInstanceRequest, GetInstanceResponse> GetInstance = new(
        CloudProduct.Cr, "GetInstance", ApiAccess.Read, Json.GetInstanceRequest, Json.GetInstanceResponse);

    public static readonly ApiOperation<GetInstanceVpcEndpointRequest, GetInstanceVpcEndpointResponse> GetInstanceVpcEndpoint = new(
        CloudProduct.Cr, "GetInstanceVpcEndpoint", ApiAccess.Read, Json.GetInstanceVpcEndpointRequest, Json.GetInstanceVpcEndpointResponse);

    /// <summary>
    /// Sent with EnableCreateDNSRecordInPvzt=true, CR writes the linked VPC's registry record in the account's PrivateZone
    /// through its service-linked role AliyunServiceRoleForContainerRegistryAccessCustomerPrivateZone, created on first
    /// use (help.aliyun.com/en/acr/user-guide/the-service-linked-role-for-alibaba-cloud-dns-privatezone; the service
    /// name is the one in its policy AliyunServiceRolePolicyForContainerRegistryAccessCustomerPrivate).
    /// </summary>
    public static readonly ApiOperation<CreateInstanceVpcEndpointLinkedVpcRequest, CreateInstanceVpcEndpointLinkedVpcResponse> CreateInstanceVpcEndpointLinkedVpc = new(
        CloudProduct.Cr, "CreateInstanceVpcEndpointLinkedVpc", ApiAccess.Write, Json.CreateInstanceVpcEndpointLinkedVpcRequest, Json.CreateInstanceVpcEndpointLinkedVpcResponse,
        createsServiceLinkedRole: PrivateZoneServiceLinkedRole);

    /// <summary>The <c>ram:ServiceName</c> of CR's service-linked role for the account's PrivateZone.</summary>
    public const string PrivateZoneServiceLinkedRole = "access-customer-privatezone.cr.aliyuncs.com";
}
