using System.Text.Json.Serialization;

namespace AcrReach.Core.Scenarios;

// The scenario file's wire shape (../shared/scenarios/FORMAT.md). Strings only: ScenarioReader turns it into
// the typed Account and says exactly where a value is wrong. Unknown members are refused by ScenarioJsonContext.

public sealed class ScenarioDocument
{
    public required string AccountId { get; init; }

    public List<MemberAccountDocument>? Accounts { get; init; }

    public List<VpcDocument>? Vpcs { get; init; }

    public List<TransitRouterDocument>? TransitRouters { get; init; }

    public List<RegistryDocument>? Registries { get; init; }

    public SortedDictionary<string, SortedDictionary<string, string>>? RegionalEndpoints { get; init; }

    public SortedDictionary<string, List<string>>? OssVipRanges { get; init; }

    public List<DataCenterDocument>? DataCenters { get; init; }

    public PolicyDocument? Policy { get; init; }

    public List<PrivateZoneDocument>? PrivateZones { get; init; }
}

/// <summary>A policy file: the scenario's <c>dataCenters</c>, <c>policy</c> and <c>ossVipRanges</c> sections on their own.</summary>
public sealed class PolicyFileDocument
{
    public List<MemberAccountDocument>? Accounts { get; init; }

    public List<DataCenterDocument>? DataCenters { get; init; }

    public PolicyDocument? Policy { get; init; }

    public SortedDictionary<string, List<string>>? OssVipRanges { get; init; }
}

public sealed class MemberAccountDocument
{
    public required string AccountId { get; init; }

    public required string RoleName { get; init; }
}

public sealed class VpcDocument
{
    public required string Id { get; init; }

    public required string Region { get; init; }

    public string? AccountId { get; init; }

    public required List<string> Cidrs { get; init; }

    public SortedDictionary<string, string>? Tags { get; init; }

    public List<VSwitchDocument>? Vswitches { get; init; }

    public List<RouteTableDocument>? RouteTables { get; init; }
}

public sealed class VSwitchDocument
{
    public required string Id { get; init; }

    public string? Zone { get; init; }

    public required string Cidr { get; init; }

    public required string RouteTableId { get; init; }
}

public sealed class RouteTableDocument
{
    public required string Id { get; init; }

    public string? Type { get; init; }

    public List<RouteEntryDocument>? Entries { get; init; }
}

public sealed class RouteEntryDocument
{
    public required string Destination { get; init; }

    public required string NextHopType { get; init; }

    public string? NextHopId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }
}

public sealed class TransitRouterDocument
{
    public required string Id { get; init; }

    public required string Region { get; init; }

    public string? AccountId { get; init; }

    public string? CenId { get; init; }

    public List<AttachmentDocument>? Attachments { get; init; }

    public List<TransitRouteTableDocument>? RouteTables { get; init; }
}

public sealed class AttachmentDocument
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public string? VpcId { get; init; }

    public string? PeerTransitRouterId { get; init; }

    public string? DataCenter { get; init; }
}

public sealed class TransitRouteTableDocument
{
    public required string Id { get; init; }

    public bool? Default { get; init; }

    public List<string>? Associations { get; init; }

    public List<TransitRouteEntryDocument>? Entries { get; init; }
}

public sealed class TransitRouteEntryDocument
{
    public required string Destination { get; init; }

    public required string NextHopType { get; init; }

    public string? NextHopId { get; init; }

    public string? Origin { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }
}

public sealed class RegistryDocument
{
    public required string InstanceId { get; init; }

    public required string InstanceName { get; init; }

    public required string Region { get; init; }

    public string? AccountId { get; init; }

    public List<VpcEndpointDocument>? VpcEndpoints { get; init; }

    public bool? AuthDomainTakeover { get; init; }

    public string? OssBucket { get; init; }

    public string? OssPrivateLinkIp { get; init; }
}

public sealed class VpcEndpointDocument
{
    public required string VpcId { get; init; }

    public required string VswitchId { get; init; }

    public required string Ip { get; init; }
}

public sealed class DataCenterDocument
{
    public required string Name { get; init; }

    public required List<string> Cidrs { get; init; }
}

public sealed class PolicyDocument
{
    public List<ReachRuleDocument>? Reach { get; init; }

    public string? TransitRouteScope { get; init; }

    public string? OssRouteScope { get; init; }
}

public sealed class ReachRuleDocument
{
    public required ReachSourceDocument From { get; init; }

    public required string Registry { get; init; }
}

public sealed class ReachSourceDocument
{
    public string? VpcId { get; init; }

    public string? DataCenter { get; init; }
}

public sealed class PrivateZoneDocument
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The zone's remark (<c>acr-reach</c> on a zone AcrReach made).</summary>
    public string? Remark { get; init; }

    public List<ZoneRecordDocument>? Records { get; init; }

    public List<ZoneBindingDocument>? Vpcs { get; init; }
}

public sealed class ZoneRecordDocument
{
    public required string Rr { get; init; }

    public required string Type { get; init; }

    public required string Value { get; init; }

    public int? Ttl { get; init; }

    /// <summary>The record's remark (<c>acr-reach</c> on a record AcrReach made).</summary>
    public string? Remark { get; init; }
}

public sealed class ZoneBindingDocument
{
    public required string VpcId { get; init; }

    public string? RegionId { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ScenarioDocument))]
[JsonSerializable(typeof(PolicyFileDocument))]
public sealed partial class ScenarioJsonContext : JsonSerializerContext;
