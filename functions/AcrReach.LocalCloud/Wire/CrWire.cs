namespace AcrReach.LocalCloud.Wire;

// Container Registry 2018-12-01: every answer carries Code and IsSuccess; some failures come back as HTTP 200 with
// IsSuccess=false (cloud-apis.md §3.1).

internal sealed record CrResult(string RequestId, string Code, bool IsSuccess);

internal sealed record CrTag(string TagKey, string TagValue);

internal sealed record ListInstanceResponse(string RequestId, string Code, bool IsSuccess, int PageNo, int PageSize, int TotalCount, IReadOnlyList<InstanceItem> Instances);

internal sealed record ListInstanceRegionResponse(string RequestId, string Code, bool IsSuccess, IReadOnlyList<RegionItem> Regions);

internal sealed record RegionItem(string RegionId, string LocalName);

internal sealed record InstanceItem(
    string InstanceId,
    string InstanceName,
    string InstanceSpecification,
    string InstanceStatus,
    string RegionId,
    string ResourceGroupId,
    string CreateTime,
    string ModifiedTime,
    IReadOnlyList<CrTag> Tags);

internal sealed record GetInstanceResponse(
    string RequestId,
    string Code,
    bool IsSuccess,
    string InstanceId,
    string InstanceName,
    string InstanceSpecification,
    string InstanceStatus,
    string RegionId,
    string ResourceGroupId,
    long CreateTime,
    long ModifiedTime,
    IReadOnlyList<CrTag> Tags);

internal sealed record GetInstanceVpcEndpointResponse(string RequestId, string Code, bool IsSuccess, bool Enable, string ModuleName, IReadOnlyList<string> Domains, IReadOnlyList<LinkedVpcItem> LinkedVpcs);

internal sealed record LinkedVpcItem(string VpcId, string VswitchId, string Ip, string Status, bool DefaultAccess);
