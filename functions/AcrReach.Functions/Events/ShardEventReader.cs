using System.Text.Json;
using AcrReach.Cloud.Reconciliation;

namespace AcrReach.Functions.Events;

/// <summary>
/// Reads the worker's event: one <see cref="SweepShard"/> as the sweep handed it over (<c>{sweepId, index, count, mode,
/// region[, transitRouterId | noTransitRouter][, shared]}</c>). The run's trigger is the sweep's, and its message carries the sweep's id.
/// </summary>
internal static class ShardEventReader
{
    public static EventReading Read(ReadOnlyMemory<byte> body)
    {
        SweepShard? shard;
        try
        {
            shard = JsonSerializer.Deserialize(body.Span, SweepJsonContext.Default.SweepShard);
        }
        catch (JsonException exception)
        {
            return new MalformedReading(0, null, $"the body is not a sweep shard: {exception.Message}");
        }

        if (shard is null || string.IsNullOrWhiteSpace(shard.SweepId) || string.IsNullOrWhiteSpace(shard.Region)
            || (shard.NoTransitRouter && shard.TransitRouterId is not null)
            || (shard.TransitRouterId is { } router && !AcrReach.Core.Identifiers.CloudIds.IsResourceId(router)))
        {
            return new MalformedReading(0, shard?.SweepId, "a sweep shard needs sweepId and region, and at most one of transitRouterId (a resource id) and noTransitRouter");
        }

        if (!AcrReach.Core.Identifiers.CloudIds.IsRegion(shard.Region))
        {
            return new MalformedReading(0, shard.SweepId, $"'{shard.Region}' is not a region id");
        }

        return new ReconcileReading(0, $"{shard.SweepId}#{shard.Index}", [shard.Scope], Triggers.Sweep, shard.Mode, WaitsForReady: false, shard.SweepId) { Shared = shard.Shared };
    }
}
