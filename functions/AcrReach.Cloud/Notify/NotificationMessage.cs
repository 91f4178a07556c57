using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Planning;

namespace AcrReach.Cloud.Notify;

/// <summary>
/// The one message a run publishes (the Notification contract): <c>schemaVersion</c> first, then trigger, run id,
/// account, the plan (its contract JSON), the steps with each cloud request id, the verification and the duration.
/// A queue takes at most 64 KB, Base64 included: a message over <see cref="ReconcilerOptions.MaxMessageBytes"/> drops
/// detail in stages (hops of reached paths, then the plan and the successful steps) and says so with <c>truncated</c>.
/// </summary>
public sealed record NotificationMessage
{
    public const int CurrentSchemaVersion = 1;

    [JsonPropertyOrder(0)]
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    [JsonPropertyOrder(1)]
    public required string Trigger { get; init; }

    [JsonPropertyOrder(2)]
    public required string RunId { get; init; }

    [JsonPropertyOrder(3)]
    public required string Account { get; init; }

    [JsonPropertyOrder(4)]
    public required string Scope { get; init; }

    [JsonPropertyOrder(5)]
    public required ReconcileMode Mode { get; init; }

    [JsonPropertyOrder(6)]
    public required ReconcileOutcome Outcome { get; init; }

    [JsonPropertyOrder(7)]
    public required string PlanId { get; init; }

    [JsonPropertyOrder(8)]
    public Plan? Plan { get; init; }

    [JsonPropertyOrder(9)]
    public required ImmutableArray<StepReport> Steps { get; init; }

    [JsonPropertyOrder(10)]
    public Verification? Verification { get; init; }

    [JsonPropertyOrder(11)]
    public ImmutableArray<StaleRoute> Stale { get; init; } = [];

    [JsonPropertyOrder(12)]
    public required DateTimeOffset StartedAt { get; init; }

    [JsonPropertyOrder(13)]
    public required TimeSpan Duration { get; init; }

    [JsonPropertyOrder(14)]
    public RunError? Error { get; init; }

    [JsonPropertyOrder(16)]
    public ImmutableArray<PathCheck> Checks { get; init; } = [];

    [JsonPropertyOrder(17)]
    public ImmutableArray<OnPremisesNeeds> OnPremises { get; init; } = [];

    /// <summary>Detail was dropped to fit the queue: the full report is where the run was started (CLI output, function log).</summary>
    [JsonPropertyOrder(18)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Truncated { get; init; }

    public static NotificationMessage From(ApplyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new NotificationMessage
        {
            Trigger = report.Trigger,
            RunId = report.RunId,
            Account = report.Account,
            Scope = report.Scope,
            Mode = report.Mode,
            Outcome = report.Outcome,
            PlanId = report.PlanId,
            Plan = report.Plan,
            Steps = report.Steps,
            Verification = report.Verification,
            Stale = report.Stale,
            StartedAt = report.StartedAt,
            Duration = report.Duration,
            Error = report.Error,
            Checks = report.Checks,
            OnPremises = report.OnPremises,
        };
    }

    /// <summary>The message's JSON (compact, UTF-8 text), cut down in stages until it fits <paramref name="maxBytes"/>.</summary>
    public static string Serialize(ApplyReport report, int maxBytes)
    {
        var message = From(report);
        var json = ReportJson.SerializeCompact(message);
        if (Encoding.UTF8.GetByteCount(json) <= maxBytes)
        {
            return json;
        }

        message = message with
        {
            Truncated = true,
            Verification = message.Verification is { } v ? v with { Paths = [.. v.Paths.Where(p => !p.Reached).Select(p => p with { Hops = [] })] } : null,
        };
        json = ReportJson.SerializeCompact(message);
        if (Encoding.UTF8.GetByteCount(json) <= maxBytes)
        {
            return json;
        }

        message = message with { Plan = null, Checks = [.. message.Checks.Where(c => !c.Routed || c.Dns == DnsCheck.ResolvesElsewhere)], Steps = [.. message.Steps.Where(s => s.Outcome is StepOutcome.Failed)] };
        json = ReportJson.SerializeCompact(message);
        return Encoding.UTF8.GetByteCount(json) <= maxBytes ? json : ReportJson.SerializeCompact(message with { Steps = [], Stale = [], Verification = message.Verification is { } w ? w with { Paths = [] } : null });
    }
}
