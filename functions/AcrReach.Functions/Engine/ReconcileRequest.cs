using AcrReach.Cloud.Credentials;

namespace AcrReach.Functions.Engine;

public enum TriggerKind
{
    AttachmentEvent,
    RegistryEvent,
    Timer,
    Chat,
    Manual,
}

public enum ReconcileMode
{
    /// <summary>Plan, apply what is missing, verify.</summary>
    Repair,

    /// <summary>Plan and report drift; write nothing to the network.</summary>
    ReportOnly,
}

/// <summary>One reconcile run as a trigger asks for it.</summary>
/// <param name="ReadyTimeout">How long the engine may wait for the scope's resource to be ready
/// (attachment Attached, registry RUNNING); zero: do not wait.</param>
public sealed record ReconcileRequest(
    ReachScope Scope,
    TriggerKind Trigger,
    ReconcileMode Mode,
    TimeSpan ReadyTimeout,
    InvocationContext Invocation);

/// <summary>Who is calling, on whose credentials: one per FC invocation.</summary>
/// <param name="Credentials">The invocation's own credentials (FC's <c>x-fc-*</c> headers, else the
/// <c>ALIBABA_CLOUD_*</c> environment); null: the engine's default credential chain.</param>
public sealed record InvocationContext(
    string RequestId,
    string Function,
    CloudCredentials? Credentials,
    string? Region,
    string? AccountId);
