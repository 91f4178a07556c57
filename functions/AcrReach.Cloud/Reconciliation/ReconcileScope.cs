using System.Collections.Immutable;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>
/// Where a run looks. A trigger only names a place; the reconciler always re-reads the account (level-based), so the
/// same scope twice does the same thing twice: nothing, the second time.
/// </summary>
public abstract record ReconcileScope
{
    private protected ReconcileScope()
    {
    }

    /// <summary>One line for a person: what the run looked at.</summary>
    public abstract string Describe();
}

/// <summary>Every network the policy names (the sweep, <c>apply</c>, <c>status</c>).</summary>
public sealed record WholeAccount : ReconcileScope
{
    public static WholeAccount Instance { get; } = new();

    public override string Describe() => "account";
}

/// <summary>Every source network in one region: its VPCs, and the data centers attached there.</summary>
public sealed record RegionNetworks(string Region) : ReconcileScope
{
    public override string Describe() => $"region {Region}";
}

/// <summary>
/// A shard of a large region (the fanned-out sweep): its source networks attached to one transit router — a VPC attached to
/// several, to the first by id — or, with a null <see cref="TransitRouterId"/>, those attached to none of the region's.
/// </summary>
public sealed record TransitRouterNetworks(string Region, string? TransitRouterId) : ReconcileScope
{
    public override string Describe() => TransitRouterId is null ? $"region {Region}, networks on no transit router" : $"region {Region}, networks on {TransitRouterId}";
}

/// <summary>
/// The network behind a transit-router attachment (just created): the VPC of a VPC attachment, the data center of a
/// VBR/VPN one; a new peer attachment can change any path, so it means the whole account. At least one of
/// <see cref="AttachmentId"/> and <see cref="NetworkId"/> (VPC, VBR or VPN connection id) is set.
/// </summary>
public sealed record AttachmentNetwork(AttachmentType? Type, string? AttachmentId, string? NetworkId, string? TransitRouterId, string? Region) : ReconcileScope
{
    public override string Describe() =>
        $"{(Type?.ToString().ToUpperInvariant() ?? "transit-router")} attachment {AttachmentId ?? "(id unknown)"}"
        + (NetworkId is null ? string.Empty : $" of {NetworkId}")
        + (TransitRouterId is null ? string.Empty : $" on {TransitRouterId}")
        + (Region is null ? string.Empty : $" in {Region}");
}

/// <summary>
/// The networks behind several attachments, run as one (<see cref="ScopeMerging"/>): a burst of attachment events reads
/// what their paths share once and writes each route once. The members keep the order their events came in.
/// </summary>
public sealed record AttachedNetworks : ReconcileScope
{
    private const int Named = 3;

    public AttachedNetworks(ImmutableArray<AttachmentNetwork> attachments)
    {
        if (attachments.IsDefaultOrEmpty)
        {
            throw new ArgumentException("at least one attachment", nameof(attachments));
        }

        Attachments = attachments;
    }

    public ImmutableArray<AttachmentNetwork> Attachments { get; }

    public override string Describe() =>
        $"{Attachments.Length} attachment(s): {string.Join("; ", Attachments.Take(Named).Select(a => a.Describe()))}{(Attachments.Length > Named ? $"; and {Attachments.Length - Named} more" : string.Empty)}";

    public bool Equals(AttachedNetworks? other) => other is not null && Attachments.SequenceEqual(other.Attachments);

    public override int GetHashCode() => Attachments.Aggregate(Attachments.Length, HashCode.Combine);
}

/// <summary>Every network whose rules name a registry; a null <see cref="InstanceId"/>: every registry (of <see cref="Region"/> when set).</summary>
public sealed record RegistryNetworks(string? InstanceId, string? Region) : ReconcileScope
{
    public override string Describe() =>
        (InstanceId is null ? "every registry" : $"registry {InstanceId}") + (Region is null ? string.Empty : $" in {Region}");
}

/// <summary>One source network (a VPC id or a data-center name), optionally toward one registry only.</summary>
public sealed record OneNetwork(string Network, string? Registry = null) : ReconcileScope
{
    public override string Describe() => Registry is null ? Network : $"{Network} -> {Registry}";
}
