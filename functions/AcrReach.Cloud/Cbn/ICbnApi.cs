namespace AcrReach.Cloud.Cbn;

/// <summary>
/// CBN 2017-09-12 transit-router calls, shaped like <c>AlibabaCloud.SDK.Cbn20170912.Client</c>. Central endpoint:
/// one client serves every region (RegionId is a filter).
/// </summary>
public interface ICbnApi
{
    Task<DescribeCensResponse> DescribeCensAsync(DescribeCensRequest request, CancellationToken cancellationToken = default);

    /// <summary>The routers of one CEN instance: older API references mark <c>CenId</c> required, so always send it.</summary>
    Task<ListTransitRoutersResponse> ListTransitRoutersAsync(ListTransitRoutersRequest request, CancellationToken cancellationToken = default);

    Task<ListTransitRouterVpcAttachmentsResponse> ListTransitRouterVpcAttachmentsAsync(ListTransitRouterVpcAttachmentsRequest request, CancellationToken cancellationToken = default);

    Task<ListTransitRouterPeerAttachmentsResponse> ListTransitRouterPeerAttachmentsAsync(ListTransitRouterPeerAttachmentsRequest request, CancellationToken cancellationToken = default);

    Task<ListTransitRouterVbrAttachmentsResponse> ListTransitRouterVbrAttachmentsAsync(ListTransitRouterVbrAttachmentsRequest request, CancellationToken cancellationToken = default);

    Task<ListTransitRouterVpnAttachmentsResponse> ListTransitRouterVpnAttachmentsAsync(ListTransitRouterVpnAttachmentsRequest request, CancellationToken cancellationToken = default);

    Task<ListTransitRouterRouteTablesResponse> ListTransitRouterRouteTablesAsync(ListTransitRouterRouteTablesRequest request, CancellationToken cancellationToken = default);

    Task<ListTransitRouterRouteEntriesResponse> ListTransitRouterRouteEntriesAsync(ListTransitRouterRouteEntriesRequest request, CancellationToken cancellationToken = default);

    Task<ListTransitRouterRouteTableAssociationsResponse> ListTransitRouterRouteTableAssociationsAsync(ListTransitRouterRouteTableAssociationsRequest request, CancellationToken cancellationToken = default);

    Task<CreateTransitRouterRouteEntryResponse> CreateTransitRouterRouteEntryAsync(CreateTransitRouterRouteEntryRequest request, CancellationToken cancellationToken = default);

    Task<DeleteTransitRouterRouteEntryResponse> DeleteTransitRouterRouteEntryAsync(DeleteTransitRouterRouteEntryRequest request, CancellationToken cancellationToken = default);
}
