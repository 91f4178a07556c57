using System.Net;
using System.Text.Json.Serialization;
using AcrReach.Core.Addressing;

namespace AcrReach.Core.Planning;

/// <summary>
/// One change a plan makes. Plans only add: a route to a VPC or transit-router table, or a VPC link to a registry's
/// VPC endpoint. Every action names its region (the applier calls that region's API) and a short reason.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(CreateTransitRoute), nameof(ActionKind.CreateTransitRoute))]
[JsonDerivedType(typeof(CreateVpcRoute), nameof(ActionKind.CreateVpcRoute))]
[JsonDerivedType(typeof(LinkVpcEndpoint), nameof(ActionKind.LinkVpcEndpoint))]
public abstract record PlanAction(
    [property: JsonPropertyOrder(20)] string Region,
    [property: JsonPropertyOrder(30)] string Reason)
{
    [JsonIgnore]
    public abstract ActionKind Kind { get; }

    /// <summary>The route description the applier writes: the AcrReach mark and the reason.</summary>
    [JsonIgnore]
    public string Description => AcrReachMark.Describe(Reason);
}

/// <summary>The order actions are listed, hashed and applied in.</summary>
public enum ActionKind
{
    CreateTransitRoute,
    CreateVpcRoute,
    LinkVpcEndpoint,
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
