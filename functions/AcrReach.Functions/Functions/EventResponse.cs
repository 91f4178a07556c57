using System.Collections.Immutable;
using AcrReach.Cloud.Reconciliation;

namespace AcrReach.Functions.Functions;

/// <summary>
/// The answer of an event function: the runs it started, the scopes it left to the sweep (over the per-invocation cap,
/// or past the deadline), the events it ignored and the ones it could not use.
/// </summary>
public sealed record EventResponse(
    string Function,
    string RequestId,
    bool Ok,
    ImmutableArray<EventRun> Runs,
    ImmutableArray<DeferredScope> Deferred,
    ImmutableArray<IgnoredEvent> Ignored,
    ImmutableArray<EventError> Errors);

/// <summary>One run: the scope it looked at and what it did (the whole report is in the log and on the queue).</summary>
public sealed record EventRun(string Scope, RunSummary Report);

/// <summary>A scope this invocation did not run: the sweep covers it.</summary>
public sealed record DeferredScope(int Index, string? EventId, string Scope);

public sealed record IgnoredEvent(int Index, string? EventId, string Reason);

/// <param name="Code"><c>MalformedEvent</c>, <c>PayloadTooLarge</c> or <c>EngineFailed</c>.</param>
public sealed record EventError(int? Index, string? EventId, string Code, string Message);
