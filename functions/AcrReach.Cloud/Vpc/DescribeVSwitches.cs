using System.Collections.Immutable;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Paging;

namespace AcrReach.Cloud.Vpc;

/// <summary>VPC DescribeVSwitches: RegionId or VpcId; PageNumber/PageSize paging, PageSize at most 50.</summary>
public sealed record DescribeVSwitchesRequest : INumberedPagedRequest<DescribeVSwitchesRequest>
{
    public string? RegionId { get; init; }

    public string? VpcId { get; init; }

    public string? VSwitchId { get; init; }

    public string? ZoneId { get; init; }

    public string? RouteTableId { get; init; }

    public string? VSwitchName { get; init; }

    public bool? IsDefault { get; init; }

    public long? VSwitchOwnerId { get; init; }

    public string? ResourceGroupId { get; init; }

    public ImmutableArray<CloudTag> Tag { get => field.IsDefault ? [] : field; init; }

    public bool? DryRun { get; init; }

    public int? PageNumber { get; init; }

    public int? PageSize { get; init; }

    DescribeVSwitchesRequest INumberedPagedRequest<DescribeVSwitchesRequest>.ForPage(int pageNumber, int pageSize) => this with { PageNumber = pageNumber, PageSize = pageSize };
}

/// <summary><c>PageNumber, PageSize, TotalCount, RequestId, VSwitches.VSwitch[]</c>.</summary>
public sealed record DescribeVSwitchesResponse : INumberedPage
{
    public string? RequestId { get; init; }

    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public int TotalCount { get; init; }

    public VSwitchSet VSwitches { get => field ?? new(); init; }

    int INumberedPage.Total => TotalCount;
}

public sealed record VSwitchSet
{
    public ImmutableArray<VSwitchItem> VSwitch { get => field.IsDefault ? [] : field; init; }
}

public sealed record VSwitchItem
{
    public string? VSwitchId { get; init; }

    public string? VSwitchName { get; init; }

    public string? VpcId { get; init; }

    public string? ZoneId { get; init; }

    public string? CidrBlock { get; init; }

    public string? Ipv6CidrBlock { get; init; }

    public long? AvailableIpAddressCount { get; init; }

    /// <summary><c>Pending</c> or <c>Available</c>.</summary>
    public string? Status { get; init; }

    /// <summary>The route table the vSwitch uses.</summary>
    public VSwitchRouteTable RouteTable { get => field ?? new(); init; }

    public string? ShareType { get; init; }

    public long? OwnerId { get; init; }

    public bool? IsDefault { get; init; }

    public string? NetworkAclId { get; init; }

    public string? ResourceGroupId { get; init; }

    public string? CreationTime { get; init; }

    public string? Description { get; init; }

    public TagSet Tags { get => field ?? new(); init; }
}

public sealed record VSwitchRouteTable
{
    public string? RouteTableId { get; init; }

    /// <summary><c>System</c> or <c>Custom</c>.</summary>
    public string? RouteTableType { get; init; }
}
