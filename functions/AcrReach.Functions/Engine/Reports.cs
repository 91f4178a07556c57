using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AcrReach.Functions.Engine;

public enum RunOutcome
{
    /// <summary>Nothing was missing.</summary>
    InSync,

    /// <summary>Missing routes or DNS were added and the paths verify.</summary>
    Repaired,

    /// <summary>Report-only run that found something missing.</summary>
    DriftReported,

    /// <summary>Some steps failed; the rest were applied.</summary>
    PartiallyApplied,

    /// <summary>Every step went through, but a finding no route can fix keeps a path broken: a person must act
    /// (running again would not help).</summary>
    Blocked,

    /// <summary>The run could not do its work (cloud errors, publishing the message failed, ...).</summary>
    Failed,

    /// <summary>The resource never became ready within the wait (attachment not Attached, registry not RUNNING).</summary>
    NotReady,

    /// <summary>The resource the event names does not exist or has ended (detached, deleted): nothing to do, no retry
    /// (a later sweep sees whatever is there then).</summary>
    NotFound,
}

public static class RunOutcomes
{
    /// <summary>Outcomes after which FC should deliver the event again (bounded retries; the run is level-based).</summary>
    public static bool CallsForRetry(this RunOutcome outcome) =>
        outcome is RunOutcome.PartiallyApplied or RunOutcome.Failed or RunOutcome.NotReady;
}

/// <summary>A finding as the host shows it: code (e.g. <c>RouteConflict</c>), severity (error|warning|info), message.</summary>
public sealed record FindingNote(string Code, string Severity, string Message);

/// <summary>What one reconcile run did. Counts are apply steps by outcome (a report-only run's steps are skipped).</summary>
/// <param name="Error">Why the run failed or was not ready.</param>
/// <param name="NotificationError">Why the run's message could not be published; the run then calls for a retry.</param>
public sealed record RunReport(
    string RunId,
    string PlanId,
    RunOutcome Outcome,
    int Applied,
    int AlreadyPresent,
    int Failed,
    int Skipped,
    ImmutableArray<FindingNote> Findings,
    bool? Reachable,
    string? NotificationMessageId,
    string? Error = null,
    string? NotificationError = null)
{
    /// <summary>The engine's whole report (the Apply JSON contract), for the function log; not part of the answer.</summary>
    [JsonIgnore]
    public JsonElement? Details { get; init; }

    /// <summary>FC should deliver the event again: the run did not finish, or nobody was told about it.</summary>
    [JsonIgnore]
    public bool CallsForRetry => Outcome.CallsForRetry() || NotificationError is not null;
}

/// <summary>A plan computed for a scope, not applied.</summary>
/// <param name="Text">The plan as a person reads it (actions, DNS records, findings), plain text.</param>
public sealed record PlanPreview(string PlanId, bool HasErrors, int ActionCount, string Text);

/// <summary>The answer to an apply by plan id: applied (with its report), or refused with the plan as it is now.</summary>
public sealed record ApplyOutcome(bool Applied, PlanPreview Plan, RunReport? Report)
{
    public static ApplyOutcome Done(PlanPreview plan, RunReport report) => new(true, plan, report);

    public static ApplyOutcome Refused(PlanPreview currentPlan) => new(false, currentPlan, null);
}

public sealed record NetworkStatus(string Network, string Registry, bool Reachable, int PendingActions, int ErrorFindings);

public sealed record StatusReport(ImmutableArray<NetworkStatus> Networks);

/// <summary>A hop-by-hop explanation, plain text.</summary>
public sealed record Explanation(string Text);
