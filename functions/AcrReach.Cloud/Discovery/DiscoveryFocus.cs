using AcrReach.Core.Planning;

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
