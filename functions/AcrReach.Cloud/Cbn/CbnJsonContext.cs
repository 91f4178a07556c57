using System.Text.Json.Serialization;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Cbn;

/// <summary>Source-generated JSON for the CBN models; unknown answer fields are ignored, numbers may come as strings and strings as numbers.</summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [
        typeof(ScalarAsStringConverter),
        typeof(NullAsEmptyArrayConverter<string>),
        typeof(NullAsEmptyArrayConverter<CloudTag>),
        typeof(NullAsEmptyArrayConverter<CenItem>),
        typeof(NullAsEmptyArrayConverter<TransitRouterItem>),
        typeof(NullAsEmptyArrayConverter<TransitRouterCidr>),
        typeof(NullAsEmptyArrayConverter<VpcAttachmentItem>),
        typeof(NullAsEmptyArrayConverter<ZoneMapping>),
        typeof(NullAsEmptyArrayConverter<PeerAttachmentItem>),
        typeof(NullAsEmptyArrayConverter<VbrAttachmentItem>),
        typeof(NullAsEmptyArrayConverter<VpnAttachmentItem>),
        typeof(NullAsEmptyArrayConverter<VpnAttachmentZone>),
        typeof(NullAsEmptyArrayConverter<TransitRouteTableItem>),
        typeof(NullAsEmptyArrayConverter<TransitRouteFilter>),
        typeof(NullAsEmptyArrayConverter<TransitRouteEntryItem>),
        typeof(NullAsEmptyArrayConverter<RouteTableAssociationItem>)])]
[JsonSerializable(typeof(DescribeCensRequest))]
[JsonSerializable(typeof(DescribeCensResponse))]
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
