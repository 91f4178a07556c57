using System.Collections.Immutable;
using AcrReach.Cloud.Reconciliation;

namespace AcrReach.Functions.Events;

/// <summary>What the host makes of one event: runs to start, a reason to ignore it, or why it is malformed.</summary>
internal abstract record EventReading(int Index, string? EventId);

/// <summary>Reconcile these scopes (several when one event names several registries).</summary>
/// <param name="WaitsForReady">The event fires while its resource is still being created: wait until it is ready.</param>
/// <param name="SweepId">The fanned-out sweep the run is a shard of (the worker's event).</param>
/// <param name="Prune">Plan the removals of AcrReach's own routes no rule needs: applied in a repair (the timer sweep or a
/// deletion event with <c>ACR_REACH_SWEEP_PRUNE=true</c>), only reported in a report-only run (a deletion event without).</param>
internal sealed record ReconcileReading(int Index, string? EventId, ImmutableArray<ReconcileScope> Scopes, string Trigger, ReconcileMode Mode, bool WaitsForReady, string? SweepId = null, bool Prune = false)
    : EventReading(Index, EventId)
{
    /// <summary>The sweep's account-wide readings the timer handed the shard (the worker's event), when they fitted.</summary>
    public Cloud.Discovery.SharedReadings? Shared { get; init; }
}

/// <summary>A well-formed event this function has nothing to do for (another API call, a failed call).</summary>
internal sealed record IgnoredReading(int Index, string? EventId, string Reason) : EventReading(Index, EventId);

/// <summary>An event that cannot be read: a permanent failure, answered and logged, retried only as often as FC's bounded retries.</summary>
internal sealed record MalformedReading(int Index, string? EventId, string Reason) : EventReading(Index, EventId);
