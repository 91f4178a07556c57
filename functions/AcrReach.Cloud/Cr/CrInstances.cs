using System.Collections.Immutable;
using AcrReach.Cloud.Paging;

namespace AcrReach.Cloud.Cr;

/// <summary>CR ListInstance: PageNo/PageSize paging (PageSize default 30; the maximum is not documented).</summary>
public sealed record ListInstanceRequest : INumberedPagedRequest<ListInstanceRequest>
{
    /// <inheritdoc cref="GetInstanceRequest.RegionId"/>
    public string? RegionId { get; init; }

    public int? PageNo { get; init; }

    public int? PageSize { get; init; }

    public string? InstanceStatus { get; init; }

    public string? InstanceName { get; init; }

    public string? ResourceGroupId { get; init; }

    ListInstanceRequest INumberedPagedRequest<ListInstanceRequest>.ForPage(int pageNumber, int pageSize) => this with { PageNo = pageNumber, PageSize = pageSize };
}

/// <summary><c>Instances[]</c> (plain array) plus PageNo, PageSize, TotalCount.</summary>
public sealed record ListInstanceResponse : CrResult, INumberedPage
{
    public int PageNo { get; init; }

    public int PageSize { get; init; }

    public int TotalCount { get; init; }

    public ImmutableArray<CrInstanceItem> Instances { get => field.IsDefault ? [] : field; init; }

    int INumberedPage.Total => TotalCount;
}

public sealed record CrInstanceItem
{
    /// <summary><c>cri-...</c>.</summary>
    public string? InstanceId { get; init; }

    public string? InstanceName { get; init; }

    /// <summary><c>Enterprise_Basic</c>, <c>Enterprise_Standard</c> or <c>Enterprise_Advanced</c>.</summary>
    public string? InstanceSpecification { get; init; }

    public string? InstanceStatus { get; init; }

    public string? RegionId { get; init; }

    public string? ResourceGroupId { get; init; }

    /// <summary>Milliseconds since the epoch, as a string in this list.</summary>
    public string? CreateTime { get; init; }

    public string? ModifiedTime { get; init; }

    public string? InstanceIssue { get; init; }

    public ImmutableArray<CrTag> Tags { get => field.IsDefault ? [] : field; init; }
}

/// <summary>CR names tag fields <c>TagKey</c>/<c>TagValue</c>.</summary>
public sealed record CrTag
{
    public string? TagKey { get; init; }

    public string? TagValue { get; init; }
}

public sealed record GetInstanceRequest
{
    /// <summary>
    /// The region of the instance; <see cref="CrApi"/> fills in its own. The regional endpoint names the region too,
    /// but one endpoint override (the local cloud) serves every region, so the region also travels in the request,
    /// as alibaba-cloud-sdk-go's RPC signer adds RegionId to every call (<c>completeRpcSignParams</c>).
    /// </summary>
    public string? RegionId { get; init; }

    public string? InstanceId { get; init; }
}

/// <summary>A flat answer; here CreateTime/ModifiedTime are numbers.</summary>
public sealed record GetInstanceResponse : CrResult
{
    public string? InstanceId { get; init; }

    public string? InstanceName { get; init; }

    public string? InstanceSpecification { get; init; }

    /// <summary><c>PENDING</c>, <c>INIT_ERROR</c>, <c>STARTING</c>, <c>RUNNING</c>, <c>STOPPING</c>, <c>STOPPED</c>, <c>DELETING</c> or <c>DELETED</c>.</summary>
    public string? InstanceStatus { get; init; }

    public long? CreateTime { get; init; }

    public long? ModifiedTime { get; init; }

    public string? ResourceGroupId { get; init; }

    public string? InstanceIssue { get; init; }

    public ImmutableArray<CrTag> Tags { get => field.IsDefault ? [] : field; init; }
}

/// <summary>CR ListInstanceRegion: the regions Container Registry serves; instances are regional, so discovery asks each.</summary>
public sealed record ListInstanceRegionRequest
{
    /// <summary>E.g. <c>zh-CN</c> or <c>en-US</c>: the language of <see cref="CrRegion.LocalName"/>.</summary>
    public string? Lang { get; init; }
}

/// <summary><c>Regions[].{RegionId, LocalName}</c>.</summary>
public sealed record ListInstanceRegionResponse : CrResult
{
    public ImmutableArray<CrRegion> Regions { get => field.IsDefault ? [] : field; init; }
}

public sealed record CrRegion
{
    public string? RegionId { get; init; }

    public string? LocalName { get; init; }
}
