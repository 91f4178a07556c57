using System.Collections.Immutable;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Paging;

namespace AcrReach.Cloud.Cbn;

/// <summary>
/// The filters the four attachment lists share: TransitRouterId, or CenId + RegionId, or an attachment id;
/// NextToken/MaxResults paging.
/// </summary>
public abstract record TransitRouterAttachmentsRequest
{
    public string? RegionId { get; init; }

    public string? CenId { get; init; }

    public string? TransitRouterId { get; init; }

    public string? TransitRouterAttachmentId { get; init; }

    public ImmutableArray<CloudTag> Tag { get => field.IsDefault ? [] : field; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }
}

/// <summary>One page of attachments: a plain <c>TransitRouterAttachments[]</c> array, shaped per kind.</summary>
public abstract record TransitRouterAttachmentsResponse<TAttachment> : ITokenPage
{
    public string? RequestId { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    public int? TotalCount { get; init; }

    public ImmutableArray<TAttachment> TransitRouterAttachments { get => field.IsDefault ? [] : field; init; }
}

/// <summary>What every kind of attachment reports.</summary>
public abstract record TransitRouterAttachmentItem
{
    public string? TransitRouterAttachmentId { get; init; }

    public string? TransitRouterAttachmentName { get; init; }

    public string? TransitRouterAttachmentDescription { get; init; }

    public string? TransitRouterId { get; init; }

    public string? CenId { get; init; }

    /// <summary><c>VPC</c>, <c>TR</c>, <c>VBR</c> or <c>VPN</c>.</summary>
    public string? ResourceType { get; init; }

    /// <summary><c>Attaching</c>, <c>Attached</c>, <c>Detaching</c> (peers also <c>Detached</c>).</summary>
    public string? Status { get; init; }

    public bool? AutoPublishRouteEnabled { get; init; }

    public string? CreationTime { get; init; }

    public ImmutableArray<CloudTag> Tags { get => field.IsDefault ? [] : field; init; }
}

public sealed record ListTransitRouterVpcAttachmentsRequest : TransitRouterAttachmentsRequest, ITokenPagedRequest<ListTransitRouterVpcAttachmentsRequest>
{
    public string? VpcId { get; init; }

    ListTransitRouterVpcAttachmentsRequest ITokenPagedRequest<ListTransitRouterVpcAttachmentsRequest>.ForPage(string? nextToken, int pageSize) =>
        this with { NextToken = nextToken, MaxResults = pageSize };
}

public sealed record ListTransitRouterVpcAttachmentsResponse : TransitRouterAttachmentsResponse<VpcAttachmentItem>;

public sealed record VpcAttachmentItem : TransitRouterAttachmentItem
{
    public string? VpcId { get; init; }

    public string? VpcRegionId { get; init; }

    public long? VpcOwnerId { get; init; }

    public ImmutableArray<ZoneMapping> ZoneMappings { get => field.IsDefault ? [] : field; init; }

    public string? ChargeType { get; init; }
}

public sealed record ZoneMapping
{
    public string? ZoneId { get; init; }

    public string? VSwitchId { get; init; }

    public string? NetworkInterfaceId { get; init; }
}

public sealed record ListTransitRouterPeerAttachmentsRequest : TransitRouterAttachmentsRequest, ITokenPagedRequest<ListTransitRouterPeerAttachmentsRequest>
{
    ListTransitRouterPeerAttachmentsRequest ITokenPagedRequest<ListTransitRouterPeerAttachmentsRequest>.ForPage(string? nextToken, int pageSize) =>
        this with { NextToken = nextToken, MaxResults = pageSize };
}

public sealed record ListTransitRouterPeerAttachmentsResponse : TransitRouterAttachmentsResponse<PeerAttachmentItem>;

/// <summary>A peer attachment: one id, listed on both transit routers.</summary>
public sealed record PeerAttachmentItem : TransitRouterAttachmentItem
{
    public string? RegionId { get; init; }

    public string? PeerTransitRouterId { get; init; }

    public string? PeerTransitRouterRegionId { get; init; }

    public long? PeerTransitRouterOwnerId { get; init; }

    public int? Bandwidth { get; init; }
}

public sealed record ListTransitRouterVbrAttachmentsRequest : TransitRouterAttachmentsRequest, ITokenPagedRequest<ListTransitRouterVbrAttachmentsRequest>
{
    ListTransitRouterVbrAttachmentsRequest ITokenPagedRequest<ListTransitRouterVbrAttachmentsRequest>.ForPage(string? nextToken, int pageSize) =>
        this with { NextToken = nextToken, MaxResults = pageSize };
}

public sealed record ListTransitRouterVbrAttachmentsResponse : TransitRouterAttachmentsResponse<VbrAttachmentItem>;

/// <summary>An Express Connect virtual border router attachment: the way to a data center.</summary>
public sealed record VbrAttachmentItem : TransitRouterAttachmentItem
{
    public string? VbrId { get; init; }

    public string? VbrRegionId { get; init; }

    public long? VbrOwnerId { get; init; }
}

public sealed record ListTransitRouterVpnAttachmentsRequest : TransitRouterAttachmentsRequest, ITokenPagedRequest<ListTransitRouterVpnAttachmentsRequest>
{
    ListTransitRouterVpnAttachmentsRequest ITokenPagedRequest<ListTransitRouterVpnAttachmentsRequest>.ForPage(string? nextToken, int pageSize) =>
        this with { NextToken = nextToken, MaxResults = pageSize };
}

public sealed record ListTransitRouterVpnAttachmentsResponse : TransitRouterAttachmentsResponse<VpnAttachmentItem>;

/// <summary>An IPsec connection attachment: the other way to a data center.</summary>
public sealed record VpnAttachmentItem : TransitRouterAttachmentItem
{
    /// <summary>The IPsec connection, <c>vco-...</c>.</summary>
    public string? VpnId { get; init; }

    public string? VpnRegionId { get; init; }

    public long? VpnOwnerId { get; init; }

    public ImmutableArray<VpnAttachmentZone> Zones { get => field.IsDefault ? [] : field; init; }
}

public sealed record VpnAttachmentZone
{
    public string? ZoneId { get; init; }
}
