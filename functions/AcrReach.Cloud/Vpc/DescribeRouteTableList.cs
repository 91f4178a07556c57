using System.Collections.Immutable;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Paging;

namespace AcrReach.Cloud.Vpc;

/// <summary>VPC DescribeRouteTableList: PageNumber/PageSize paging, PageSize at most 50.</summary>
public sealed record DescribeRouteTableListRequest : INumberedPagedRequest<DescribeRouteTableListRequest>
{
    public string? RegionId { get; init; }

    /// <summary>Setting a VPC forces RouterType=VRouter.</summary>
    public string? VpcId { get; init; }

    public string? RouteTableId { get; init; }

    public string? RouteTableName { get; init; }

    /// <summary><c>System</c> or <c>Custom</c>.</summary>
    public string? RouteTableType { get; init; }

    public string? RouterId { get; init; }

    /// <summary><c>VRouter</c> (default) or <c>VBR</c>.</summary>
    public string? RouterType { get; init; }

    public string? ResourceGroupId { get; init; }

    public ImmutableArray<CloudTag> Tag { get => field.IsDefault ? [] : field; init; }

    public int? PageNumber { get; init; }

    public int? PageSize { get; init; }

    DescribeRouteTableListRequest INumberedPagedRequest<DescribeRouteTableListRequest>.ForPage(int pageNumber, int pageSize) => this with { PageNumber = pageNumber, PageSize = pageSize };
}

/// <summary><c>RouterTableList.RouterTableListType[]</c> — "Router", not "Route" — plus the page counts.</summary>
public sealed record DescribeRouteTableListResponse : INumberedPage
{
    public string? RequestId { get; init; }

    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public int TotalCount { get; init; }

    public RouterTableListSet RouterTableList { get => field ?? new(); init; }

    int INumberedPage.Total => TotalCount;
}

public sealed record RouterTableListSet
{
    public ImmutableArray<RouteTableItem> RouterTableListType { get => field.IsDefault ? [] : field; init; }
}

public sealed record RouteTableItem
{
    public string? RouteTableId { get; init; }

    public string? RouteTableName { get; init; }

    /// <summary><c>System</c> or <c>Custom</c>.</summary>
    public string? RouteTableType { get; init; }

    public string? RouterId { get; init; }

    /// <summary><c>VRouter</c> or <c>VBR</c>.</summary>
    public string? RouterType { get; init; }

    public string? VpcId { get; init; }

    /// <summary><c>Pending</c>, <c>Available</c> or <c>Deleting</c>.</summary>
    public string? Status { get; init; }

    /// <summary><c>VSwitch</c> or <c>Gateway</c>.</summary>
    public string? AssociateType { get; init; }

    public VSwitchIdSet VSwitchIds { get => field ?? new(); init; }

    public bool? RoutePropagationEnable { get; init; }

    public long? OwnerId { get; init; }

    public string? ResourceGroupId { get; init; }

    public string? CreationTime { get; init; }

    public string? Description { get; init; }

    public TagSet Tags { get => field ?? new(); init; }
}
