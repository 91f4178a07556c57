using System.Collections.Immutable;
using System.Text.Json.Serialization;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Planning;

/// <summary>
/// What must change for every reach rule to hold: actions (only additions), the DNS records each source needs, and
/// findings. <see cref="PlanId"/> is a hash of that content. <see cref="Paths"/> are the required paths traced as
/// they will be once the plan is applied (for explain); they are not part of the plan's JSON or its id.
/// </summary>
public sealed record Plan(
    [property: JsonPropertyOrder(0)] string PlanId,
    [property: JsonPropertyOrder(1)] ImmutableArray<PlanAction> Actions,
    [property: JsonPropertyOrder(2)] ImmutableArray<DnsRecord> Dns,
    [property: JsonPropertyOrder(3)] ImmutableArray<Finding> Findings)
{
    [JsonIgnore]
    public ImmutableArray<PathTrace> Paths { get; init; } = [];

    [JsonIgnore]
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}

/// <summary>Every required path traced on the account as it is (no fixes): the verify step's result.</summary>
public sealed record Verification(
    [property: JsonPropertyOrder(0)] bool Reachable,
    [property: JsonPropertyOrder(1)] ImmutableArray<PathTrace> Paths);

/// <summary>The part of a plan its id is a hash of.</summary>
internal sealed record PlanContent(
    [property: JsonPropertyOrder(1)] ImmutableArray<PlanAction> Actions,
    [property: JsonPropertyOrder(2)] ImmutableArray<DnsRecord> Dns,
    [property: JsonPropertyOrder(3)] ImmutableArray<Finding> Findings);
