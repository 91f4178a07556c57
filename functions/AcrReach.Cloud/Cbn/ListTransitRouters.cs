using System.Collections.Immutable;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Paging;

namespace AcrReach.Cloud.Cbn;

/// <summary>CBN ListTransitRouters: PageNumber/PageSize paging (PageSize 1–50).</summary>
public sealed record ListTransitRoutersRequest : INumberedPagedRequest<ListTransitRoutersRequest>
{
    public string? RegionId { get; init; }

    public string? CenId { get; init; }

    public string? TransitRouterId { get; init; }

    public string? TransitRouterName { get; init; }

    /// <summary><c>Enterprise</c> or <c>Basic</c>.</summary>
    public string? Type { get; init; }

    public string? Status { get; init; }

    public ImmutableArray<CloudTag> Tag { get => field.IsDefault ? [] : field; init; }

    public int? PageNumber { get; init; }

    public int? PageSize { get; init; }

    ListTransitRoutersRequest INumberedPagedRequest<ListTransitRoutersRequest>.ForPage(int pageNumber, int pageSize) => this with { PageNumber = pageNumber, PageSize = pageSize };
}

/// <summary>CBN lists are plain arrays: <c>TransitRouters[]</c>.</summary>
public sealed record ListTransitRoutersResponse : INumberedPage
{
    public string? RequestId { get; init; }

    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public int TotalCount { get; init; }

    public ImmutableArray<TransitRouterItem> TransitRouters { get => field.IsDefault ? [] : field; init; }

    int INumberedPage.Total => TotalCount;
}

public sealed record TransitRouterItem
{
    public string? TransitRouterId { get; init; }

    public string? TransitRouterName { get; init; }

    public string? TransitRouterDescription { get; init; }

    public string? CenId { get; init; }

    public string? RegionId { get; init; }

    /// <summary><c>Enterprise</c> or <c>Basic</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>Creating</c>, <c>Active</c>, <c>Modifying</c>, <c>Deleting</c> or <c>Upgrading</c>.</summary>
    public string? Status { get; init; }

    public long? AliUid { get; init; }

    public bool? SupportMulticast { get; init; }

    public string? CreationTime { get; init; }

    public ImmutableArray<TransitRouterCidr> TransitRouterCidrList { get => field.IsDefault ? [] : field; init; }

    public ImmutableArray<CloudTag> Tags { get => field.IsDefault ? [] : field; init; }
}

public sealed record TransitRouterCidr
{
    public string? Cidr { get; init; }

    public string? TransitRouterCidrId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public bool? PublishCidrRoute { get; init; }
}
