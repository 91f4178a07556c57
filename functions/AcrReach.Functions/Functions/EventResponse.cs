using System.Collections.Immutable;
using AcrReach.Functions.Engine;

namespace AcrReach.Functions.Functions;

/// <summary>The answer of an event function: the runs it started, the events it ignored and the ones it could not use.</summary>
public sealed record EventResponse(
    string Function,
    string RequestId,
    bool Ok,
    ImmutableArray<RunSummary> Runs,
    ImmutableArray<IgnoredEvent> Ignored,
    ImmutableArray<EventError> Errors);

/// <summary>One run: the scope it looked at and the engine's report.</summary>
public sealed record RunSummary(string Scope, RunReport Report);

public sealed record IgnoredEvent(int Index, string? EventId, string Reason);

/// <param name="Code"><c>MalformedEvent</c>, <c>PayloadTooLarge</c> or <c>EngineFailed</c>.</param>
public sealed record EventError(int? Index, string? EventId, string Code, string Message);
