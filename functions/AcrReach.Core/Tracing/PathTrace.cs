using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Serialization;
using AcrReach.Core.Addressing;

namespace AcrReach.Core.Tracing;

/// <summary>One required path followed hop by hop: what was traced, every table consulted, and where it ended.</summary>
public sealed record PathTrace(
    [property: JsonPropertyOrder(0)] PathDirection Direction,
    [property: JsonPropertyOrder(1)] string Source,
    [property: JsonPropertyOrder(2)] string Registry,
    [property: JsonPropertyOrder(3)] EndpointKind Endpoint,
    [property: JsonPropertyOrder(4)] string? Name,
    [property: JsonPropertyOrder(5), JsonConverter(typeof(CidrJsonConverter))] IPNetwork Destination,
    [property: JsonPropertyOrder(6)] string Start,
    [property: JsonPropertyOrder(8)] PathOutcome Outcome,
    [property: JsonPropertyOrder(9)] Arrival Expected,
    [property: JsonPropertyOrder(10)] Arrival? Arrival,
    [property: JsonPropertyOrder(11)] ImmutableArray<Hop> Hops)
{
    [JsonPropertyOrder(7)]
    public bool Reached => Outcome == PathOutcome.Reached;

    /// <summary>The hop where the path stopped short (the last one), or null when it was reached or never started.</summary>
    [JsonIgnore]
    public Hop? BrokenAt => Reached || Hops.IsEmpty ? null : Hops[^1];

    /// <summary>A path that could not be traced at all (unknown address, missing link): no hops.</summary>
    public static PathTrace Untraceable(PathSubject subject, IPNetwork destination, string start, Arrival expected, PathOutcome outcome) =>
        new(subject.Direction, subject.Source, subject.Registry, subject.Endpoint, subject.Name, destination, start, outcome, expected, null, []);
}

/// <summary>What a path is for: the planner's words for it, carried into the trace.</summary>
public sealed record PathSubject(PathDirection Direction, string Source, string Registry, EndpointKind Endpoint, string? Name)
{
    public static readonly PathSubject Anonymous = new(PathDirection.Forward, string.Empty, string.Empty, EndpointKind.Registry, null);
}

[JsonConverter(typeof(CamelCaseEnumConverter<PathDirection>))]
public enum PathDirection
{
    /// <summary>From the source toward a registry endpoint.</summary>
    Forward,

    /// <summary>From the registry's VPC back to one of the source's CIDR blocks.</summary>
    Return,
}

[JsonConverter(typeof(CamelCaseEnumConverter<EndpointKind>))]
public enum EndpointKind
{
    Registry,
    Auth,
    Oss,
    OssPrivateLink,

    /// <summary>A return path: the destination is a CIDR of the source.</summary>
    Source,
}

[JsonConverter(typeof(CamelCaseEnumConverter<PathOutcome>))]
public enum PathOutcome
{
    /// <summary>Delivered where it had to be.</summary>
    Reached,

    /// <summary>Delivered, but somewhere else (e.g. the source region's own cloud services).</summary>
    WrongPlace,

    /// <summary>A table had no route for it.</summary>
    NoRoute,

    /// <summary>A blackhole route dropped it.</summary>
    Dropped,

    /// <summary>A VPC route sent it to a next hop outside the modelled network (an instance, a VPN gateway, ...).</summary>
    LeftNetwork,

    /// <summary>A VPC route points at an attachment that is not the VPC's own.</summary>
    InvalidNextHop,

    /// <summary>It entered a transit router on an attachment that is associated with no route table.</summary>
    NotAssociated,

    /// <summary>A Local route matched but no vSwitch of the VPC holds the address.</summary>
    NotDelivered,

    /// <summary>It came back to a table it had already been looked up in.</summary>
    Loop,

    /// <summary>Too many hops: a routing loop the tracer could not pin down.</summary>
    HopLimit,

    /// <summary>The VPC is not linked to the registry's VPC endpoint (same-region access).</summary>
    NotLinked,

    /// <summary>The endpoint's address is unknown (its name is not resolved in the registry's region).</summary>
    Unresolved,
}

/// <summary>One table consulted on the way.</summary>
public sealed record Hop(
    [property: JsonPropertyOrder(0)] HopKind Kind,
    [property: JsonPropertyOrder(1)] string NodeId,
    [property: JsonPropertyOrder(2)] string Region,
    [property: JsonPropertyOrder(3)] string? RouteTableId,
    [property: JsonPropertyOrder(4)] string? Ingress,
    [property: JsonPropertyOrder(5)] MatchedRoute? Route,
    [property: JsonPropertyOrder(6)] HopResult Result,
    [property: JsonPropertyOrder(7)] string? Next,
    [property: JsonPropertyOrder(8)] Arrival? Arrival = null);

[JsonConverter(typeof(CamelCaseEnumConverter<HopKind>))]
public enum HopKind
{
    /// <summary>A VPC route table; <see cref="Hop.NodeId"/> is the VPC.</summary>
    Vpc,

    /// <summary>A transit-router route table; <see cref="Hop.NodeId"/> is the router.</summary>
    TransitRouter,
}

[JsonConverter(typeof(CamelCaseEnumConverter<HopResult>))]
public enum HopResult
{
    /// <summary>Sent on to <see cref="Hop.Next"/> (a router, a VPC, or for a next hop outside the network, its id).</summary>
    Forwarded,

    /// <summary>Delivered: see <see cref="Hop.Arrival"/>.</summary>
    Delivered,

    NoRoute,
    Dropped,
    LeftNetwork,
    InvalidNextHop,
    NotAssociated,
    NotDelivered,
    Loop,
}

/// <summary>The route a look-up matched (longest prefix), and where that route comes from.</summary>
public sealed record MatchedRoute(
    [property: JsonConverter(typeof(CidrJsonConverter))] IPNetwork Destination,
    string NextHopType,
    string? NextHopId,
    RouteProvenance Provenance);

[JsonConverter(typeof(CamelCaseEnumConverter<RouteProvenance>))]
public enum RouteProvenance
{
    /// <summary>An entry of the table (a VPC route, or a static transit-router route).</summary>
    Existing,

    /// <summary>A transit-router route learned by propagation.</summary>
    Propagated,

    /// <summary>A route every VPC table has without listing it: its vSwitch CIDRs and 100.64.0.0/10 (cloud services).</summary>
    Implicit,

    /// <summary>A route the plan adds.</summary>
    Planned,
}

/// <summary>Where a path was delivered: a vSwitch of a VPC, the cloud services of a region, or a data center.</summary>
public sealed record Arrival(ArrivalKind Kind, string Id, string? VSwitchId = null)
{
    public static Arrival AtVpc(string vpcId, string? vswitchId = null) => new(ArrivalKind.Vpc, vpcId, vswitchId);

    public static Arrival CloudServicesOf(string region) => new(ArrivalKind.CloudServices, region);

    public static Arrival AtDataCenter(string name) => new(ArrivalKind.DataCenter, name);

    /// <summary>True when this arrival satisfies <paramref name="expected"/> (any vSwitch of the expected VPC will do).</summary>
    public bool Satisfies(Arrival expected) =>
        Kind == expected.Kind && Id == expected.Id && (expected.VSwitchId is null || expected.VSwitchId == VSwitchId);

    public override string ToString() => Kind switch
    {
        ArrivalKind.Vpc when VSwitchId is not null => $"{VSwitchId} in {Id}",
        ArrivalKind.Vpc => $"a vSwitch of {Id}",
        ArrivalKind.CloudServices => $"cloud services of {Id}",
        _ => $"data center {Id}",
    };
}

[JsonConverter(typeof(CamelCaseEnumConverter<ArrivalKind>))]
public enum ArrivalKind
{
    Vpc,
    CloudServices,
    DataCenter,
}
