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

/// <summary>One run as a trigger asks for it.</summary>
/// <param name="Trigger">What started it, as the notification names it: <c>cli-apply</c>, <c>cli-sweep</c>, <c>demo</c>,
/// <c>on-attachment</c>, <c>on-registry</c>, <c>sweep</c>, <c>chatops</c>.</param>
/// <param name="ReadyTimeout">How long to wait first for the scope's resource to be ready (attachment Attached, registry
/// RUNNING); zero: do not wait.</param>
public sealed record ReconcileRequest(ReconcileScope Scope, string Trigger, ReconcileMode Mode, TimeSpan ReadyTimeout = default);
