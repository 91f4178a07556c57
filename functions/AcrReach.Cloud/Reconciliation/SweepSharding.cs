using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>How many networks a region holds, and, for a region read closer, how many each transit router holds.</summary>
/// <param name="NetworksPerRouter">VPCs per transit router of the region (each VPC counted once, on its first attachment by
/// id); null when the region was not read that closely.</param>
/// <param name="Unattached">VPCs on none of the region's transit routers (meaningful with <paramref name="NetworksPerRouter"/>).</param>
public sealed record RegionSurvey(string Region, int Networks, ImmutableSortedDictionary<string, int>? NetworksPerRouter = null, int Unattached = 0);

/// <summary>One shard of a fanned-out sweep, as the worker receives it (the InvokeFunction payload).</summary>
/// <param name="TransitRouterId">The shard is the region's networks on this transit router; null with
/// <paramref name="NoTransitRouter"/> false: the whole region.</param>
/// <param name="NoTransitRouter">The shard is the region's networks on no transit router.</param>
public sealed record SweepShard(
    [property: JsonPropertyOrder(0)] string SweepId,
    [property: JsonPropertyOrder(1)] int Index,
    [property: JsonPropertyOrder(2)] int Count,
    [property: JsonPropertyOrder(3)] ReconcileMode Mode,
    [property: JsonPropertyOrder(4)] string Region,
    [property: JsonPropertyOrder(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TransitRouterId = null,
    [property: JsonPropertyOrder(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool NoTransitRouter = false)
{
    /// <summary>The sweep's account-wide readings (the timer read them once), when they fit in the payload; null: the shard reads them.</summary>
    [JsonPropertyOrder(7)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Discovery.SharedReadings? Shared { get; init; }

    public ReconcileScope Scope =>
        NoTransitRouter ? new TransitRouterNetworks(Region, null)
        : TransitRouterId is { } router ? new TransitRouterNetworks(Region, router)
        : new RegionNetworks(Region);

    /// <summary>The shard a scope of <see cref="SweepSharding.Split"/> is, numbered <paramref name="index"/> of <paramref name="count"/>.</summary>
    public static SweepShard Of(string sweepId, int index, int count, ReconcileMode mode, ReconcileScope scope) => scope switch
    {
        RegionNetworks region => new(sweepId, index, count, mode, region.Region),
        TransitRouterNetworks { TransitRouterId: null } shard => new(sweepId, index, count, mode, shard.Region, NoTransitRouter: true),
        TransitRouterNetworks shard => new(sweepId, index, count, mode, shard.Region, shard.TransitRouterId),
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "a sweep shard is a region or a region's transit router"),
    };
}

/// <summary>
/// Splits the sweep into shards small enough for one function invocation each: a region per shard, or, for a region over
/// the limit, one shard per transit router and one for the networks on none (an empty one is left out). Pure; sorted by
/// region and router, so the same account always gives the same shards.
/// </summary>
public static class SweepSharding
{
    public const int DefaultMaxNetworksPerShard = 500;

    public static ImmutableArray<ReconcileScope> Split(IEnumerable<RegionSurvey> regions, int maxNetworksPerShard)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNetworksPerShard, 1);
        var shards = ImmutableArray.CreateBuilder<ReconcileScope>();
        foreach (var region in regions.OrderBy(r => r.Region, StringComparer.Ordinal))
        {
            if (region.Networks <= maxNetworksPerShard || region.NetworksPerRouter is null)
            {
                shards.Add(new RegionNetworks(region.Region));
                continue;
            }

            shards.AddRange(region.NetworksPerRouter.Where(r => r.Value > 0).Select(r => new TransitRouterNetworks(region.Region, r.Key)));
            if (region.Unattached > 0)
            {
                shards.Add(new TransitRouterNetworks(region.Region, null));
            }
        }

        return shards.ToImmutable();
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SweepShard))]
public sealed partial class SweepJsonContext : JsonSerializerContext;
