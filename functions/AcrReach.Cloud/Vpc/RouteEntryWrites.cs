using System.Collections.Immutable;

namespace AcrReach.Cloud.Vpc;

/// <summary>
/// VPC CreateRouteEntry. Asynchronous (the entry is Pending, then Available); one route write per VPC at a time,
/// otherwise <c>TaskConflict</c>. A route toward a transit router is <c>NextHopType=Attachment</c> with the VPC's
/// own <c>tr-attach-...</c> id (cloud-apis.md §1.4, §2.5).
/// </summary>
public sealed record CreateRouteEntryRequest
{
    public string? RegionId { get; init; }

    public string? RouteTableId { get; init; }

    public string? DestinationCidrBlock { get; init; }

    public string? NextHopType { get; init; }

    public string? NextHopId { get; init; }

    /// <summary>ECMP next hops only.</summary>
    public ImmutableArray<RouteEntryNextHop> NextHopList { get => field.IsDefault ? [] : field; init; }

    public string? RouteEntryName { get; init; }

    public string? Description { get; init; }

    /// <summary>Idempotency token (ASCII, at most 64); the client makes one when not given and reuses it across retries.</summary>
    public string? ClientToken { get; init; }

    public bool? DryRun { get; init; }
}

public sealed record RouteEntryNextHop
{
    public string? NextHopId { get; init; }

    public string? NextHopType { get; init; }

    public int? Weight { get; init; }
}

public sealed record CreateRouteEntryResponse
{
    public string? RequestId { get; init; }

    /// <summary><c>rte-...</c>.</summary>
    public string? RouteEntryId { get; init; }
}

/// <summary>
/// VPC DeleteRouteEntry: either RouteEntryId, or RouteTableId + DestinationCidrBlock (+ NextHopId or NextHopList).
/// Takes no ClientToken; <c>InvalidRouteEntry.NotFound</c> means already gone.
/// </summary>
public sealed record DeleteRouteEntryRequest
{
    public string? RegionId { get; init; }

    public string? RouteEntryId { get; init; }

    public string? RouteTableId { get; init; }

    public string? DestinationCidrBlock { get; init; }

    public string? NextHopId { get; init; }

    public ImmutableArray<RouteEntryNextHop> NextHopList { get => field.IsDefault ? [] : field; init; }

    public bool? DryRun { get; init; }
}

public sealed record DeleteRouteEntryResponse
{
    public string? RequestId { get; init; }
}

/// <summary>
/// VPC CreateRouteEntries: up to 50 routes in one call, in one or several route tables of the same VPC, sent flattened
/// as <c>RouteEntries.N.Field</c> (aliyun/alibabacloud-typescript-sdk vpc-20160428 CreateRouteEntriesRequest). Like
/// CreateRouteEntry it is asynchronous and the VPC takes one write at a time; it takes no ClientToken. Each entry
/// succeeds or fails on its own: the answer counts both and names the failed ones by destination and next hop.
/// </summary>
public sealed record CreateRouteEntriesRequest
{
    /// <summary>At most this many entries in one call ("up to 50", the model's remarks).</summary>
    public const int MaxEntries = 50;

    public string? RegionId { get; init; }

    public ImmutableArray<CreateRouteEntriesRouteEntry> RouteEntries { get => field.IsDefault ? [] : field; init; }

    public bool? DryRun { get; init; }
}

public sealed record CreateRouteEntriesRouteEntry
{
    public string? RouteTableId { get; init; }

    public string? DstCidrBlock { get; init; }

    public string? NextHop { get; init; }

    public string? NextHopType { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>4 or 6 (a number, unlike DescribeRouteEntryList's <c>ipv4</c>).</summary>
    public int? IpVersion { get; init; }
}

public sealed record CreateRouteEntriesResponse
{
    public string? RequestId { get; init; }

    public int? SuccessCount { get; init; }

    public int? FailedCount { get; init; }

    /// <summary>The <c>rte-...</c> ids of the entries added.</summary>
    public ImmutableArray<string> RouteEntryIds { get => field.IsDefault ? [] : field; init; }

    public ImmutableArray<FailedRouteEntry> FailedRouteEntries { get => field.IsDefault ? [] : field; init; }
}

/// <summary>An entry the batch did not add: named by destination and next hop only (the answer carries no table id).</summary>
public sealed record FailedRouteEntry
{
    public string? DstCidrBlock { get; init; }

    public string? NextHop { get; init; }

    public string? FailedCode { get; init; }

    public string? FailedMessage { get; init; }
}
