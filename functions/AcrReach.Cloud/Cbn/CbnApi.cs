using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Cbn;

/// <summary>CBN calls through <see cref="OpenApiClient"/> to the central endpoint.</summary>
public sealed class CbnApi(OpenApiClient client) : ICbnApi
{
    private readonly OpenApiClient _client = client ?? throw new ArgumentNullException(nameof(client));

    public Task<DescribeCensResponse> DescribeCensAsync(DescribeCensRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CbnOperations.DescribeCens, request, null, cancellationToken);

    public Task<ListTransitRoutersResponse> ListTransitRoutersAsync(ListTransitRoutersRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CbnOperations.ListTransitRouters, request, null, cancellationToken);

    public Task<ListTransitRouterVpcAttachmentsResponse> ListTransitRouterVpcAttachmentsAsync(ListTransitRouterVpcAttachmentsRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CbnOperations.ListTransitRouterVpcAttachments, request, null, cancellationToken);

    public Task<ListTransitRouterPeerAttachmentsResponse> ListTransitRouterPeerAttachmentsAsync(ListTransitRouterPeerAttachmentsRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CbnOperations.ListTransitRouterPeerAttachments, request, null, cancellationToken);

    public Task<ListTransitRouterVbrAttachmentsResponse> ListTransitRouterVbrAttachmentsAsync(ListTransitRouterVbrAttachmentsRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CbnOperations.ListTransitRouterVbrAttachments, request, null, cancellationToken);

    public Task<ListTransitRouterVpnAttachmentsResponse> ListTransitRouterVpnAttachmentsAsync(ListTransitRouterVpnAttachmentsRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CbnOperations.ListTransitRouterVpnAttachments, request, null, cancellationToken);

    public Task<ListTransitRouterRouteTablesResponse> ListTransitRouterRouteTablesAsync(ListTransitRouterRouteTablesRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CbnOperations.ListTransitRouterRouteTables, request, null, cancellationToken);

    public Task<ListTransitRouterRouteEntriesResponse> ListTransitRouterRouteEntriesAsync(ListTransitRouterRouteEntriesRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CbnOperations.ListTransitRouterRouteEntries, request, null, cancellationToken);

    public Task<ListTransitRouterRouteTableAssociationsResponse> ListTransitRouterRouteTableAssociationsAsync(ListTransitRouterRouteTableAssociationsRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CbnOperations.ListTransitRouterRouteTableAssociations, request, null, cancellationToken);

    public Task<CreateTransitRouterRouteEntryResponse> CreateTransitRouterRouteEntryAsync(CreateTransitRouterRouteEntryRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CbnOperations.CreateTransitRouterRouteEntry, request, null, cancellationToken);

    public Task<DeleteTransitRouterRouteEntryResponse> DeleteTransitRouterRouteEntryAsync(DeleteTransitRouterRouteEntryRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync(CbnOperations.DeleteTransitRouterRouteEntry, request, null, cancellationToken);
}
