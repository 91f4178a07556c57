using System.Text.Json.Serialization;

namespace AcrReach.Cloud.Reconciliation;

[JsonConverter(typeof(JsonStringEnumConverter<ReconcileMode>))]
public enum ReconcileMode
{
    /// <summary>Plan, apply what is missing, verify.</summary>
    Repair,

    /// <summary>Plan and report drift; write nothing to the network.</summary>
    ReportOnly,
}

/// <summary>What the notification names as a run's trigger.</summary>
public static class Triggers
{
    public const string OnAttachment = "on-attachment";
    public const string OnRegistry = "on-registry";
    public const string Sweep = "sweep";

    /// <summary>The sweep function invoked by hand (no timer event in the body).</summary>
    public const string SweepByHand = "sweep-manual";
    public const string Chatops = "chatops";
    public const string CliApply = "cli-apply";
    public const string CliSweep = "cli-sweep";
    public const string Demo = "demo";
    public const string CliRollback = "cli-rollback";
}

/// <summary>One run as a trigger asks for it.</summary>
/// <param name="Trigger">What started it, as the notification names it: <c>cli-apply</c>, <c>cli-sweep</c>, <c>demo</c>,
/// <c>on-attachment</c>, <c>on-registry</c>, <c>sweep</c>, <c>chatops</c>.</param>
/// <param name="ReadyTimeout">How long to wait first for the scope's resource to be ready (attachment Attached, registry
/// RUNNING); zero: do not wait.</param>
/// <param name="Prune">Also remove AcrReach's own routes that no rule's path uses (the plan's removals); without it the
/// plan has no removals and stale routes are only reported.</param>
/// <param name="RollbackOf">A run id: the plan is instead the removal of every route that run made (and nothing else);
/// applied only with <paramref name="Prune"/> in <see cref="ReconcileMode.Repair"/>.</param>
public sealed record ReconcileRequest(ReconcileScope Scope, string Trigger, ReconcileMode Mode, TimeSpan ReadyTimeout = default, bool Prune = false, string? RollbackOf = null)
{
    /// <summary>The sweep this run is a shard of (the fanned-out sweep's id): every shard's message carries it.</summary>
    public string? SweepId { get; init; }

    /// <summary>The sweep's account-wide readings, handed to a shard by the timer (<see cref="Discovery.SharedReadings"/>); null: read them.</summary>
    public Discovery.SharedReadings? Shared { get; init; }
}
