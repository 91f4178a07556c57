using System.Net;
using System.Text.Json.Serialization;
using AcrReach.Core.Addressing;

namespace AcrReach.Core.Planning;

/// <summary>
/// Something the planner found: a domain condition, never an exception. An error means some required path stays
/// broken; <see cref="Remedy"/> says what a person can do about it.
/// </summary>
public sealed record Finding(
    [property: JsonPropertyOrder(0)] string Code,
    [property: JsonPropertyOrder(1)] Severity Severity,
    [property: JsonPropertyOrder(2)] string Message,
    [property: JsonPropertyOrder(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source = null,
    [property: JsonPropertyOrder(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Registry = null,
    [property: JsonPropertyOrder(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RouteTableId = null,
    [property: JsonPropertyOrder(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonConverter(typeof(NullableCidrJsonConverter))] IPNetwork? Destination = null,
    [property: JsonPropertyOrder(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Remedy = null);

[JsonConverter(typeof(CamelCaseEnumConverter<Severity>))]
public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>
/// Finding codes. The first nine are the contract (ARCHITECTURE.md) and keep their meaning; the rest were added by
/// the planner for conditions the contract does not name.
/// </summary>
public static class FindingCodes
{
    /// <summary>A route AcrReach needs has the destination of an existing (or another rule's) route with another next hop; never replaced.</summary>
    public const string RouteConflict = nameof(RouteConflict);

    /// <summary>The auth address lies inside the registry VPC's blocks (the 100-block pitfall): enable auth-domain takeover.</summary>
    public const string AuthAddressConflict = nameof(AuthAddressConflict);

    /// <summary>The OSS address (or a published range) lies inside the registry VPC's blocks: reach OSS through PrivateLink.</summary>
    public const string OssAddressConflict = nameof(OssAddressConflict);

    /// <summary>An endpoint address lies inside the source's own networks or its region's service addresses.</summary>
    public const string AddressInSourceNetwork = nameof(AddressInSourceNetwork);

    /// <summary>No transit path: not attached, no peering, an unassociated attachment, a next hop outside the network, ...</summary>
    public const string NoTransitPath = nameof(NoTransitPath);

    /// <summary>The registry's VPC does not route back to a CIDR of the source (the "connect the networks" step).</summary>
    public const string ReturnPathMissing = nameof(ReturnPathMissing);

    /// <summary>100.0.0.0/8 would capture a block in use; host routes were planned in that table instead.</summary>
    public const string BlockCollision = nameof(BlockCollision);

    /// <summary>One instance pulled from many regions: replicate to instances in those regions.</summary>
    public const string UseReplication = nameof(UseReplication);

    /// <summary>A rule names a VPC, registry or data center the account does not have.</summary>
    public const string UnknownResource = nameof(UnknownResource);

    /// <summary>The registry has no VPC endpoint linked to any VPC, so there is no address to reach.</summary>
    public const string RegistryNotLinked = nameof(RegistryNotLinked);

    /// <summary>An endpoint name has no known address in the registry's region.</summary>
    public const string EndpointUnresolved = nameof(EndpointUnresolved);

    /// <summary>Routes a data center must add on its own router toward its VBR/VPN connection (not an action).</summary>
    public const string DataCenterRoutes = nameof(DataCenterRoutes);

    /// <summary>A same-region VPC gets its DNS records from Container Registry when it is linked.</summary>
    public const string LinkDnsRecords = nameof(LinkDnsRecords);

    /// <summary>The registry address depends on a VPC link this plan creates: plan again after it is applied.</summary>
    public const string PendingLink = nameof(PendingLink);

    /// <summary>A source VPC has no vSwitch: nothing in it can pull, nothing is planned for it.</summary>
    public const string NoVSwitch = nameof(NoVSwitch);

    /// <summary>Routes kept changing pass after pass (rules undoing each other's paths): plan again after applying.</summary>
    public const string PlanUnsettled = nameof(PlanUnsettled);

    /// <summary>PublishedRanges is asked for a region whose OSS VIP ranges are unknown; the address alone is routed.</summary>
    public const string OssRangesUnknown = nameof(OssRangesUnknown);

    /// <summary>Routes AcrReach made are no longer needed, but none is removed: the account was not read whole, or a path could not be traced.</summary>
    public const string RemovalsWithheld = nameof(RemovalsWithheld);
}
