using System.Net;
using AcrReach.Core.Topology;

namespace AcrReach.LocalCloud.State;

// The emulator's mutable model of one account. Only CloudState touches these, under its lock.

internal sealed class VpcState(string id, string region, List<IPNetwork> cidrs, SortedDictionary<string, string> tags, List<VSwitch> vSwitches)
{
    public string Id { get; } = id;

    public string Region { get; } = region;

    public List<IPNetwork> Cidrs { get; } = cidrs;

    public SortedDictionary<string, string> Tags { get; } = tags;

    public List<VSwitch> VSwitches { get; } = vSwitches;

    public List<RouteTableState> RouteTables { get; } = [];

    public string RouterId => Ids.VRouter(Id);

    /// <summary>True while a route write is in progress anywhere in the VPC: the VPC takes one route write at a time.</summary>
    public bool HasRouteWriteInProgress => RouteTables.Any(t => t.HasEntryInProgress);
}

internal sealed class RouteTableState(string id, RouteTableType type, VpcState vpc)
{
    public string Id { get; } = id;

    public RouteTableType Type { get; } = type;

    public VpcState Vpc { get; } = vpc;

    public List<RouteEntryState> Entries { get; } = [];

    public bool HasEntryInProgress => Entries.Any(e => e.Status != VpcRouteStatus.Available);
}

internal enum VpcRouteStatus
{
    Pending,
    Available,
    Deleting,
}

internal sealed class RouteEntryState(string id, IPNetwork destination, string nextHopType, string? nextHopId, string? name, string? description, bool isSystem)
{
    public string Id { get; } = id;

    public IPNetwork Destination { get; } = destination;

    public string NextHopType { get; } = nextHopType;

    public string? NextHopId { get; } = nextHopId;

    public string? Name { get; } = name;

    public string? Description { get; } = description;

    /// <summary>Created by the cloud with the VPC or a vSwitch (next hop Local): listed as Type System, never deletable.</summary>
    public bool IsSystem { get; } = isSystem;

    public VpcRouteStatus Status { get; set; } = VpcRouteStatus.Available;

    public DateTimeOffset Modified { get; set; }
}

internal sealed class TransitRouterState(string id, string region, string cenId, List<Attachment> attachments)
{
    public string Id { get; } = id;

    public string Region { get; } = region;

    public string CenId { get; } = cenId;

    public List<Attachment> Attachments { get; } = attachments;

    public List<TransitRouteTableState> RouteTables { get; } = [];

    public Attachment? FindAttachment(string attachmentId) => Attachments.FirstOrDefault(a => a.Id == attachmentId);
}

internal sealed class TransitRouteTableState(string id, TransitRouterState router, bool isDefault, List<string> associations)
{
    public string Id { get; } = id;

    public TransitRouterState Router { get; } = router;

    public bool IsDefault { get; } = isDefault;

    public List<string> Associations { get; } = associations;

    public List<TransitRouteEntryState> Entries { get; } = [];

    public bool HasEntryInProgress => Entries.Any(e => e.Status != TransitRouteStatus.Active);
}

internal enum TransitRouteStatus
{
    Creating,
    Active,
    Deleting,
}

internal sealed class TransitRouteEntryState(string? id, IPNetwork destination, TransitNextHopType nextHopType, string? nextHopId, RouteOrigin origin, string? name, string? description)
{
    /// <summary>Static entries only: propagated routes have no id.</summary>
    public string? Id { get; } = id;

    public IPNetwork Destination { get; } = destination;

    public TransitNextHopType NextHopType { get; } = nextHopType;

    public string? NextHopId { get; } = nextHopId;

    public RouteOrigin Origin { get; } = origin;

    public string? Name { get; } = name;

    public string? Description { get; } = description;

    public TransitRouteStatus Status { get; set; } = TransitRouteStatus.Active;

    public DateTimeOffset Created { get; set; }
}

internal sealed class RegistryState(Registry registry)
{
    public Registry Registry { get; } = registry;

    public List<LinkedVpcState> LinkedVpcs { get; } = [];
}

internal sealed class LinkedVpcState(string vpcId, string vswitchId, IPAddress ip)
{
    public string VpcId { get; } = vpcId;

    public string VswitchId { get; } = vswitchId;

    public IPAddress Ip { get; } = ip;

    /// <summary>CREATING until the endpoint settles, then RUNNING (GetInstanceVpcEndpoint's LinkedVpcs[].Status).</summary>
    public string Status { get; set; } = "RUNNING";
}

internal sealed class ZoneState(string id, string name, string proxyPattern, string? remark, DateTimeOffset created)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public string ProxyPattern { get; } = proxyPattern;

    /// <summary>Set by UpdateZoneRemark.</summary>
    public string? Remark { get; set; } = remark;

    public DateTimeOffset Created { get; } = created;

    public DateTimeOffset Updated { get; set; } = created;

    public List<ZoneRecordState> Records { get; } = [];

    public List<ZoneBinding> Vpcs { get; set; } = [];

    /// <summary>The VpcType of each binding that is not STANDARD (EDS workspace VPCs), by VPC id.</summary>
    public Dictionary<string, string> VpcTypes { get; set; } = new(StringComparer.Ordinal);
}

internal sealed class ZoneRecordState(long id, string rr, string type, string value, int ttl, int? priority, string? remark)
{
    public long Id { get; } = id;

    public string Rr { get; } = rr;

    public string Type { get; } = type;

    public string Value { get; } = value;

    public int Ttl { get; } = ttl;

    public int? Priority { get; } = priority;

    public string? Remark { get; } = remark;
}

/// <summary>One accepted write: the action, who made it (account, key, role) and what it acted on, with that resource's owner.</summary>
public sealed record WriteRecord(string Action, string AccountId, string AccessKeyId, string? RoleArn, string? Target, string? TargetAccountId, string RequestId);
