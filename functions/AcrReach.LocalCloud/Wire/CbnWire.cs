namespace AcrReach.LocalCloud.Wire;

// CBN (CEN) 2017-09-12 answers plain arrays (TransitRouters[], TransitRouterAttachments[]).

internal sealed record CbnTag(string Key, string Value);

/// <summary>DescribeCens is the older XML-shaped kind: <c>Cens.Cen[]</c>.</summary>
internal sealed record DescribeCensResponse(string RequestId, int TotalCount, int PageNumber, int PageSize, CenSet Cens);

internal sealed record CenSet(IReadOnlyList<CenItem> Cen);

internal sealed record CenItem(string CenId, string Name, string Description, string Status, string ProtectionLevel, string CreationTime);

internal sealed record ListTransitRoutersResponse(string RequestId, int TotalCount, int PageNumber, int PageSize, IReadOnlyList<TransitRouterItem> TransitRouters);

internal sealed record TransitRouterItem(
    string TransitRouterId,
    string TransitRouterName,
    string TransitRouterDescription,
    string CenId,
    string RegionId,
    string Type,
    string Status,
    long AliUid,
    string CreationTime,
    bool SupportMulticast,
    IReadOnlyList<string> TransitRouterCidrList,
    IReadOnlyList<CbnTag> Tags);

internal sealed record ListTransitRouterVpcAttachmentsResponse(string RequestId, int TotalCount, int MaxResults, string? NextToken, IReadOnlyList<VpcAttachmentItem> TransitRouterAttachments);

internal sealed record VpcAttachmentItem(
    string TransitRouterAttachmentId,
    string TransitRouterId,
    string CenId,
    string VpcId,
    string VpcRegionId,
    long VpcOwnerId,
    string ResourceType,
    string Status,
    bool AutoPublishRouteEnabled,
    IReadOnlyList<ZoneMapping> ZoneMappings,
    string CreationTime,
    string TransitRouterAttachmentName,
    string TransitRouterAttachmentDescription,
    string ChargeType,
    IReadOnlyList<CbnTag> Tags);

internal sealed record ZoneMapping(string ZoneId, string VSwitchId, string NetworkInterfaceId);

internal sealed record ListTransitRouterPeerAttachmentsResponse(string RequestId, int TotalCount, int MaxResults, string? NextToken, IReadOnlyList<PeerAttachmentItem> TransitRouterAttachments);

internal sealed record PeerAttachmentItem(
    string TransitRouterAttachmentId,
    string TransitRouterId,
    string RegionId,
    string PeerTransitRouterId,
    string PeerTransitRouterRegionId,
    long PeerTransitRouterOwnerId,
    string ResourceType,
    string Status,
    bool AutoPublishRouteEnabled,
    int Bandwidth,
    string BandwidthType,
    string CenId,
    string CreationTime,
    string TransitRouterAttachmentName,
    string TransitRouterAttachmentDescription,
    IReadOnlyList<CbnTag> Tags);

internal sealed record ListTransitRouterVbrAttachmentsResponse(string RequestId, int TotalCount, int MaxResults, string? NextToken, IReadOnlyList<VbrAttachmentItem> TransitRouterAttachments);

internal sealed record VbrAttachmentItem(
    string TransitRouterAttachmentId,
    string TransitRouterId,
    string CenId,
    string VbrId,
    string VbrRegionId,
    long VbrOwnerId,
    string ResourceType,
    string Status,
    bool AutoPublishRouteEnabled,
    string CreationTime,
    string TransitRouterAttachmentName,
    string TransitRouterAttachmentDescription,
    IReadOnlyList<CbnTag> Tags);

internal sealed record ListTransitRouterVpnAttachmentsResponse(string RequestId, int TotalCount, int MaxResults, string? NextToken, IReadOnlyList<VpnAttachmentItem> TransitRouterAttachments);

internal sealed record VpnAttachmentItem(
    string TransitRouterAttachmentId,
    string TransitRouterId,
    string CenId,
    string VpnId,
    string VpnRegionId,
    long VpnOwnerId,
    string ResourceType,
    string Status,
    bool AutoPublishRouteEnabled,
    IReadOnlyList<ZoneItem> Zones,
    string CreationTime,
    string TransitRouterAttachmentName,
    string TransitRouterAttachmentDescription,
    IReadOnlyList<CbnTag> Tags);

internal sealed record ZoneItem(string ZoneId);

internal sealed record ListTransitRouterRouteTablesResponse(string RequestId, int TotalCount, int MaxResults, string? NextToken, IReadOnlyList<TransitRouteTableItem> TransitRouterRouteTables);

internal sealed record TransitRouteTableItem(
    string TransitRouterRouteTableId,
    string TransitRouterId,
    string RegionId,
    string TransitRouterRouteTableType,
    string TransitRouterRouteTableStatus,
    string TransitRouterRouteTableName,
    string TransitRouterRouteTableDescription,
    string CreateTime,
    RouteTableOptions RouteTableOptions,
    IReadOnlyList<CbnTag> Tags);

internal sealed record RouteTableOptions(string MultiRegionECMP);

internal sealed record ListTransitRouterRouteEntriesResponse(string RequestId, int TotalCount, int MaxResults, string? NextToken, IReadOnlyList<TransitRouteEntryItem> TransitRouterRouteEntries);

internal sealed record TransitRouteEntryItem(
    string? TransitRouterRouteEntryId,
    string TransitRouterRouteEntryDestinationCidrBlock,
    string TransitRouterRouteEntryType,
    string TransitRouterRouteEntryStatus,
    string TransitRouterRouteEntryNextHopType,
    string? TransitRouterRouteEntryNextHopId,
    string? TransitRouterRouteEntryNextHopResourceId,
    string? TransitRouterRouteEntryNextHopResourceType,
    string? TransitRouterRouteEntryOriginResourceId,
    string? TransitRouterRouteEntryOriginResourceType,
    bool OperationalMode,
    string CreateTime,
    string? TransitRouterRouteEntryName,
    string? TransitRouterRouteEntryDescription);

internal sealed record ListTransitRouterRouteTableAssociationsResponse(string RequestId, int TotalCount, int MaxResults, string? NextToken, IReadOnlyList<AssociationItem> TransitRouterAssociations);

internal sealed record AssociationItem(string TransitRouterAttachmentId, string TransitRouterRouteTableId, string ResourceId, string ResourceType, string Status);

internal sealed record CreateTransitRouterRouteEntryResponse(string RequestId, string TransitRouterRouteEntryId);
