using AcrReach.Cloud.Cbn;

namespace AcrReach.Cloud.Paging;

/// <summary>Every transit router, attachment, route table, route entry and association a filter matches.</summary>
public static class CbnPages
{
    public static IAsyncEnumerable<CenItem> DescribeAllCensAsync(this ICbnApi api, DescribeCensRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByPageNumberAsync(api.DescribeCensAsync, request ?? new(), PageSizes.Cens, r => r.Cens.Cen, cancellationToken);
    }

    public static IAsyncEnumerable<TransitRouterItem> ListAllTransitRoutersAsync(this ICbnApi api, ListTransitRoutersRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByPageNumberAsync(api.ListTransitRoutersAsync, request, PageSizes.TransitRouters, r => r.TransitRouters, cancellationToken);
    }

    /// <summary>
    /// Every transit router of the account, listed per CEN instance: DescribeCens, then ListTransitRouters with each
    /// CenId (older API references mark CenId required; see AccountDiscovery).
    /// </summary>
    public static async IAsyncEnumerable<TransitRouterItem> ListAllTransitRoutersPerCenAsync(this ICbnApi api, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var cenIds = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var cen in api.DescribeAllCensAsync(null, cancellationToken))
        {
            if (cen.CenId is { Length: > 0 } id)
            {
                cenIds.Add(id);
            }
        }

        foreach (var cenId in cenIds)
        {
            await foreach (var router in api.ListAllTransitRoutersAsync(new ListTransitRoutersRequest { CenId = cenId }, cancellationToken))
            {
                yield return router;
            }
        }
    }

    public static IAsyncEnumerable<VpcAttachmentItem> ListAllTransitRouterVpcAttachmentsAsync(this ICbnApi api, ListTransitRouterVpcAttachmentsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByNextTokenAsync(api.ListTransitRouterVpcAttachmentsAsync, request, PageSizes.CbnUndocumentedMaximum, r => r.TransitRouterAttachments, cancellationToken);
    }

    public static IAsyncEnumerable<PeerAttachmentItem> ListAllTransitRouterPeerAttachmentsAsync(this ICbnApi api, ListTransitRouterPeerAttachmentsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByNextTokenAsync(api.ListTransitRouterPeerAttachmentsAsync, request, PageSizes.CbnDocumentedMaximum, r => r.TransitRouterAttachments, cancellationToken);
    }

    public static IAsyncEnumerable<VbrAttachmentItem> ListAllTransitRouterVbrAttachmentsAsync(this ICbnApi api, ListTransitRouterVbrAttachmentsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByNextTokenAsync(api.ListTransitRouterVbrAttachmentsAsync, request, PageSizes.CbnUndocumentedMaximum, r => r.TransitRouterAttachments, cancellationToken);
    }

    public static IAsyncEnumerable<VpnAttachmentItem> ListAllTransitRouterVpnAttachmentsAsync(this ICbnApi api, ListTransitRouterVpnAttachmentsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByNextTokenAsync(api.ListTransitRouterVpnAttachmentsAsync, request, PageSizes.CbnUndocumentedMaximum, r => r.TransitRouterAttachments, cancellationToken);
    }

    public static IAsyncEnumerable<TransitRouteTableItem> ListAllTransitRouterRouteTablesAsync(this ICbnApi api, ListTransitRouterRouteTablesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByNextTokenAsync(api.ListTransitRouterRouteTablesAsync, request, PageSizes.CbnDocumentedMaximum, r => r.TransitRouterRouteTables, cancellationToken);
    }

    /// <summary>
    /// Every entry of a transit-router route table. Without a TransitRouterRouteEntryStatus filter the service lists
    /// only Active entries (cloud-apis.md §2.4).
    /// </summary>
    public static IAsyncEnumerable<TransitRouteEntryItem> ListAllTransitRouterRouteEntriesAsync(this ICbnApi api, ListTransitRouterRouteEntriesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByNextTokenAsync(api.ListTransitRouterRouteEntriesAsync, request, PageSizes.CbnDocumentedMaximum, r => r.TransitRouterRouteEntries, cancellationToken);
    }

    public static IAsyncEnumerable<RouteTableAssociationItem> ListAllTransitRouterRouteTableAssociationsAsync(this ICbnApi api, ListTransitRouterRouteTableAssociationsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByNextTokenAsync(api.ListTransitRouterRouteTableAssociationsAsync, request, PageSizes.CbnUndocumentedMaximum, r => r.TransitRouterAssociations, cancellationToken);
    }
}
