using System.Collections.Immutable;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Functions.Events;
using AcrReach.Functions.Hosting;

namespace AcrReach.Functions.Functions;

/// <summary>
/// Runs what the events of one invocation ask for, bounded: scopes that look at the same networks run once, and the
/// attachments of a batch together in one run (<see cref="ScopeMerging"/>), at most <see cref="HostConfig.MaxScopesPerInvocation"/>
/// runs, in the order the events came, and none after the invocation's deadline; the rest is deferred to the sweep (one log line). The wait for
/// readiness is one budget for the whole invocation. The invocation fails (x-fc-status 404, so FC retries a bounded
/// number of times) when an event is malformed, the engine throws, or a run calls for a retry.
/// </summary>
internal sealed class EventRunner(IReachEngine engine, HostConfig config, JsonLog log, TimeProvider time)
{
    /// <summary>The wait of a run that has none left: the engine checks readiness once and does not wait.</summary>
    internal static readonly TimeSpan CheckOnce = TimeSpan.FromMilliseconds(1);

    public async Task<InvocationResult> RunAsync(IReadOnlyList<EventReading> readings, InvocationContext invocation, CancellationToken cancellationToken)
    {
        var runs = ImmutableArray.CreateBuilder<EventRun>();
        var deferred = ImmutableArray.CreateBuilder<DeferredScope>();
        var ignored = ImmutableArray.CreateBuilder<IgnoredEvent>();
        var errors = ImmutableArray.CreateBuilder<EventError>();
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
            }
        }

        var waitUntil = time.GetUtcNow() + config.ReadyTimeout;
        foreach (var (reading, scope) in Scheduled(readings.OfType<ReconcileReading>()))
        {
            if (runs.Count >= config.MaxScopesPerInvocation || time.GetUtcNow() >= invocation.Deadline)
            {
                deferred.Add(new DeferredScope(reading.Index, reading.EventId, scope.Describe()));
                continue;
            }

            await RunOneAsync(reading, scope, waitUntil, invocation, runs, errors, cancellationToken);
        }

        if (deferred.Count > 0)
        {
            log.Warning(
                invocation.RequestId,
                "event.deferred",
                $"{deferred.Count} scope(s) left to the sweep: this invocation ran {runs.Count} (at most {config.MaxScopesPerInvocation} per invocation, until its deadline)",
                ("deferred", Text(deferred.Count)),
                ("first", deferred[0].Scope));
        }

        var ok = errors.Count == 0 && runs.All(run => !run.Report.CallsForRetry);
        var response = new EventResponse(invocation.Function, invocation.RequestId, ok, runs.ToImmutable(), deferred.ToImmutable(), ignored.ToImmutable(), errors.ToImmutable());
        return InvocationResult.Json(ok ? 200 : 404, ok, response, FunctionsJsonContext.Default.EventResponse);
    }

    /// <summary>The answer when the body itself is refused before any event is read.</summary>
    public static InvocationResult Refused(InvocationContext invocation, string code, string message)
    {
        var response = new EventResponse(invocation.Function, invocation.RequestId, false, [], [], [], [new EventError(null, null, code, message)]);
        return InvocationResult.Json(404, false, response, FunctionsJsonContext.Default.EventResponse);
    }

    /// <summary>Each distinct run once, merged where one covers another, in the order the events asked for them.</summary>
    private static IEnumerable<(ReconcileReading Reading, ReconcileScope Scope)> Scheduled(IEnumerable<ReconcileReading> readings)
    {
        var asked = readings.SelectMany(r => r.Scopes.Select(scope => (Reading: r, Scope: scope))).Select((a, order) => (a.Reading, a.Scope, Order: order));
        return asked
            .GroupBy(a => (a.Reading.Trigger, a.Reading.Mode, a.Reading.WaitsForReady, a.Reading.SweepId, a.Reading.Prune))
            .SelectMany(kind =>
            {
                var first = new Dictionary<ReconcileScope, (ReconcileReading Reading, ReconcileScope Scope, int Order)>();
                foreach (var a in kind)
                {
                    first.TryAdd(a.Scope, a);
                }

                // A merged run of several attachments goes where its first attachment's event came.
                return ScopeMerging.Merge(kind.Select(a => a.Scope))
                    .Select(scope => first.TryGetValue(scope, out var asked) ? asked : first[((AttachedNetworks)scope).Attachments[0]] with { Scope = scope });
            })
            .OrderBy(a => a.Order)
            .Select(a => (a.Reading, a.Scope));
    }

    private async Task RunOneAsync(
        ReconcileReading reading,
        ReconcileScope scope,
        DateTimeOffset waitUntil,
        InvocationContext invocation,
        ImmutableArray<EventRun>.Builder runs,
        ImmutableArray<EventError>.Builder errors,
        CancellationToken cancellationToken)
    {
        // Once the budget is spent a run still gets a token wait: a zero wait would skip the readiness check
        // altogether and reconcile a resource that is still being created.
        var wait = reading.WaitsForReady ? Max(waitUntil - time.GetUtcNow(), CheckOnce) : TimeSpan.Zero;
        var request = new ReconcileRequest(scope, reading.Trigger, reading.Mode, wait, Prune: reading.Prune) { SweepId = reading.SweepId, Shared = reading.Shared };
        log.Info(invocation.RequestId, "run.start", scope.Describe(), ("mode", reading.Mode.ToString()), ("trigger", reading.Trigger), ("eventId", reading.EventId));
        try
        {
            var report = await engine.ReconcileAsync(request, invocation.RunUntilDeadline(time.GetUtcNow()), cancellationToken);
            var summary = report.Summarize();
            runs.Add(new EventRun(scope.Describe(), summary));
            log.Report(invocation.RequestId, report);
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
