using System.Collections.Immutable;
using System.Net;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Discovery;

/// <summary>
/// An account as discovery read it: the model the planner works on (the same one a scenario describes), plus what the
/// model has no room for — the regions read, the status of every attachment and registry (for waiting until they are
/// ready), the routes still being created or deleted, and notes about what had to be guessed.
/// </summary>
public sealed record DiscoveredAccount(
    Account Account,
    ImmutableArray<string> Regions,
    ImmutableArray<AttachmentState> Attachments,
    ImmutableArray<RegistryState> Registries,
    ImmutableArray<PendingRoute> PendingRoutes,
    ImmutableArray<Finding> Notes)
{
    /// <summary>
    /// Only the paths of one scope were read (<see cref="PathDiscovery"/>): the model plans that scope as the whole account
    /// does, but holds only part of the account, so nothing may be concluded from what it lacks (no removals, no stale routes).
    /// </summary>
    public bool IsPartial { get; init; }
}

/// <summary>A transit-router attachment and its status (<c>Attaching</c>, <c>Attached</c>, <c>Detaching</c>).</summary>
/// <param name="NetworkId">The VPC id, VBR id (<c>vbr-</c>), VPN connection id (<c>vco-</c>) or peer router id.</param>
/// <param name="Name">The attachment's name: for a VBR/VPN attachment, the data center it leads to.</param>
public sealed record AttachmentState(string Id, AttachmentType Type, string TransitRouterId, string Region, string? NetworkId, string? Name, string Status)
{
    public bool IsReady => Status == "Attached";
}

/// <summary>A registry instance, its status (<c>RUNNING</c> when usable) and its VPC links with theirs (<c>CREATING</c>, <c>RUNNING</c>).</summary>
public sealed record RegistryState(string InstanceId, string InstanceName, string Region, string Status, ImmutableArray<VpcLinkState> Links)
{
    public bool IsReady => Status == "RUNNING";
}

public sealed record VpcLinkState(string VpcId, string VswitchId, IPAddress? Ip, string Status);

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RouteTableKind>))]
public enum RouteTableKind
{
    Vpc,
    TransitRouter,
}

/// <summary>
/// A route not yet in force (VPC <c>Pending</c>, transit router <c>Creating</c>) or going away (<c>Deleting</c>): left out
/// of the model, because it does not route (yet, or any more), but remembered so a run does not add it twice.
/// </summary>
public sealed record PendingRoute(RouteTableKind Kind, string RouteTableId, IPNetwork Destination, string? NextHopId, string Status, string? Name, string? Description);
