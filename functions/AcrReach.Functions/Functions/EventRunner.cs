using System.Collections.Immutable;
using AcrReach.Functions.Engine;
using AcrReach.Functions.Events;
using AcrReach.Functions.Hosting;

namespace AcrReach.Functions.Functions;

/// <summary>
/// Runs what the events of one invocation ask for: one reconcile per distinct scope (a batch naming a place twice
/// reconciles it once), in the order the events came. The wait for readiness is one budget for the whole invocation:
/// a batch of resources still being created waits at most <see cref="HostConfig.ReadyTimeout"/> in all, so the
/// invocation ends within the function's timeout. The invocation fails (x-fc-status 404, so FC retries a bounded
/// number of times) when an event is malformed, the engine throws, or a run calls for a retry.
/// </summary>
internal sealed class EventRunner(IReachEngine engine, HostConfig config, JsonLog log, TimeProvider time)
{
    /// <summary>The wait of a run that has none left: the engine checks readiness once and does not wait.</summary>
    internal static readonly TimeSpan CheckOnce = TimeSpan.FromMilliseconds(1);

    public async Task<InvocationResult> RunAsync(IReadOnlyList<EventReading> readings, InvocationContext invocation, CancellationToken cancellationToken)
    {
        var runs = ImmutableArray.CreateBuilder<RunSummary>();
        var ignored = ImmutableArray.CreateBuilder<IgnoredEvent>();
        var errors = ImmutableArray.CreateBuilder<EventError>();
        var started = new HashSet<(ReachScope, ReconcileMode)>();
        var waitUntil = time.GetUtcNow() + config.ReadyTimeout;

        foreach (var reading in readings)
        {
            switch (reading)
            {
                case MalformedReading malformed:
                    errors.Add(new EventError(malformed.Index, malformed.EventId, "MalformedEvent", malformed.Reason));
                    log.Warning(invocation.RequestId, "event.malformed", malformed.Reason, ("index", Text(malformed.Index)), ("eventId", malformed.EventId));
                    break;
                case IgnoredReading skip:
                    ignored.Add(new IgnoredEvent(skip.Index, skip.EventId, skip.Reason));
                    log.Info(invocation.RequestId, "event.ignored", skip.Reason, ("index", Text(skip.Index)), ("eventId", skip.EventId));
                    break;
                case ReconcileReading reconcile:
                    foreach (var scope in reconcile.Scopes)
                    {
                        if (started.Add((scope, reconcile.Mode)))
                        {
                            await RunOneAsync(reconcile, scope, waitUntil, invocation, runs, errors, cancellationToken);
                        }
                    }

                    break;
            }
        }

        var ok = errors.Count == 0 && runs.All(run => !run.Report.CallsForRetry);
        var response = new EventResponse(invocation.Function, invocation.RequestId, ok, runs.ToImmutable(), ignored.ToImmutable(), errors.ToImmutable());
        return InvocationResult.Json(ok ? 200 : 404, ok, response, FunctionsJsonContext.Default.EventResponse);
    }

    /// <summary>The answer when the body itself is refused before any event is read.</summary>
    public static InvocationResult Refused(InvocationContext invocation, string code, string message)
    {
        var response = new EventResponse(invocation.Function, invocation.RequestId, false, [], [], [new EventError(null, null, code, message)]);
        return InvocationResult.Json(404, false, response, FunctionsJsonContext.Default.EventResponse);
    }

    private async Task RunOneAsync(
        ReconcileReading reading,
        ReachScope scope,
        DateTimeOffset waitUntil,
        InvocationContext invocation,
        ImmutableArray<RunSummary>.Builder runs,
        ImmutableArray<EventError>.Builder errors,
        CancellationToken cancellationToken)
    {
        var waits = reading.Trigger is TriggerKind.AttachmentEvent or TriggerKind.RegistryEvent;
        // Once the budget is spent a run still gets a token wait: a zero wait would skip the readiness check
        // altogether and reconcile a resource that is still being created.
        var wait = waits ? Max(waitUntil - time.GetUtcNow(), CheckOnce) : TimeSpan.Zero;
        var request = new ReconcileRequest(scope, reading.Trigger, reading.Mode, wait, invocation);
        log.Info(invocation.RequestId, "run.start", scope.Describe(), ("mode", reading.Mode.ToString()), ("trigger", reading.Trigger.ToString()), ("eventId", reading.EventId));
        try
        {
            var report = await engine.ReconcileAsync(request, cancellationToken);
            runs.Add(new RunSummary(scope.Describe(), report));
            log.Write(
                report.CallsForRetry ? "warning" : "info",
                invocation.RequestId,
                "run.done",
                scope.Describe(),
                [
                    ("runId", report.RunId), ("planId", report.PlanId), ("outcome", report.Outcome.ToString()), ("applied", Text(report.Applied)),
                    ("failed", Text(report.Failed)), ("error", report.Error), ("notificationError", report.NotificationError),
                ],
                report.Details);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            errors.Add(new EventError(reading.Index, reading.EventId, "EngineFailed", $"{scope.Describe()}: {exception.Message}"));
            log.Error(invocation.RequestId, "run.failed", exception.Message, ("scope", scope.Describe()), ("exception", exception.GetType().FullName));
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
