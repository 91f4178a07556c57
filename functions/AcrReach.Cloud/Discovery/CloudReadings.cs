using System.Collections.Immutable;
using System.Net;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.Vpc;

namespace AcrReach.Cloud.Discovery;

/// <summary>Everything discovery read, as the APIs answered it: the input of the pure <see cref="DiscoveryMapping"/>.</summary>
internal sealed record CloudReadings(
    ImmutableArray<string> Regions,
    ImmutableArray<RegionReadings> RegionReads,
    ImmutableArray<RouterReadings> Routers,
    ImmutableArray<RegistryReadings> Registries,
    ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, IPAddress>> Names);

/// <summary>One region's VPCs, vSwitches and route tables (listed region-wide), and each table's entries.</summary>
internal sealed record RegionReadings(
    string Region,
    ImmutableArray<VpcItem> Vpcs,
    ImmutableArray<VSwitchItem> VSwitches,
    ImmutableArray<RouteTableItem> RouteTables,
    ImmutableDictionary<string, ImmutableArray<RouteEntryItem>> Entries);

/// <summary>One transit router, its attachments of each kind, its route tables, their associations and entries (every status).</summary>
internal sealed record RouterReadings(
    TransitRouterItem Router,
    ImmutableArray<VpcAttachmentItem> VpcAttachments,
    ImmutableArray<PeerAttachmentItem> PeerAttachments,
    ImmutableArray<VbrAttachmentItem> VbrAttachments,
    ImmutableArray<VpnAttachmentItem> VpnAttachments,
    ImmutableArray<TransitRouteTableItem> RouteTables,
    ImmutableDictionary<string, ImmutableArray<RouteTableAssociationItem>> Associations,
    ImmutableDictionary<string, ImmutableArray<TransitRouteEntryItem>> Entries);

/// <summary>A registry instance, its Registry VPC endpoint, and the realm of its token challenge (null: unreachable).</summary>
internal sealed record RegistryReadings(CrInstanceItem Instance, GetInstanceVpcEndpointResponse Endpoint, Uri? Realm);
