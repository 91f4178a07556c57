using System.Text.Json.Serialization;

namespace AcrReach.LocalCloud.Wire;

// The local cloud's own wire types (never shared with the client, so a mistake in one shows up against the other).
// Property names are the services' exact JSON names; see cloud-apis.md §1.3, §2.3, §3.2 and platform.md §7.

internal sealed record RequestIdOnly(string RequestId);

/// <summary>The OpenAPI gateway's error body: the SDKs read Code, Message and RequestId.</summary>
internal sealed record ErrorBody(string RequestId, string HostId, string Code, string Message, string Recommend);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RequestIdOnly))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(DescribeVpcsResponse))]
[JsonSerializable(typeof(DescribeVSwitchesResponse))]
[JsonSerializable(typeof(DescribeRouteTableListResponse))]
[JsonSerializable(typeof(DescribeRouteEntryListResponse))]
[JsonSerializable(typeof(CreateRouteEntryResponse))]
[JsonSerializable(typeof(CreateRouteEntriesResponse))]
[JsonSerializable(typeof(DescribeCensResponse))]
[JsonSerializable(typeof(ListTransitRoutersResponse))]
[JsonSerializable(typeof(ListTransitRouterVpcAttachmentsResponse))]
[JsonSerializable(typeof(ListTransitRouterPeerAttachmentsResponse))]
[JsonSerializable(typeof(ListTransitRouterVbrAttachmentsResponse))]
[JsonSerializable(typeof(ListTransitRouterVpnAttachmentsResponse))]
[JsonSerializable(typeof(ListTransitRouterRouteTablesResponse))]
[JsonSerializable(typeof(ListTransitRouterRouteEntriesResponse))]
[JsonSerializable(typeof(ListTransitRouterRouteTableAssociationsResponse))]
[JsonSerializable(typeof(CreateTransitRouterRouteEntryResponse))]
[JsonSerializable(typeof(CrResult))]
[JsonSerializable(typeof(ListInstanceResponse))]
[JsonSerializable(typeof(ListInstanceRegionResponse))]
[JsonSerializable(typeof(GetInstanceResponse))]
[JsonSerializable(typeof(GetInstanceVpcEndpointResponse))]
[JsonSerializable(typeof(AddZoneResponse))]
[JsonSerializable(typeof(AddZoneRecordResponse))]
[JsonSerializable(typeof(DescribeZonesResponse))]
[JsonSerializable(typeof(DescribeZoneInfoResponse))]
[JsonSerializable(typeof(DescribeZoneRecordsResponse))]
[JsonSerializable(typeof(AssumeRoleResponse))]
[JsonSerializable(typeof(DeleteZoneRecordResponse))]
[JsonSerializable(typeof(DeleteZoneResponse))]
[JsonSerializable(typeof(UpdateZoneRemarkResponse))]
[JsonSerializable(typeof(ListTagResourcesResponse))]
[JsonSerializable(typeof(PutConcurrencyInput))]
[JsonSerializable(typeof(ConcurrencyConfig))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
