using System.Text.Json.Serialization;

namespace AcrReach.Cloud.Cbn;

/// <summary>Source-generated JSON for the CBN models; unknown answer fields are ignored, numbers may come as strings.</summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ListTransitRoutersRequest))]
[JsonSerializable(typeof(ListTransitRoutersResponse))]
[JsonSerializable(typeof(ListTransitRouterVpcAttachmentsRequest))]
[JsonSerializable(typeof(ListTransitRouterVpcAttachmentsResponse))]
[JsonSerializable(typeof(ListTransitRouterPeerAttachmentsRequest))]
[JsonSerializable(typeof(ListTransitRouterPeerAttachmentsResponse))]
[JsonSerializable(typeof(ListTransitRouterVbrAttachmentsRequest))]
[JsonSerializable(typeof(ListTransitRouterVbrAttachmentsResponse))]
[JsonSerializable(typeof(ListTransitRouterVpnAttachmentsRequest))]
[JsonSerializable(typeof(ListTransitRouterVpnAttachmentsResponse))]
[JsonSerializable(typeof(ListTransitRouterRouteTablesRequest))]
[JsonSerializable(typeof(ListTransitRouterRouteTablesResponse))]
[JsonSerializable(typeof(ListTransitRouterRouteEntriesRequest))]
[JsonSerializable(typeof(ListTransitRouterRouteEntriesResponse))]
[JsonSerializable(typeof(ListTransitRouterRouteTableAssociationsRequest))]
[JsonSerializable(typeof(ListTransitRouterRouteTableAssociationsResponse))]
[JsonSerializable(typeof(CreateTransitRouterRouteEntryRequest))]
[JsonSerializable(typeof(CreateTransitRouterRouteEntryResponse))]
[JsonSerializable(typeof(DeleteTransitRouterRouteEntryRequest))]
[JsonSerializable(typeof(DeleteTransitRouterRouteEntryResponse))]
internal sealed partial class CbnJsonContext : JsonSerializerContext;
