using System.Collections.Immutable;

namespace AcrReach.Cloud.OpenApi;

/// <summary>
/// Client-side rate limits, one token bucket per API action (keyed by its RAM action, e.g.
/// <c>vpc:DescribeVpcs</c>). The services limit per region + API + account (cloud-apis.md §1.6); the published
/// numbers for the APIs AcrReach calls are not known, so the defaults are conservative and configurable.
/// </summary>
public sealed record RateLimitOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>Calls per second for an action that reads.</summary>
    public double ReadQps { get; init; } = 10;

    /// <summary>Calls per second for an action that writes.</summary>
    public double WriteQps { get; init; } = 5;

    /// <summary>Per-action overrides in calls per second, keyed by RAM action (<c>cen:ListTransitRouters</c>).</summary>
    public ImmutableDictionary<string, double> PerAction { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>How many calls may start at once after a quiet spell, at most.</summary>
    public int Burst { get; init; } = 5;

    public double QpsFor(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return PerAction.TryGetValue(operation.RamAction, out var qps)
            ? qps
            : operation.Access == ApiAccess.Write ? WriteQps : ReadQps;
    }
}
