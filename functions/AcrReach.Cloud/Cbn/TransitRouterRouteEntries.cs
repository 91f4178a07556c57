using System.Collections.Immutable;
using AcrReach.Cloud.Paging;

namespace AcrReach.Cloud.Cbn;

/// <summary>
/// CBN ListTransitRouterRouteEntries: TransitRouterRouteTableId is required; NextToken/MaxResults (1–100) paging.
/// Only <c>Active</c> entries are listed unless <see cref="TransitRouterRouteEntryStatus"/> is set (cloud-apis.md §2.4).
/// </summary>
public sealed record ListTransitRouterRouteEntriesRequest : ITokenPagedRequest<ListTransitRouterRouteEntriesRequest>
{
    public string? TransitRouterRouteTableId { get; init; }

    public ImmutableArray<string> TransitRouterRouteEntryIds { get => field.IsDefault ? [] : field; init; }

    public ImmutableArray<string> TransitRouterRouteEntryNames { get => field.IsDefault ? [] : field; init; }

    public ImmutableArray<TransitRouteFilter> RouteFilter { get => field.IsDefault ? [] : field; init; }

    /// <summary><c>Static</c> or <c>Propagated</c>.</summary>
    public string? TransitRouterRouteEntryType { get; init; }

    /// <summary><c>All</c>, <c>Active</c>, <c>Rejected</c>, <c>Prohibited</c>, <c>Standby</c> or <c>Candidate</c>.</summary>
    public string? TransitRouterRouteEntryStatus { get; init; }

    public string? TransitRouterRouteEntryNextHopType { get; init; }

    public string? TransitRouterRouteEntryNextHopId { get; init; }

    public string? TransitRouterRouteEntryNextHopResourceId { get; init; }

    public string? TransitRouterRouteEntryNextHopResourceType { get; init; }

    public string? TransitRouterRouteEntryOriginResourceId { get; init; }

    public string? TransitRouterRouteEntryOriginResourceType { get; init; }

    public string? PrefixListId { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    ListTransitRouterRouteEntriesRequest ITokenPagedRequest<ListTransitRouterRouteEntriesRequest>.ForPage(string? nextToken, int pageSize) => this with { NextToken = nextToken, MaxResults = pageSize };
}

/// <summary><c>RouteFilter.N.Key</c> / <c>RouteFilter.N.Value.M</c>.</summary>
public sealed record TransitRouteFilter
{
    /// <summary><c>PrefixExactMatchCidrs</c>, <c>LongestPrefixMatchCidrs</c>, <c>SubnetOfMatchCidrs</c> or <c>SupernetOfMatchCidrs</c>.</summary>
    public string? Key { get; init; }

    public ImmutableArray<string> Value { get => field.IsDefault ? [] : field; init; }
}

public sealed record ListTransitRouterRouteEntriesResponse : ITokenPage
{
    public string? RequestId { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    public int? TotalCount { get; init; }

    public ImmutableArray<TransitRouteEntryItem> TransitRouterRouteEntries { get => field.IsDefault ? [] : field; init; }
}

public sealed record TransitRouteEntryItem
{
    /// <summary>Static routes only.</summary>
    public string? TransitRouterRouteEntryId { get; init; }

    public string? TransitRouterRouteEntryDestinationCidrBlock { get; init; }

    /// <summary><c>Static</c> or <c>Propagated</c>.</summary>
    public string? TransitRouterRouteEntryType { get; init; }

    /// <summary><c>Active</c>, <c>Rejected</c>, <c>Prohibited</c>, <c>Standby</c>, <c>Candidate</c>, <c>Creating</c> or <c>Deleting</c>.</summary>
    public string? TransitRouterRouteEntryStatus { get; init; }

    /// <summary><c>BlackHole</c> or <c>Attachment</c>.</summary>
    public string? TransitRouterRouteEntryNextHopType { get; init; }

    /// <summary><c>tr-attach-...</c>; absent for a black hole.</summary>
    public string? TransitRouterRouteEntryNextHopId { get; init; }

    public string? TransitRouterRouteEntryNextHopResourceId { get; init; }

    /// <summary><c>VPC</c>, <c>VBR</c>, <c>TR</c> or <c>VPN</c>.</summary>
    public string? TransitRouterRouteEntryNextHopResourceType { get; init; }

    public string? TransitRouterRouteEntryOriginResourceId { get; init; }

    public string? TransitRouterRouteEntryOriginResourceType { get; init; }

    public string? TransitRouterRouteEntryName { get; init; }

    public string? TransitRouterRouteEntryDescription { get; init; }

    /// <summary>True when the route may be managed (deleted) by the user.</summary>
    public bool? OperationalMode { get; init; }

    public string? PrefixListId { get; init; }

    /// <summary>Only <c>PermitVbr</c> is ever returned.</summary>
    public string? Tag { get; init; }

    public string? CreateTime { get; init; }
}

/// <summary>
/// CBN CreateTransitRouterRouteEntry: asynchronous (Creating, then Active). A duplicate is
/// <c>InstanceExist.TransitRouterRouteEntry</c>.
/// </summary>
public sealed record CreateTransitRouterRouteEntryRequest
{
    public string? TransitRouterRouteTableId { get; init; }

    public string? TransitRouterRouteEntryDestinationCidrBlock { get; init; }

    /// <summary><c>Attachment</c> or <c>BlackHole</c>.</summary>
    public string? TransitRouterRouteEntryNextHopType { get; init; }

    /// <summary><c>tr-attach-...</c>; required for <c>Attachment</c>.</summary>
    public string? TransitRouterRouteEntryNextHopId { get; init; }

    public string? TransitRouterRouteEntryName { get; init; }

    public string? TransitRouterRouteEntryDescription { get; init; }

    public string? ClientToken { get; init; }

    public bool? DryRun { get; init; }
}

public sealed record CreateTransitRouterRouteEntryResponse
{
    public string? RequestId { get; init; }

    /// <summary><c>rte-...</c>.</summary>
    public string? TransitRouterRouteEntryId { get; init; }
}

/// <summary>
/// CBN DeleteTransitRouterRouteEntry: either TransitRouterRouteEntryId, or the table + destination + next-hop type
/// (+ next hop unless BlackHole). Only static routes can be deleted.
/// </summary>
public sealed record DeleteTransitRouterRouteEntryRequest
{
    public string? TransitRouterRouteEntryId { get; init; }

    public string? TransitRouterRouteTableId { get; init; }

    public string? TransitRouterRouteEntryDestinationCidrBlock { get; init; }

    public string? TransitRouterRouteEntryNextHopType { get; init; }

    public string? TransitRouterRouteEntryNextHopId { get; init; }

    public string? ClientToken { get; init; }

    public bool? DryRun { get; init; }
}

public sealed record DeleteTransitRouterRouteEntryResponse
{
    public string? RequestId { get; init; }
}
