namespace AcrReach.Functions.Engine;

/// <summary>
/// Where a run looks: the event only names a place, the engine re-reads its state. Scopes are values, so a batch
/// naming the same place twice reconciles it once.
/// </summary>
public abstract record ReachScope
{
    private protected ReachScope()
    {
    }

    /// <summary>One line a person reads in a log or a chat answer.</summary>
    public abstract string Describe();
}

/// <summary>The whole account: every network the policy names (the sweep, <c>status</c>).</summary>
public sealed record AccountScope : ReachScope
{
    public static AccountScope Instance { get; } = new();

    public override string Describe() => "account";
}

/// <summary>
/// Every network in one region: the fallback when an event names a region but none of the ids the host
/// looks for (the event shapes are partly unconfirmed, so a wrong guess costs a wider look, not a missed run).
/// </summary>
public sealed record RegionScope(string Region) : ReachScope
{
    public override string Describe() => $"region {Region}";
}

public enum AttachmentKind
{
    Vpc,
    Vbr,
    Vpn,
}

/// <summary>
/// A transit-router attachment that was just created. At least one of <see cref="AttachmentId"/> and
/// <see cref="NetworkId"/> (the VPC, VBR or VPN connection id) is set.
/// </summary>
public sealed record AttachmentScope(
    AttachmentKind Kind,
    string? AttachmentId,
    string? NetworkId,
    string? TransitRouterId,
    string? Region) : ReachScope
{
    public override string Describe() =>
        $"{Kind.ToString().ToUpperInvariant()} attachment {AttachmentId ?? "(id not in event)"}"
        + (NetworkId is null ? string.Empty : $" of {NetworkId}")
        + (TransitRouterId is null ? string.Empty : $" on {TransitRouterId}")
        + (Region is null ? string.Empty : $" in {Region}");
}

/// <summary>
/// A registry instance (created, or its VPC endpoint changed): every network whose policy names it. A null
/// <see cref="InstanceId"/> means every registry (of <see cref="Region"/> when set).
/// </summary>
public sealed record RegistryScope(string? InstanceId, string? Region) : ReachScope
{
    public override string Describe() =>
        (InstanceId is null ? "every registry" : $"registry {InstanceId}") + (Region is null ? string.Empty : $" in {Region}");
}

/// <summary>One source network (a VPC id or a data-center name), optionally toward one registry only.</summary>
public sealed record NetworkScope(string Network, string? RegistryId) : ReachScope
{
    public override string Describe() => RegistryId is null ? Network : $"{Network} -> {RegistryId}";
}
