using System.Collections.Immutable;
using AcrReach.Cloud.Paging;

namespace AcrReach.Cloud.Pvtz;

/// <summary>PrivateZone DescribeZones: PageNumber/PageSize paging (PageSize at most 100).</summary>
public sealed record DescribeZonesRequest : INumberedPagedRequest<DescribeZonesRequest>
{
    /// <summary><c>en</c> or <c>zh</c>.</summary>
    public string? Lang { get; init; }

    public string? Keyword { get; init; }

    /// <summary><c>LIKE</c> (default) or <c>EXACT</c>.</summary>
    public string? SearchMode { get; init; }

    public string? QueryRegionId { get; init; }

    public string? QueryVpcId { get; init; }

    public string? ResourceGroupId { get; init; }

    public string? ZoneType { get; init; }

    public int? PageNumber { get; init; }

    public int? PageSize { get; init; }

    DescribeZonesRequest INumberedPagedRequest<DescribeZonesRequest>.ForPage(int pageNumber, int pageSize) => this with { PageNumber = pageNumber, PageSize = pageSize };
}

/// <summary><c>TotalItems, TotalPages, PageSize, PageNumber, Zones.Zone[]</c>.</summary>
public sealed record DescribeZonesResponse : INumberedPage
{
    public string? RequestId { get; init; }

    public int TotalItems { get; init; }

    public int TotalPages { get; init; }

    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public ZoneSet Zones { get => field ?? new(); init; }

    int INumberedPage.Total => TotalItems;
}

public sealed record ZoneSet
{
    public ImmutableArray<ZoneItem> Zone { get => field.IsDefault ? [] : field; init; }
}

/// <summary>What DescribeZones lists and DescribeZoneInfo answers about a zone.</summary>
public abstract record ZoneAttributes
{
    public string? ZoneId { get; init; }

    public string? ZoneName { get; init; }

    public int? RecordCount { get; init; }

    /// <summary><c>ZONE</c>: NXDOMAIN for missing names; <c>RECORD</c>: recurse for them.</summary>
    public string? ProxyPattern { get; init; }

    public bool? IsPtr { get; init; }

    public string? Remark { get; init; }

    public string? ZoneType { get; init; }

    public string? ResourceGroupId { get; init; }

    public string? CreateTime { get; init; }

    public string? UpdateTime { get; init; }

    public long? CreateTimestamp { get; init; }

    public long? UpdateTimestamp { get; init; }
}

public sealed record ZoneItem : ZoneAttributes;

public sealed record DescribeZoneInfoRequest
{
    public string? ZoneId { get; init; }

    public string? Lang { get; init; }
}

/// <summary>A zone with the VPCs it is bound to (<c>BindVpcs.Vpc[]</c>).</summary>
public sealed record DescribeZoneInfoResponse : ZoneAttributes
{
    public string? RequestId { get; init; }

    public BindVpcSet BindVpcs { get => field ?? new(); init; }
}

public sealed record BindVpcSet
{
    public ImmutableArray<BoundVpc> Vpc { get => field.IsDefault ? [] : field; init; }
}

public sealed record BoundVpc
{
    public string? VpcId { get; init; }

    public string? VpcName { get; init; }

    public string? RegionId { get; init; }

    public string? RegionName { get; init; }

    public string? VpcType { get; init; }

    public long? VpcUserId { get; init; }
}

public sealed record AddZoneRequest
{
    public string? ZoneName { get; init; }

    /// <summary><c>ZONE</c> (default) or <c>RECORD</c>.</summary>
    public string? ProxyPattern { get; init; }

    public string? ResourceGroupId { get; init; }

    public string? Lang { get; init; }

    public string? ClientToken { get; init; }
}

public sealed record AddZoneResponse
{
    public string? RequestId { get; init; }

    public string? ZoneId { get; init; }

    public string? ZoneName { get; init; }

    public bool? Success { get; init; }
}

/// <summary>
/// PrivateZone BindZoneVpc <b>replaces</b> the whole binding set: send the VPCs already bound (from
/// DescribeZoneInfo) plus the new ones; an empty list unbinds all (platform.md §7).
/// </summary>
public sealed record BindZoneVpcRequest
{
    public string? ZoneId { get; init; }

    public ImmutableArray<ZoneVpc> Vpcs { get => field.IsDefault ? [] : field; init; }

    public string? Lang { get; init; }

    public string? ClientToken { get; init; }
}

/// <summary><c>Vpcs.N.RegionId</c>, <c>Vpcs.N.VpcId</c>, <c>Vpcs.N.VpcType</c>.</summary>
public sealed record ZoneVpc
{
    public string? RegionId { get; init; }

    public string? VpcId { get; init; }

    /// <summary><c>STANDARD</c> or <c>EDS</c>.</summary>
    public string? VpcType { get; init; }
}

public sealed record BindZoneVpcResponse
{
    public string? RequestId { get; init; }
}

/// <summary>pvtz-20180101 UpdateZoneRemark: ZoneId, Remark (aliyun/alibabacloud-typescript-sdk pvtz-20180101/src/models/UpdateZoneRemarkRequest.ts).</summary>
public sealed record UpdateZoneRemarkRequest
{
    public string? ZoneId { get; init; }

    public string? Remark { get; init; }

    public string? Lang { get; init; }
}

public sealed record UpdateZoneRemarkResponse
{
    public string? RequestId { get; init; }

    public string? ZoneId { get; init; }
}
