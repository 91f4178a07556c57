using System.Collections.Immutable;
using AcrReach.Cloud.Paging;

namespace AcrReach.Cloud.Vpc;

/// <summary>VPC DescribeRouteEntryList: NextToken/<b>MaxResult</b> (singular; 1–100) paging.</summary>
public sealed record DescribeRouteEntryListRequest : ITokenPagedRequest<DescribeRouteEntryListRequest>
{
    public string? RegionId { get; init; }

    public string? RouteTableId { get; init; }

    public string? RouteEntryId { get; init; }

    public string? DestinationCidrBlock { get; init; }

    public ImmutableArray<string> DestCidrBlockList { get => field.IsDefault ? [] : field; init; }

    public string? RouteEntryName { get; init; }

    /// <summary><c>ipv4</c> or <c>ipv6</c>.</summary>
    public string? IpVersion { get; init; }

    /// <summary><c>Custom</c>, <c>System</c>, <c>BGP</c>, <c>CEN</c> or <c>ECR</c>.</summary>
    public string? RouteEntryType { get; init; }

    public string? NextHopId { get; init; }

    public string? NextHopType { get; init; }

    /// <summary><c>TR</c>: only routes hosted by a transit router.</summary>
    public string? ServiceType { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResult { get; init; }

    DescribeRouteEntryListRequest ITokenPagedRequest<DescribeRouteEntryListRequest>.ForPage(string? nextToken, int pageSize) => this with { NextToken = nextToken, MaxResult = pageSize };
}

/// <summary><c>NextToken, TotalCount, RouteEntrys.RouteEntry[]</c> (sic "Entrys").</summary>
public sealed record DescribeRouteEntryListResponse : ITokenPage
{
    public string? RequestId { get; init; }

    public string? NextToken { get; init; }

    public int? TotalCount { get; init; }

    public RouteEntrySet RouteEntrys { get => field ?? new(); init; }
}

public sealed record RouteEntrySet
{
    public ImmutableArray<RouteEntryItem> RouteEntry { get => field.IsDefault ? [] : field; init; }
}

public sealed record RouteEntryItem
{
    public string? RouteEntryId { get; init; }

    public string? RouteTableId { get; init; }

    public string? DestinationCidrBlock { get; init; }

    public string? IpVersion { get; init; }

    /// <summary><c>Custom</c>, <c>System</c>, <c>BGP</c>, <c>CEN</c> or <c>ECR</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>Pending</c>, <c>Available</c>, <c>Modifying</c> or <c>Deleting</c>.</summary>
    public string? Status { get; init; }

    /// <summary><c>RoutePropagation</c>, <c>SystemCreate</c> or <c>CustomCreate</c>.</summary>
    public string? Origin { get; init; }

    /// <summary><c>TR</c> when the route is hosted by a transit router.</summary>
    public string? ServiceType { get; init; }

    public string? RouteEntryName { get; init; }

    public string? Description { get; init; }

    public string? GmtModified { get; init; }

    public NextHopSet NextHops { get => field ?? new(); init; }
}

public sealed record NextHopSet
{
    public ImmutableArray<NextHopItem> NextHop { get => field.IsDefault ? [] : field; init; }
}

public sealed record NextHopItem
{
    /// <summary>E.g. <c>Attachment</c> (a transit router), <c>Instance</c>, <c>HaVip</c>, <c>CenBasic</c>.</summary>
    public string? NextHopType { get; init; }

    public string? NextHopId { get; init; }

    public string? NextHopRegionId { get; init; }

    /// <summary>0/1, for router interfaces only.</summary>
    public int? Enabled { get; init; }

    public int? Weight { get; init; }

    public NextHopRelatedInfo? NextHopRelatedInfo { get; init; }
}

public sealed record NextHopRelatedInfo
{
    public string? InstanceId { get; init; }

    /// <summary><c>VPC</c>, <c>VBR</c> or <c>PCONN</c>.</summary>
    public string? InstanceType { get; init; }

    public string? RegionId { get; init; }
}
