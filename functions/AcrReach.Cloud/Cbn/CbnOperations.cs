using AcrReach.Cloud.Endpoints;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Cbn;

/// <summary>The CBN 2017-09-12 (CEN transit router) actions AcrReach calls; RAM code <c>cen</c>.</summary>
public static class CbnOperations
{
    private static CbnJsonContext Json => CbnJsonContext.Default;

    public static readonly ApiOperation<DescribeCensRequest, DescribeCensResponse> DescribeCens = new(
        CloudProduct.Cbn, "DescribeCens", ApiAccess.Read, Json.DescribeCensRequest, Json.DescribeCensResponse);

    public static readonly ApiOperation<ListTransitRoutersRequest, ListTransitRoutersResponse> ListTransitRouters = new(
        CloudProduct.Cbn, "ListTransitRouters", ApiAccess.Read, Json.ListTransitRoutersRequest, Json.ListTransitRoutersResponse);

    public static readonly ApiOperation<ListTransitRouterVpcAttachmentsRequest, ListTransitRouterVpcAttachmentsResponse> ListTransitRouterVpcAttachments = new(
        CloudProduct.Cbn, "ListTransitRouterVpcAttachments", ApiAccess.Read, Json.ListTransitRouterVpcAttachmentsRequest, Json.ListTransitRouterVpcAttachmentsResponse);

    public static readonly ApiOperation<ListTransitRouterPeerAttachmentsRequest, ListTransitRouterPeerAttachmentsResponse> ListTransitRouterPeerAttachments = new(
        CloudProduct.Cbn, "ListTransitRouterPeerAttachments", ApiAccess.Read, Json.ListTransitRouterPeerAttachmentsRequest, Json.ListTransitRouterPeerAttachmentsResponse);

    public static readonly ApiOperation<ListTransitRouterVbrAttachmentsRequest, ListTransitRouterVbrAttachmentsResponse> ListTransitRouterVbrAttachments = new(
        CloudProduct.Cbn, "ListTransitRouterVbrAttachments", ApiAccess.Read, Json.ListTransitRouterVbrAttachmentsRequest, Json.ListTransitRouterVbrAttachmentsResponse);

    public static readonly ApiOperation<ListTransitRouterVpnAttachmentsRequest, ListTransitRouterVpnAttachmentsResponse> ListTransitRouterVpnAttachments = new(
        CloudProduct.Cbn, "ListTransitRouterVpnAttachments", ApiAccess.Read, Json.ListTransitRouterVpnAttachmentsRequest, Json.ListTransitRouterVpnAttachmentsResponse);

    public static readonly ApiOperation<ListTransitRouterRouteTablesRequest, ListTransitRouterRouteTablesResponse> ListTransitRouterRouteTables = new(
        CloudProduct.Cbn, "ListTransitRouterRouteTables", ApiAccess.Read, Json.ListTransitRouterRouteTablesRequest, Json.ListTransitRouterRouteTablesResponse);

    public static readonly ApiOperation<ListTransitRouterRouteEntriesRequest, ListTransitRouterRouteEntriesResponse> ListTransitRouterRouteEntries = new(
        CloudProduct.Cbn, "ListTransitRouterRouteEntries", ApiAccess.Read, Json.ListTransitRouterRouteEntriesRequest, Json.ListTransitRouterRouteEntriesResponse);

    public static readonly ApiOperation<ListTransitRouterRouteTableAssociationsRequest, ListTransitRouterRouteTableAssociationsResponse> ListTransitRouterRouteTableAssociations = new(
        CloudProduct.Cbn, "ListTransitRouterRouteTableAssociations", ApiAccess.Read, Json.ListTransitRouterRouteTableAssociationsRequest, Json.ListTransitRouterRouteTableAssociationsResponse);

    public static readonly ApiOperation<CreateTransitRouterRouteEntryRequest, CreateTransitRouterRouteEntryResponse> CreateTransitRouterRouteEntry = new(
        CloudProduct.Cbn, "CreateTransitRouterRouteEntry", ApiAccess.Write, Json.CreateTransitRouterRouteEntryRequest, Json.CreateTransitRouterRouteEntryResponse, sendsClientToken: true);

    public static readonly ApiOperation<DeleteTransitRouterRouteEntryRequest, DeleteTransitRouterRouteEntryResponse> DeleteTransitRouterRouteEntry = new(
        CloudProduct.Cbn, "DeleteTransitRouterRouteEntry", ApiAccess.Write, Json.DeleteTransitRouterRouteEntryRequest, Json.DeleteTransitRouterRouteEntryResponse, sendsClientToken: true);
}
