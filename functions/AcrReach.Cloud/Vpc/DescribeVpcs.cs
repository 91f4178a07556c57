using System.Collections.Immutable;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Paging;

namespace AcrReach.Cloud.Vpc;

/// <summary>VPC DescribeVpcs (cloud-apis.md §1.2): PageNumber/PageSize paging, PageSize at most 50.</summary>
public sealed record DescribeVpcsRequest : INumberedPagedRequest<DescribeVpcsRequest>
{
    public string? RegionId { get; init; }

    /// <summary>Up to 20 VPC ids, comma-separated.</summary>
    public string? VpcId { get; init; }

    public string? VpcName { get; init; }

    public bool? IsDefault { get; init; }

    public string? ResourceGroupId { get; init; }

    public long? VpcOwnerId { get; init; }

    public ImmutableArray<CloudTag> Tag { get => field.IsDefault ? [] : field; init; }

    public bool? DryRun { get; init; }

    public int? PageNumber { get; init; }

    public int? PageSize { get; init; }

    DescribeVpcsRequest INumberedPagedRequest<DescribeVpcsRequest>.ForPage(int pageNumber, int pageSize) => this with { PageNumber = pageNumber, PageSize = pageSize };
}

/// <summary><c>PageNumber, PageSize, TotalCount, RequestId, Vpcs.Vpc[]</c>.</summary>
public sealed record DescribeVpcsResponse : INumberedPage
{
    public string? RequestId { get; init; }

    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public int TotalCount { get; init; }

    public VpcSet Vpcs { get => field ?? new(); init; }

    int INumberedPage.Total => TotalCount;
}

public sealed record VpcSet
{
    public ImmutableArray<VpcItem> Vpc { get => field.IsDefault ? [] : field; init; }
}

public sealed record VpcItem
{
    public string? VpcId { get; init; }

    public string? VpcName { get; init; }

    public string? RegionId { get; init; }

    /// <summary>The primary IPv4 block.</summary>
    public string? CidrBlock { get; init; }

    public SecondaryCidrBlockSet SecondaryCidrBlocks { get => field ?? new(); init; }

    public UserCidrSet UserCidrs { get => field ?? new(); init; }

    public string? Ipv6CidrBlock { get; init; }

    public string? VRouterId { get; init; }

    public RouterTableIdSet RouterTableIds { get => field ?? new(); init; }

    public VSwitchIdSet VSwitchIds { get => field ?? new(); init; }

    /// <summary><c>Pending</c> or <c>Available</c>.</summary>
    public string? Status { get; init; }

    /// <summary><c>Attached</c> only when the VPC is attached to a CEN instance.</summary>
    public string? CenStatus { get; init; }

    public bool? IsDefault { get; init; }

    public long? OwnerId { get; init; }

    public string? ResourceGroupId { get; init; }

    public string? CreationTime { get; init; }

    public string? Description { get; init; }

    public TagSet Tags { get => field ?? new(); init; }
}

public sealed record SecondaryCidrBlockSet
{
    public ImmutableArray<string> SecondaryCidrBlock { get => field.IsDefault ? [] : field; init; }
}

public sealed record UserCidrSet
{
    public ImmutableArray<string> UserCidr { get => field.IsDefault ? [] : field; init; }
}

/// <summary>Sic: the element is named <c>RouterTableIds</c> too.</summary>
public sealed record RouterTableIdSet
{
    public ImmutableArray<string> RouterTableIds { get => field.IsDefault ? [] : field; init; }
}

public sealed record VSwitchIdSet
{
    public ImmutableArray<string> VSwitchId { get => field.IsDefault ? [] : field; init; }
}

/// <summary>VPC wraps tags as <c>Tags.Tag[]</c>.</summary>
public sealed record TagSet
{
    public ImmutableArray<CloudTag> Tag { get => field.IsDefault ? [] : field; init; }
}
