using System.Collections.Immutable;

namespace AcrReach.Cloud.Cr;

public sealed record GetInstanceVpcEndpointRequest
{
    /// <inheritdoc cref="GetInstanceRequest.RegionId"/>
    public string? RegionId { get; init; }

    public string? InstanceId { get; init; }

    /// <summary><c>Registry</c> or <c>Chart</c>.</summary>
    public string? ModuleName { get; init; }
}

public sealed record GetInstanceVpcEndpointResponse : CrResult
{
    public bool? Enable { get; init; }

    public string? ModuleName { get; init; }

    /// <summary>The registry's VPC domain names.</summary>
    public ImmutableArray<string> Domains { get => field.IsDefault ? [] : field; init; }

    public ImmutableArray<LinkedVpc> LinkedVpcs { get => field.IsDefault ? [] : field; init; }
}

/// <summary>
/// A VPC linked to the instance; <see cref="Ip"/> is the registry endpoint inside <see cref="VswitchId"/>, the /32
/// remote networks must route to. Match on VpcId AND VswitchId (Terraform does).
/// </summary>
public sealed record LinkedVpc
{
    public string? VpcId { get; init; }

    /// <summary>Sic: "Vswitch", lower-case s.</summary>
    public string? VswitchId { get; init; }

    public string? Ip { get; init; }

    /// <summary><c>CREATING</c> or <c>RUNNING</c>.</summary>
    public string? Status { get; init; }

    public bool? DefaultAccess { get; init; }

    /// <summary>E.g. <c>PRIVATE_ZONE_CONFLICT_AT_{zoneId}</c>.</summary>
    public string? Issue { get; init; }
}

/// <summary>
/// CR CreateInstanceVpcEndpointLinkedVpc: links a VPC (asynchronous: the LinkedVpcs item goes CREATING, then
/// RUNNING). No ClientToken and no DryRun.
/// </summary>
public sealed record CreateInstanceVpcEndpointLinkedVpcRequest
{
    /// <inheritdoc cref="GetInstanceRequest.RegionId"/>
    public string? RegionId { get; init; }

    public string? InstanceId { get; init; }

    public string? VpcId { get; init; }

    public string? VswitchId { get; init; }

    public string? ModuleName { get; init; }

    /// <summary>Sic "Pvzt": have CR create the PrivateZone records itself.</summary>
    public bool? EnableCreateDNSRecordInPvzt { get; init; }
}

public sealed record CreateInstanceVpcEndpointLinkedVpcResponse : CrResult;
