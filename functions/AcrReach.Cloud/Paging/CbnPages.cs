using AcrReach.Cloud.Cbn;

namespace AcrReach.Cloud.Paging;

/// <summary>Every transit router, attachment, route table, route entry and association a filter matches.</summary>
public static class CbnPages
{
    public static IAsyncEnumerable<TransitRouterItem> ListAllTransitRoutersAsync(this ICbnApi api, ListTransitRoutersRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var filter = request ?? new ListTransitRoutersRequest();
        return Pages.ByPageNumberAsync(
            (page, ct) => api.ListTransitRoutersAsync(filter with { PageNumber = page, PageSize = PageSizes.TransitRouters }, ct),
            r => r.TransitRouters,
            r => r.TotalCount,
            cancellationToken);
    }

    public static IAsyncEnumerable<VpcAttachmentItem> ListAllTransitRouterVpcAttachmentsAsync(this ICbnApi api, ListTransitRouterVpcAttachmentsRequest request, CancellationToken cancellationToken = default) =>
        ByToken(request, PageSizes.CbnUndocumentedMaximum, api.ListTransitRouterVpcAttachmentsAsync, r => r.TransitRouterAttachments, r => r.NextToken, cancellationToken);

    public static IAsyncEnumerable<PeerAttachmentItem> ListAllTransitRouterPeerAttachmentsAsync(this ICbnApi api, ListTransitRouterPeerAttachmentsRequest request, CancellationToken cancellationToken = default) =>
        ByToken(request, PageSizes.CbnDocumentedMaximum, api.ListTransitRouterPeerAttachmentsAsync, r => r.TransitRouterAttachments, r => r.NextToken, cancellationToken);

    public static IAsyncEnumerable<VbrAttachmentItem> ListAllTransitRouterVbrAttachmentsAsync(this ICbnApi api, ListTransitRouterVbrAttachmentsRequest request, CancellationToken cancellationToken = default) =>
        ByToken(request, PageSizes.CbnUndocumentedMaximum, api.ListTransitRouterVbrAttachmentsAsync, r => r.TransitRouterAttachments, r => r.NextToken, cancellationToken);

    public static IAsyncEnumerable<VpnAttachmentItem> ListAllTransitRouterVpnAttachmentsAsync(this ICbnApi api, ListTransitRouterVpnAttachmentsRequest request, CancellationToken cancellationToken = default) =>
        ByToken(request, PageSizes.CbnUndocumentedMaximum, api.ListTransitRouterVpnAttachmentsAsync, r => r.TransitRouterAttachments, r => r.NextToken, cancellationToken);

    public static IAsyncEnumerable<TransitRouteTableItem> ListAllTransitRouterRouteTablesAsync(this ICbnApi api, ListTransitRouterRouteTablesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(request);
        return Pages.ByNextTokenAsync(
            (token, ct) => api.ListTransitRouterRouteTablesAsync(request with { NextToken = token, MaxResults = PageSizes.CbnDocumentedMaximum }, ct),
            r => r.TransitRouterRouteTables,
            r => r.NextToken,
            cancellationToken);
    }

    /// <summary>
    /// Every entry of a transit-router route table. Without a TransitRouterRouteEntryStatus filter the service lists
    /// only Active entries (cloud-apis.md §2.4).
    /// </summary>
    public static IAsyncEnumerable<TransitRouteEntryItem> ListAllTransitRouterRouteEntriesAsync(this ICbnApi api, ListTransitRouterRouteEntriesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(request);
        return Pages.ByNextTokenAsync(
            (token, ct) => api.ListTransitRouterRouteEntriesAsync(request with { NextToken = token, MaxResults = PageSizes.CbnDocumentedMaximum }, ct),
            r => r.TransitRouterRouteEntries,
            r => r.NextToken,
            cancellationToken);
    }

    public static IAsyncEnumerable<RouteTableAssociationItem> ListAllTransitRouterRouteTableAssociationsAsync(this ICbnApi api, ListTransitRouterRouteTableAssociationsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(request);
        return Pages.ByNextTokenAsync(
            (token, ct) => api.ListTransitRouterRouteTableAssociationsAsync(request with { NextToken = token, MaxResults = PageSizes.CbnUndocumentedMaximum }, ct),
            r => r.TransitRouterAssociations,
            r => r.NextToken,
            cancellationToken);
    }

    private static IAsyncEnumerable<TItem> ByToken<TRequest, TResponse, TItem>(
        TRequest request,
        int pageSize,
        Func<TRequest, CancellationToken, Task<TResponse>> list,
        Func<TResponse, System.Collections.Immutable.ImmutableArray<TItem>> items,
        Func<TResponse, string?> nextToken,
        CancellationToken cancellationToken)
        where TRequest : TransitRouterAttachmentsRequest
    {
        ArgumentNullException.ThrowIfNull(request);
        return Pages.ByNextTokenAsync(
            (token, ct) => list((TRequest)(request with { NextToken = token, MaxResults = pageSize }), ct),
            items,
            nextToken,
            cancellationToken);
    }
}
