using System.Collections.Immutable;
using AcrReach.Core.Scenarios;

namespace AcrReach.Cloud.Discovery;

/// <summary>What discovery reads and how hard it may push the APIs; every field has a working default.</summary>
public sealed record DiscoveryOptions
{
    /// <summary>The regions to read; empty: every region holding a transit router or a registry.</summary>
    public ImmutableArray<string> Regions { get; init; } = [];

    /// <summary>Data centers, rules, route scopes and OSS VIP ranges from a policy file (<c>--policy</c>).</summary>
    public PolicySettings Policy { get; init; } = PolicySettings.None;

    /// <summary>The account id when no answer carries it (no VPC and no transit router).</summary>
    public string? AccountId { get; init; }

    /// <summary>
    /// Calls of one API in flight at once. The client's per-action rate limiter sets the pace; this bounds how many
    /// calls wait in line, and with the API's latency, how close to its rate limit discovery can run.
    /// </summary>
    public int MaxConcurrentCallsPerApi { get; init; } = 8;

    /// <summary>The region whose Container Registry endpoint is asked which regions CR serves (ListInstanceRegion).</summary>
    public string HomeRegion { get; init; } = "cn-hangzhou";

    /// <summary>One line per stage, for a person watching (the CLI prints them on stderr).</summary>
    public Action<string>? Progress { get; init; }
}
