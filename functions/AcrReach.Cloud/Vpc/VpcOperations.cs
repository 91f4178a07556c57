using AcrReach.Cloud.Endpoints;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Vpc;

/// <summary>The VPC 2016-04-28 actions AcrReach calls (RAM code <c>vpc</c>).</summary>
public static class VpcOperations
{
    private static VpcJsonContext Json => VpcJsonContext.Default;

    public static readonly ApiOperation<DescribeVpcsRequest, DescribeVpcsResponse> DescribeVpcs = new(
        CloudProduct.Vpc, "DescribeVpcs", ApiAccess.Read, Json.DescribeVpcsRequest, Json.DescribeVpcsResponse);

    public static readonly ApiOperation<DescribeVSwitchesRequest, DescribeVSwitchesResponse> DescribeVSwitches = new(
        CloudProduct.Vpc, "DescribeVSwitches", ApiAccess.Read, Json.DescribeVSwitchesRequest, Json.DescribeVSwitchesResponse);

    public static readonly ApiOperation<DescribeRouteTableListRequest, DescribeRouteTableListResponse> DescribeRouteTableList = new(
        CloudProduct.Vpc, "DescribeRouteTableList", ApiAccess.Read, Json.DescribeRouteTableListRequest, Json.DescribeRouteTableListResponse);

    public static readonly ApiOperation<DescribeRouteEntryListRequest, DescribeRouteEntryListResponse> DescribeRouteEntryList = new(
        CloudProduct.Vpc, "DescribeRouteEntryList", ApiAccess.Read, Json.DescribeRouteEntryListRequest, Json.DescribeRouteEntryListResponse);

    public static readonly ApiOperation<CreateRouteEntryRequest, CreateRouteEntryResponse> CreateRouteEntry = new(
        CloudProduct.Vpc, "CreateRouteEntry", ApiAccess.Write, Json.CreateRouteEntryRequest, Json.CreateRouteEntryResponse, sendsClientToken: true);

    public static readonly ApiOperation<CreateRouteEntriesRequest, CreateRouteEntriesResponse> CreateRouteEntries = new(
        CloudProduct.Vpc, "CreateRouteEntries", ApiAccess.Write, Json.CreateRouteEntriesRequest, Json.CreateRouteEntriesResponse);

    public static readonly ApiOperation<DeleteRouteEntryRequest, DeleteRouteEntryResponse> DeleteRouteEntry = new(
        CloudProduct.Vpc, "DeleteRouteEntry", ApiAccess.Write, Json.DeleteRouteEntryRequest, Json.DeleteRouteEntryResponse);
}
