using System.Collections.Immutable;
using AcrReach.Cloud.Paging;

namespace AcrReach.Cloud.Cbn;

/// <summary>
/// CBN DescribeCens: the account's CEN instances, PageNumber/PageSize paging (PageSize 1–50, default 10)
/// (aliyun/alibabacloud-typescript-sdk cbn-20170912/src/models/DescribeCensRequest.ts).
/// </summary>
public sealed record DescribeCensRequest : INumberedPagedRequest<DescribeCensRequest>
{
    public string? ResourceGroupId { get; init; }

    public int? PageNumber { get; init; }

    public int? PageSize { get; init; }

    DescribeCensRequest INumberedPagedRequest<DescribeCensRequest>.ForPage(int pageNumber, int pageSize) => this with { PageNumber = pageNumber, PageSize = pageSize };
}

/// <summary>Unlike the transit-router lists, an XML-shaped set: <c>Cens.Cen[]</c>.</summary>
public sealed record DescribeCensResponse : INumberedPage
{
    public string? RequestId { get; init; }

    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public int TotalCount { get; init; }

    public CenSet Cens { get => field ?? new(); init; }

    int INumberedPage.Total => TotalCount;
}

public sealed record CenSet
{
    public ImmutableArray<CenItem> Cen { get => field.IsDefault ? [] : field; init; }
}

public sealed record CenItem
{
    public string? CenId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary><c>Creating</c>, <c>Active</c> or <c>Deleting</c>.</summary>
    public string? Status { get; init; }

    public string? CreationTime { get; init; }
}
