namespace AcrReach.LocalCloud.Wire;

// VPC 2016-04-28 wraps every list in an object named after the element (Vpcs.Vpc[], RouteEntrys.RouteEntry[]).

internal sealed record TagSet(IReadOnlyList<TagItem> Tag);

internal sealed record TagItem(string Key, string Value);

internal sealed record DescribeVpcsResponse(string RequestId, int TotalCount, int PageNumber, int PageSize, VpcSet Vpcs);

internal sealed record VpcSet(IReadOnlyList<VpcItem> Vpc);

internal sealed record VpcItem(
    string VpcId,
    string VpcName,
    string RegionId,
    string CidrBlock,
    SecondaryCidrBlockSet SecondaryCidrBlocks,
    UserCidrSet UserCidrs,
    string VRouterId,
    RouterTableIdSet RouterTableIds,
    VSwitchIdSet VSwitchIds,
    NatGatewayIdSet NatGatewayIds,
    string Status,
    bool IsDefault,
    long OwnerId,
    string ResourceGroupId,
    string CreationTime,
    string CenStatus,
    string Description,
    string Ipv6CidrBlock,
    TagSet Tags);

internal sealed record SecondaryCidrBlockSet(IReadOnlyList<string> SecondaryCidrBlock);

internal sealed record UserCidrSet(IReadOnlyList<string> UserCidr);

internal sealed record RouterTableIdSet(IReadOnlyList<string> RouterTableIds);

internal sealed record VSwitchIdSet(IReadOnlyList<string> VSwitchId);

internal sealed record NatGatewayIdSet(IReadOnlyList<string> NatGatewayIds);

internal sealed record GatewayIdSet(IReadOnlyList<string> GatewayIds);

internal sealed record DescribeVSwitchesResponse(string RequestId, int TotalCount, int PageNumber, int PageSize, VSwitchSet VSwitches);

internal sealed record VSwitchSet(IReadOnlyList<VSwitchItem> VSwitch);

internal sealed record VSwitchItem(
    string VSwitchId,
    string VpcId,
    string ZoneId,
    string CidrBlock,
    string VSwitchName,
    string Description,
    string Status,
    bool IsDefault,
    long AvailableIpAddressCount,
    string Ipv6CidrBlock,
    string NetworkAclId,
    long OwnerId,
    string ResourceGroupId,
    string CreationTime,
    VSwitchRouteTable RouteTable,
    TagSet Tags);

internal sealed record VSwitchRouteTable(string RouteTableId, string RouteTableType);

internal sealed record DescribeRouteTableListResponse(string RequestId, bool Success, string Code, string Message, int TotalCount, int PageNumber, int PageSize, RouterTableList RouterTableList);

internal sealed record RouterTableList(IReadOnlyList<RouterTableListType> RouterTableListType);

internal sealed record RouterTableListType(
    string RouteTableId,
    string RouteTableName,
    string RouteTableType,
    string RouterId,
    string RouterType,
    string VpcId,
    string Status,
    string AssociateType,
    string Description,
    long OwnerId,
    string ResourceGroupId,
    string CreationTime,
    bool RoutePropagationEnable,
    VSwitchIdSet VSwitchIds,
    GatewayIdSet GatewayIds,
    TagSet Tags);

internal sealed record DescribeRouteEntryListResponse(string RequestId, string? NextToken, int TotalCount, RouteEntrySet RouteEntrys);

internal sealed record RouteEntrySet(IReadOnlyList<RouteEntryItem> RouteEntry);

internal sealed record RouteEntryItem(
    string RouteEntryId,
    string RouteTableId,
    string DestinationCidrBlock,
    string IpVersion,
    string Type,
    string Status,
    string Origin,
    string ServiceType,
    string RouteEntryName,
    string Description,
    string GmtModified,
    NextHopSet NextHops);

internal sealed record NextHopSet(IReadOnlyList<NextHopItem> NextHop);

internal sealed record NextHopItem(string NextHopType, string NextHopId, string NextHopRegionId, int Enabled, int Weight, NextHopRelatedInfo NextHopRelatedInfo);

internal sealed record NextHopRelatedInfo(string InstanceId, string InstanceType, string RegionId);

internal sealed record CreateRouteEntryResponse(string RequestId, string RouteEntryId);

internal sealed record ListTagResourcesResponse(string RequestId, string NextToken, TagResourceSet TagResources);

internal sealed record TagResourceSet(IReadOnlyList<TagResourceItem> TagResource);

internal sealed record TagResourceItem(string ResourceId, string ResourceType, string TagKey, string TagValue);

/// <summary>CreateRouteEntries' answer (aliyun/alibabacloud-typescript-sdk vpc-20160428 CreateRouteEntriesResponseBody).</summary>
internal sealed record CreateRouteEntriesResponse(string RequestId, int SuccessCount, int FailedCount, IReadOnlyList<string> RouteEntryIds, IReadOnlyList<FailedRouteEntry> FailedRouteEntries);

internal sealed record FailedRouteEntry(string DstCidrBlock, string NextHop, string FailedCode, string FailedMessage);
