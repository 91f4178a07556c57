using System.Collections.Immutable;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Paging;

namespace AcrReach.Cloud.Cbn;

/// <summary>CBN ListTransitRouterRouteTables: NextToken/MaxResults (1–100) paging.</summary>
public sealed record ListTransitRouterRouteTablesRequest : ITokenPagedRequest<ListTransitRouterRouteTablesRequest>
{
    public string? TransitRouterId { get; init; }

    /// <summary>At most 20.</summary>
    public ImmutableArray<string> TransitRouterRouteTableIds { get => field.IsDefault ? [] : field; init; }

    public ImmutableArray<string> TransitRouterRouteTableNames { get => field.IsDefault ? [] : field; init; }

    /// <summary><c>System</c> (the default table) or <c>Custom</c>.</summary>
    public string? TransitRouterRouteTableType { get; init; }

    public string? TransitRouterRouteTableStatus { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    ListTransitRouterRouteTablesRequest ITokenPagedRequest<ListTransitRouterRouteTablesRequest>.ForPage(string? nextToken, int pageSize) => this with { NextToken = nextToken, MaxResults = pageSize };
}

public sealed record ListTransitRouterRouteTablesResponse : ITokenPage
{
    public string? RequestId { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    public int? TotalCount { get; init; }

    public ImmutableArray<TransitRouteTableItem> TransitRouterRouteTables { get => field.IsDefault ? [] : field; init; }
}

public sealed record TransitRouteTableItem
{
    public string? TransitRouterRouteTableId { get; init; }

    public string? TransitRouterId { get; init; }

    public string? RegionId { get; init; }

    /// <summary><c>System</c> (the default table) or <c>Custom</c>.</summary>
    public string? TransitRouterRouteTableType { get; init; }

    /// <summary><c>Creating</c>, <c>Active</c> or <c>Deleting</c>.</summary>
    public string? TransitRouterRouteTableStatus { get; init; }

    public string? TransitRouterRouteTableName { get; init; }

    public string? TransitRouterRouteTableDescription { get; init; }

    public string? CreateTime { get; init; }

    public ImmutableArray<CloudTag> Tags { get => field.IsDefault ? [] : field; init; }
}

/// <summary>
/// CBN ListTransitRouterRouteTableAssociations: at least one of TransitRouterRouteTableId / TransitRouterAttachmentId;
/// NextToken/MaxResults paging.
/// </summary>
public sealed record ListTransitRouterRouteTableAssociationsRequest : ITokenPagedRequest<ListTransitRouterRouteTableAssociationsRequest>
{
    public string? TransitRouterRouteTableId { get; init; }

    public string? TransitRouterAttachmentId { get; init; }

    public string? TransitRouterAttachmentResourceId { get; init; }

    public string? TransitRouterAttachmentResourceType { get; init; }

    public string? Status { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    ListTransitRouterRouteTableAssociationsRequest ITokenPagedRequest<ListTransitRouterRouteTableAssociationsRequest>.ForPage(string? nextToken, int pageSize) => this with { NextToken = nextToken, MaxResults = pageSize };
}

public sealed record ListTransitRouterRouteTableAssociationsResponse : ITokenPage
{
    public string? RequestId { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    public int? TotalCount { get; init; }

    public ImmutableArray<RouteTableAssociationItem> TransitRouterAssociations { get => field.IsDefault ? [] : field; init; }
}

/// <summary>An attachment's traffic is looked up in the route table it is associated with.</summary>
public sealed record RouteTableAssociationItem
{
    public string? TransitRouterAttachmentId { get; init; }

    public string? TransitRouterRouteTableId { get; init; }

    public string? ResourceId { get; init; }

    /// <summary><c>VPC</c>, <c>VBR</c>, <c>TR</c> or <c>VPN</c>.</summary>
    public string? ResourceType { get; init; }

    /// <summary><c>Active</c>, <c>Associating</c>, <c>Dissociating</c> or <c>Deleted</c>.</summary>
    public string? Status { get; init; }
}
