using System.Collections.Immutable;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Discovery;

/// <summary>
/// What a run looks at, for discovery to read only the paths of it instead of the account
/// (<see cref="AccountDiscovery.DiscoverAsync(DiscoveryFocus?, CancellationToken)"/>): where its sources are, and what
/// planning and verifying it consult (<see cref="Footprint"/>): discovery reads until that is all read.
/// </summary>
public abstract record DiscoveryFocus
{
    private protected DiscoveryFocus()
    {
    }

    /// <summary>What planning the run's scope on an account consults; the run's own scoping decides it.</summary>
    public required Func<DiscoveredAccount, PlanFootprint> Footprint { get; init; }

    /// <summary>One line for a person.</summary>
    public abstract string Describe();
}

/// <summary>One source VPC (an attachment event, <c>plan vpc-...</c>).</summary>
/// <param name="Region">Its region when the trigger says so (else each region read is asked).</param>
/// <param name="Registry">Only the rules toward this registry instance; null: every rule of the VPC.</param>
public sealed record NetworkFocus(string VpcId, string? Region = null, string? Registry = null) : DiscoveryFocus
{
    /// <summary>The VPC's rules (toward <paramref name="registry"/> only, when given), planned as a plan for that source.</summary>
    public static NetworkFocus For(string vpcId, string? region = null, string? registry = null) =>
        new(vpcId, region, registry) { Footprint = discovered => Planner.Footprint(discovered.Account, new PlanScope(vpcId, registry)) };

    public override string Describe() => VpcId;
}

/// <summary>Data centers as sources (a VBR/VPN attachment event, <c>plan idc-...</c>): every VBR and VPN attachment is read.</summary>
public sealed record DataCenterFocus(string Description) : DiscoveryFocus
{
    public override string Describe() => Description;
}

/// <summary>Every source network of one region (a shard of the fanned-out sweep): the region's VPCs and the data centers.</summary>
public sealed record RegionFocus(string Region) : DiscoveryFocus
{
    /// <summary>The sweep's account-wide readings, read once by the timer: discovery starts from them instead of reading them again.</summary>
    public SharedReadings? Shared { get; init; }

    public override string Describe() => $"region {Region}";
}

/// <summary>
/// A peer attachment between two transit routers (a peer attachment event): it can change any path between their regions,
/// and no path can be picked before reading, so every source network of both routers' regions is read, as a sweep shard
/// reads one region. Which regions those are is decided on the routers and peer attachments read first (<see cref="Regions"/>).
/// </summary>
public sealed record PeerFocus(string Description) : DiscoveryFocus
{
    /// <summary>The regions of the two routers the attachment joins, on an account whose routers and peers were read; none when it is not there.</summary>
    public required Func<DiscoveredAccount, ImmutableArray<string>> Regions { get; init; }

    /// <summary>The rules the run plans, on an account whose regions, data centers and registries were read: only their registries' endpoint VPCs are read.</summary>
    public required Func<DiscoveredAccount, ImmutableArray<ReachRule>> Rules { get; init; }

    public override string Describe() => Description;
}
