using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Serialization;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Discovery;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;

namespace AcrReach.Cloud.Reconciliation;

[JsonConverter(typeof(JsonStringEnumConverter<ReconcileOutcome>))]
public enum ReconcileOutcome
{
    /// <summary>Nothing was missing and every path is reached.</summary>
    InSync,

    /// <summary>Missing routes, links or records were added and every path is reached.</summary>
    Repaired,

    /// <summary>A report-only run found something missing or broken.</summary>
    DriftReported,

    /// <summary>Some steps failed; others were applied or already there.</summary>
    PartiallyApplied,

    /// <summary>Every step went through, but a finding no route can fix keeps a path broken: a person must act.</summary>
    Blocked,

    /// <summary>The run could not do its work: every step failed, or reading the account failed.</summary>
    Failed,

    /// <summary>The attachment or registry the run waited for was not ready in time.</summary>
    NotReady,

    /// <summary>Cancelled; the steps so far are reported, nothing was verified or published.</summary>
    Cancelled,

    /// <summary>The attachment or registry the event names does not exist, or has ended (detached, stopped, deleted): nothing to do.</summary>
    NotFound,

    /// <summary>The run's deadline passed (the function's timeout less a margin, or <c>--timeout</c>): the steps so far are
    /// reported and published, nothing was verified; the next run picks up the rest.</summary>
    DeadlineExceeded,
}

public static class ReconcileOutcomes
{
    /// <summary>Converged: in sync or repaired, every path reached.</summary>
    public static bool IsConverged(this ReconcileOutcome outcome) => outcome is ReconcileOutcome.InSync or ReconcileOutcome.Repaired;

    /// <summary>
    /// Work is left that running again can do (a failed step, a resource still being created, the deadline): an event's
    /// delivery should be retried. Not for a finding a person must fix (<see cref="ReconcileOutcome.Blocked"/>), nor for a
    /// resource that is gone.
    /// </summary>
    public static bool CallsForRetry(this ReconcileOutcome outcome) =>
        outcome is ReconcileOutcome.PartiallyApplied or ReconcileOutcome.Failed or ReconcileOutcome.NotReady
            or ReconcileOutcome.Cancelled or ReconcileOutcome.DeadlineExceeded;
}

/// <summary>
/// What one run did — the Apply JSON contract first (<c>runId, planId, steps, verification, notification</c>), then the
/// rest a person or a trigger needs: the outcome, what was looked at, the plan, stale AcrReach routes, discovery notes.
/// </summary>
public sealed record ApplyReport
{
    [JsonPropertyOrder(0)]
    public required string RunId { get; init; }

    /// <summary>The id of the plan the run applied (its first round's); empty when the run never got to plan.</summary>
    [JsonPropertyOrder(1)]
    public required string PlanId { get; init; }

    [JsonPropertyOrder(2)]
    public required ImmutableArray<StepReport> Steps { get; init; }

    /// <summary>Every required path traced on the account as the run left it; null when the run did not get that far.</summary>
    [JsonPropertyOrder(3)]
    public Verification? Verification { get; init; }

    /// <summary>Where the run's message went; null when it was not published (cancelled).</summary>
    [JsonPropertyOrder(4)]
    public NotificationReceipt? Notification { get; init; }

    [JsonPropertyOrder(5)]
    public required ReconcileOutcome Outcome { get; init; }

    [JsonPropertyOrder(6)]
    public required ReconcileMode Mode { get; init; }

    [JsonPropertyOrder(7)]
    public required string Trigger { get; init; }

    [JsonPropertyOrder(8)]
    public required string Scope { get; init; }

    [JsonPropertyOrder(9)]
    public required string Account { get; init; }

    [JsonPropertyOrder(10)]
    public ImmutableArray<string> Regions { get; init; } = [];

    /// <summary>The plan of the first round (the contract's plan JSON).</summary>
    [JsonPropertyOrder(11)]
    public Plan? Plan { get; init; }

    /// <summary>Plans of later rounds (after a VPC link, the plan routes the address the link got).</summary>
    [JsonPropertyOrder(12)]
    public ImmutableArray<string> FollowUpPlanIds { get; init; } = [];

    /// <summary>The DNS records each source needs, as the last plan of the run has them (a VPC link adds the registry's).</summary>
    [JsonPropertyOrder(13)]
    public ImmutableArray<DnsRecord> Dns { get; init; } = [];

    /// <summary>Routes AcrReach made that the current plan no longer needs (e.g. the OSS address moved). Reported, never deleted.</summary>
    [JsonPropertyOrder(14)]
    public ImmutableArray<StaleRoute> Stale { get; init; } = [];

    /// <summary>What discovery could not read and had to assume.</summary>
    [JsonPropertyOrder(15)]
    public ImmutableArray<Finding> Notes { get; init; } = [];

    [JsonPropertyOrder(16)]
    public required DateTimeOffset StartedAt { get; init; }

    [JsonPropertyOrder(17)]
    public required TimeSpan Duration { get; init; }

    /// <summary>Why the run failed, was not ready, was cancelled or ran out of time.</summary>
    [JsonPropertyOrder(18)]
    public RunError? Error { get; init; }

    /// <summary>What verification checked, path by path: routed, and what each name resolves to where AcrReach can know it.</summary>
    [JsonPropertyOrder(19)]
    public ImmutableArray<PathCheck> Checks { get; init; } = [];

    /// <summary>What each data center still needs on its own side (routes on its edge router, DNS records).</summary>
    [JsonPropertyOrder(20)]
    public ImmutableArray<OnPremisesNeeds> OnPremises { get; init; } = [];

    public int Count(StepOutcome outcome) => Steps.Count(s => s.Outcome == outcome);

    /// <summary>True when the message could not be published: the run says so and exits non-zero.</summary>
    [JsonIgnore]
    public bool NotificationFailed => Notification is { Error: not null };

    /// <summary>The run in a few numbers, for an answer or a chat message (the whole report goes to the log and the queue).</summary>
    public RunSummary Summarize() => new(
        RunId,
        PlanId,
        Outcome,
        Count(StepOutcome.Applied),
        Count(StepOutcome.AlreadyPresent),
        Count(StepOutcome.Failed),
        Count(StepOutcome.Skipped),
        [.. (Plan?.Findings ?? []).Concat(Notes)],
        Verification?.Reachable,
        Notification,
        Error);
}

/// <summary>What one run did, in a few numbers: step counts by outcome, the plan's findings and discovery's notes, whether every path is reached.</summary>
public sealed record RunSummary(
    [property: JsonPropertyOrder(0)] string RunId,
    [property: JsonPropertyOrder(1)] string PlanId,
    [property: JsonPropertyOrder(2)] ReconcileOutcome Outcome,
    [property: JsonPropertyOrder(3)] int Applied,
    [property: JsonPropertyOrder(4)] int AlreadyPresent,
    [property: JsonPropertyOrder(5)] int Failed,
    [property: JsonPropertyOrder(6)] int Skipped,
    [property: JsonPropertyOrder(7)] ImmutableArray<Finding> Findings,
    [property: JsonPropertyOrder(8)] bool? Reachable,
    [property: JsonPropertyOrder(9)] NotificationReceipt? Notification,
    [property: JsonPropertyOrder(10)] RunError? Error)
{
    /// <summary>An event's delivery should be retried: the run left work undone, or nobody was told about it.</summary>
    [JsonIgnore]
    public bool CallsForRetry => Outcome.CallsForRetry() || Notification is { Error: not null };
}

/// <summary>Where a run's message went: the queue, the id MNS gave it, or why it could not be sent.</summary>
public sealed record NotificationReceipt(
    [property: JsonPropertyOrder(0)] string Queue,
    [property: JsonPropertyOrder(1)] string? MessageId,
    [property: JsonPropertyOrder(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequestId = null,
    [property: JsonPropertyOrder(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null);

/// <summary>A route carrying AcrReach's mark that the current plan does not need any more.</summary>
public sealed record StaleRoute(
    [property: JsonPropertyOrder(0)] RouteTableKind Kind,
    [property: JsonPropertyOrder(1)] string RouteTableId,
    [property: JsonPropertyOrder(2), JsonConverter(typeof(CidrJsonConverter))] IPNetwork Destination,
    [property: JsonPropertyOrder(3)] string? NextHopId,
    [property: JsonPropertyOrder(4)] string? Description);
