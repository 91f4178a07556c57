using System.Collections.Immutable;
using System.Net;
using AcrReach.Core.Endpoints;

namespace AcrReach.Core.Topology;

/// <summary>
/// The network state of one Alibaba Cloud account as AcrReach sees it, plus its reach policy: what a
/// scenario file describes and what discovery reads from the cloud.
/// </summary>
public sealed record Account(
    string AccountId,
    ImmutableArray<Vpc> Vpcs,
    ImmutableArray<TransitRouter> TransitRouters,
    ImmutableArray<Registry> Registries,
    RegionalEndpoints RegionalEndpoints,
    ImmutableSortedDictionary<string, ImmutableArray<IPNetwork>> OssVipRangeOverrides,
    ImmutableArray<DataCenter> DataCenters,
    ReachPolicy Policy)
{
    /// <summary>PrivateZone zones of the account (optional in a scenario; the local cloud serves and records them).</summary>
    public ImmutableArray<PrivateZone> PrivateZones { get; init; } = [];

    /// <summary>
    /// The member accounts whose resources AcrReach reaches by assuming a role in each (the scenario's <c>accounts</c>).
    /// <see cref="AccountId"/> itself is the network account, where AcrReach runs with its own credentials.
    /// </summary>
    public ImmutableArray<MemberAccount> Members { get; init; } = [];

    /// <summary>
    /// The owner of each VPC, transit router and registry (by id) that another account owns; a resource not listed
    /// here belongs to <see cref="AccountId"/>. The planner does not read this: ownership decides only whose
    /// credentials read and write a resource.
    /// </summary>
    public ImmutableSortedDictionary<string, string> Owners { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>The account that owns the VPC, transit router or registry <paramref name="resourceId"/>.</summary>
    public string OwnerOf(string resourceId) => Owners.TryGetValue(resourceId, out var owner) ? owner : AccountId;

    public MemberAccount? FindMember(string accountId) => Members.FirstOrDefault(m => m.AccountId == accountId);

    public Vpc? FindVpc(string vpcId) => Vpcs.FirstOrDefault(v => v.Id == vpcId);

    public Registry? FindRegistry(string instanceId) => Registries.FirstOrDefault(r => r.InstanceId == instanceId);

    public DataCenter? FindDataCenter(string name) => DataCenters.FirstOrDefault(d => d.Name == name);

    public TransitRouter? FindTransitRouter(string id) => TransitRouters.FirstOrDefault(t => t.Id == id);
}

/// <summary>A member account and the RAM role AcrReach assumes in it: <c>acs:ram::{AccountId}:role/{RoleName}</c>.</summary>
public sealed record MemberAccount(string AccountId, string RoleName)
{
    public string RoleArn => $"acs:ram::{AccountId}:role/{RoleName}";
}

/// <summary>A VPC: its CIDR blocks (primary first), tags, vSwitches and route tables.</summary>
public sealed record Vpc(
    string Id,
    string Region,
    ImmutableArray<IPNetwork> Cidrs,
    ImmutableSortedDictionary<string, string> Tags,
    ImmutableArray<VSwitch> VSwitches,
    ImmutableArray<RouteTable> RouteTables)
{
    public RouteTable? FindRouteTable(string routeTableId) => RouteTables.FirstOrDefault(t => t.Id == routeTableId);

    /// <summary>The system route table: the one every vSwitch without a custom table uses.</summary>
    public RouteTable? SystemRouteTable =>
        RouteTables.FirstOrDefault(t => t.Type == RouteTableType.System) ?? RouteTables.FirstOrDefault();
}

public sealed record VSwitch(string Id, string Zone, IPNetwork Cidr, string RouteTableId);

public enum RouteTableType
{
    System,
    Custom,
}

/// <summary>A VPC route table. Each destination appears once (the cloud refuses duplicates).</summary>
public sealed record RouteTable(string Id, RouteTableType Type, ImmutableArray<RouteEntry> Entries);

/// <summary>
/// A VPC route entry. <see cref="NextHopType"/> is open-ended (the cloud has more types than AcrReach follows);
/// see <see cref="VpcNextHopTypes"/> for the ones with meaning here.
/// </summary>
public sealed record RouteEntry(IPNetwork Destination, string NextHopType, string? NextHopId, string? Name, string? Description = null);

public static class VpcNextHopTypes
{
    /// <summary>Delivered inside the VPC: a vSwitch, or the region's cloud services for 100.64.0.0/10.</summary>
    public const string Local = "Local";

    /// <summary>A transit-router attachment: next hop id is the VPC's own tr-attach-... id.</summary>
    public const string Attachment = "Attachment";
}

/// <summary>A CEN transit router in one region, with its attachments and route tables.</summary>
public sealed record TransitRouter(
    string Id,
    string Region,
    string CenId,
    ImmutableArray<Attachment> Attachments,
    ImmutableArray<TransitRouteTable> RouteTables)
{
    public Attachment? FindAttachment(string attachmentId) => Attachments.FirstOrDefault(a => a.Id == attachmentId);

    /// <summary>The route table an attachment's traffic is looked up in: the one associated with it.</summary>
    public TransitRouteTable? RouteTableAssociatedWith(string attachmentId) =>
        RouteTables.FirstOrDefault(t => t.Associations.Contains(attachmentId));
}

public enum AttachmentType
{
    Vpc,
    Peer,
    Vbr,
    Vpn,
}

/// <summary>
/// A transit-router attachment. Exactly one of <see cref="VpcId"/>, <see cref="PeerTransitRouterId"/> and
/// <see cref="DataCenter"/> is set, by <see cref="Type"/>. A peer attachment has one id, listed on both routers.
/// </summary>
public sealed record Attachment(string Id, AttachmentType Type, string? VpcId, string? PeerTransitRouterId, string? DataCenter);

public sealed record TransitRouteTable(
    string Id,
    bool IsDefault,
    ImmutableArray<string> Associations,
    ImmutableArray<TransitRouteEntry> Entries);

public enum TransitNextHopType
{
    Attachment,
    BlackHole,
}

public enum RouteOrigin
{
    Static,
    Propagated,
}

public sealed record TransitRouteEntry(
    IPNetwork Destination,
    TransitNextHopType NextHopType,
    string? NextHopId,
    RouteOrigin Origin,
    string? Name = null,
    string? Description = null);

/// <summary>A Container Registry Enterprise Edition instance.</summary>
public sealed record Registry(
    string InstanceId,
    string InstanceName,
    string Region,
    ImmutableArray<VpcEndpoint> VpcEndpoints,
    bool AuthDomainTakeover,
    string? OssBucket,
    IPAddress? OssPrivateLinkIp)
{
    /// <summary>
    /// The host <c>docker login</c> is sent to: the realm of the registry's <c>/v2/</c> challenge when it names another
    /// host than the regional <c>dockerauth-vpc</c> one (both names are seen in the wild and no reference fixes
    /// either); null for the regional name. Routes and records are planned for this host's address.
    /// </summary>
    public string? AuthHost { get; init; }

    /// <summary>The auth host routed and resolved: <see cref="AuthHost"/>, else the regional name.</summary>
    public string AuthName => AuthHost ?? EndpointNames.Auth(Region);
}

/// <summary>The instance's address inside one linked VPC.</summary>
public sealed record VpcEndpoint(string VpcId, string VswitchId, IPAddress Ip);

/// <summary>An on-premises network reached through a VBR (Express Connect) or VPN attachment.</summary>
public sealed record DataCenter(string Name, ImmutableArray<IPNetwork> Cidrs);

/// <summary>What the endpoint domain names resolve to inside each region's VPCs.</summary>
public sealed record RegionalEndpoints(ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, IPAddress>> ByRegion)
{
    public static readonly RegionalEndpoints Empty = new(ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, IPAddress>>.Empty.WithComparers(StringComparer.Ordinal));

    public IPAddress? Resolve(string region, string hostName) =>
        ByRegion.TryGetValue(region, out var names) && names.TryGetValue(hostName, out var address) ? address : null;
}

/// <summary>A PrivateZone zone: its records and the VPCs it is bound to (BindZoneVpc replaces the whole set).</summary>
public sealed record PrivateZone(string Id, string Name, ImmutableArray<ZoneRecord> Records, ImmutableArray<ZoneBinding> Vpcs)
{
    /// <summary>The zone's remark: AcrReach's mark on a zone it made (set with UpdateZoneRemark: AddZone takes none).</summary>
    public string? Remark { get; init; }
}

/// <summary>A record of a zone: <see cref="Rr"/> is the host part (<c>@</c> for the apex).</summary>
public sealed record ZoneRecord(string Rr, string Type, string Value, int Ttl)
{
    /// <summary>The record's remark: AcrReach's mark on a record it made.</summary>
    public string? Remark { get; init; }
}

public sealed record ZoneBinding(string VpcId, string RegionId);
