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
