using System.Net;
using System.Text.Json.Serialization;
using AcrReach.Core.Addressing;

namespace AcrReach.Core.Planning;

/// <summary>
/// One change a plan makes: a route to a VPC or transit-router table, or a VPC link to a registry's VPC endpoint; and,
/// only when pruning is asked for, the removal of a route AcrReach made that no rule needs. Every action names its
/// region (the applier calls that region's API) and a short reason.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(CreateTransitRoute), nameof(ActionKind.CreateTransitRoute))]
[JsonDerivedType(typeof(CreateVpcRoute), nameof(ActionKind.CreateVpcRoute))]
[JsonDerivedType(typeof(LinkVpcEndpoint), nameof(ActionKind.LinkVpcEndpoint))]
[JsonDerivedType(typeof(DeleteTransitRoute), nameof(ActionKind.DeleteTransitRoute))]
[JsonDerivedType(typeof(DeleteVpcRoute), nameof(ActionKind.DeleteVpcRoute))]
[JsonDerivedType(typeof(DeleteZoneRecord), nameof(ActionKind.DeleteZoneRecord))]
[JsonDerivedType(typeof(UnbindZoneVpc), nameof(ActionKind.UnbindZoneVpc))]
public abstract record PlanAction(
    [property: JsonPropertyOrder(20)] string Region,
    [property: JsonPropertyOrder(30)] string Reason)
{
    [JsonIgnore]
    public abstract ActionKind Kind { get; }

    /// <summary>The route description the applier writes: the AcrReach mark and the reason.</summary>
    [JsonIgnore]
    public string Description => AcrReachMark.Describe(Reason);

    /// <summary>True for a removal (<see cref="DeleteVpcRoute"/>, <see cref="DeleteTransitRoute"/>, <see cref="DeleteZoneRecord"/>, <see cref="UnbindZoneVpc"/>).</summary>
    [JsonIgnore]
    public bool IsRemoval => Kind is ActionKind.DeleteTransitRoute or ActionKind.DeleteVpcRoute or ActionKind.DeleteZoneRecord or ActionKind.UnbindZoneVpc;

    /// <summary>True for a removal of a route (not of DNS).</summary>
    [JsonIgnore]
    public bool IsRouteRemoval => Kind is ActionKind.DeleteTransitRoute or ActionKind.DeleteVpcRoute;
}

/// <summary>The order actions are listed, hashed and applied in.</summary>
public enum ActionKind
{
    CreateTransitRoute,
    CreateVpcRoute,
    LinkVpcEndpoint,
    DeleteTransitRoute,
    DeleteVpcRoute,
    DeleteZoneRecord,
    UnbindZoneVpc,
}

/// <summary>A route in a VPC route table; toward a transit router it is <c>NextHopType=Attachment</c> with the VPC's own attachment.</summary>
public sealed record CreateVpcRoute(
    [property: JsonPropertyOrder(1)] string RouteTableId,
    [property: JsonPropertyOrder(2), JsonConverter(typeof(CidrJsonConverter))] IPNetwork Destination,
    [property: JsonPropertyOrder(3)] string NextHopType,
    [property: JsonPropertyOrder(4)] string NextHopId,
    string Region,
    [property: JsonPropertyOrder(21)] string VpcId,
    string Reason) : PlanAction(Region, Reason)
{
    [JsonIgnore]
    public override ActionKind Kind => ActionKind.CreateVpcRoute;
}

/// <summary>A static route in a transit-router route table toward one of its attachments.</summary>
public sealed record CreateTransitRoute(
    [property: JsonPropertyOrder(1)] string RouteTableId,
    [property: JsonPropertyOrder(2), JsonConverter(typeof(CidrJsonConverter))] IPNetwork Destination,
    [property: JsonPropertyOrder(4)] string NextHopId,
    string Region,
    [property: JsonPropertyOrder(21)] string TransitRouterId,
    string Reason) : PlanAction(Region, Reason)
{
    [JsonIgnore]
    public override ActionKind Kind => ActionKind.CreateTransitRoute;
}

/// <summary>Links a VPC of the registry's own region to the instance's VPC endpoint (Container Registry creates the DNS records).</summary>
public sealed record LinkVpcEndpoint(
    [property: JsonPropertyOrder(1)] string InstanceId,
    [property: JsonPropertyOrder(2)] string VpcId,
    [property: JsonPropertyOrder(3)] string VswitchId,
    string Region,
    string Reason) : PlanAction(Region, Reason)
{
    [JsonIgnore]
    public override ActionKind Kind => ActionKind.LinkVpcEndpoint;
}

/// <summary>Removes a route AcrReach made (it carries the mark) from a VPC route table; the reason says why no rule needs it.</summary>
public sealed record DeleteVpcRoute(
    [property: JsonPropertyOrder(1)] string RouteTableId,
    [property: JsonPropertyOrder(2), JsonConverter(typeof(CidrJsonConverter))] IPNetwork Destination,
    [property: JsonPropertyOrder(3)] string NextHopType,
    [property: JsonPropertyOrder(4)] string? NextHopId,
    string Region,
    [property: JsonPropertyOrder(21)] string VpcId,
    string Reason) : PlanAction(Region, Reason)
{
    [JsonIgnore]
    public override ActionKind Kind => ActionKind.DeleteVpcRoute;
}

/// <summary>Removes a static route AcrReach made from a transit-router route table.</summary>
public sealed record DeleteTransitRoute(
    [property: JsonPropertyOrder(1)] string RouteTableId,
    [property: JsonPropertyOrder(2), JsonConverter(typeof(CidrJsonConverter))] IPNetwork Destination,
    [property: JsonPropertyOrder(4)] string? NextHopId,
    string Region,
    [property: JsonPropertyOrder(21)] string TransitRouterId,
    string Reason) : PlanAction(Region, Reason)
{
    [JsonIgnore]
    public override ActionKind Kind => ActionKind.DeleteTransitRoute;
}

/// <summary>
/// Removes a PrivateZone record AcrReach made (its remark is the mark) that no rule's DNS needs. PrivateZone is one
/// central service: <see cref="PlanAction.Region"/> is <see cref="CentralRegion"/>.
/// </summary>
public sealed record DeleteZoneRecord(
    [property: JsonPropertyOrder(1)] string ZoneId,
    [property: JsonPropertyOrder(2)] string ZoneName,
    [property: JsonPropertyOrder(3)] string Rr,
    [property: JsonPropertyOrder(4)] string Type,
    [property: JsonPropertyOrder(5)] string Value,
    string Region,
    string Reason) : PlanAction(Region, Reason)
{
    public const string CentralRegion = "central";

    [JsonIgnore]
    public override ActionKind Kind => ActionKind.DeleteZoneRecord;

    /// <summary>The full name the record answers for.</summary>
    [JsonIgnore]
    public string Name => Rr == "@" ? ZoneName : $"{Rr}.{ZoneName}";
}

/// <summary>
/// Unbinds a VPC from a zone AcrReach made (the zone's remark is the mark) when no rule of that VPC needs the zone.
/// PrivateZone has no unbind call: BindZoneVpc is sent with the zone's other bindings (platform.md §7).
/// </summary>
public sealed record UnbindZoneVpc(
    [property: JsonPropertyOrder(1)] string ZoneId,
    [property: JsonPropertyOrder(2)] string ZoneName,
    [property: JsonPropertyOrder(3)] string VpcId,
    string Region,
    string Reason) : PlanAction(Region, Reason)
{
    [JsonIgnore]
    public override ActionKind Kind => ActionKind.UnbindZoneVpc;
}
