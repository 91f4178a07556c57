using System.Collections.Immutable;
using System.Globalization;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Functions.Events;
using AcrReach.Functions.Hosting;

namespace AcrReach.Functions.Functions;

/// <summary>
/// The timer's sweep when a worker is configured: the engine splits the account into shards and hands each to the worker
/// through FC's async invocation; this answers with the sweep's id and each hand-over. The invocation fails (x-fc-status
/// 404, FC retries it) when a shard could not be handed over; a repeated hand-over is a new sweep, and the runs are level-based.
/// </summary>
internal sealed class SweepFanOutFunction(IReachEngine engine, HostConfig config, JsonLog log, TimeProvider time)
{
    public async Task<InvocationResult> RunAsync(ReconcileReading sweep, string worker, InvocationContext invocation, CancellationToken cancellationToken)
    {
        log.Info(invocation.RequestId, "sweep.fan-out", $"splitting the sweep into shards for {worker}", ("mode", sweep.Mode.ToString()), ("trigger", sweep.Trigger));
        var report = await engine.FanOutSweepAsync(new SweepFanOutRequest(worker, sweep.Mode, config.ShardMaxNetworks), invocation.RunUntilDeadline(time.GetUtcNow()), cancellationToken);
        foreach (var shard in report.Shards)
        {
            var fields = new (string Key, string? Value)[] { ("sweepId", report.SweepId), ("index", shard.Index.ToString(CultureInfo.InvariantCulture)), ("fcRequestId", shard.RequestId) };
            if (shard.Error is { } error)
            {
                log.Warning(invocation.RequestId, "sweep.shard-failed", $"{shard.Scope}: {error.Code}: {error.Message}", fields);
            }
            else
            {
                log.Info(invocation.RequestId, "sweep.shard", shard.Scope, fields);
            }
        }

        if (report.Error is { } failure)
        {
            log.Error(invocation.RequestId, "sweep.survey-failed", $"{failure.Code}: {failure.Message}", ("sweepId", report.SweepId));
        }

        var ok = report.Dispatched;
        var response = new SweepFanOutResponse(invocation.Function, invocation.RequestId, ok, report.SweepId, worker, report.Shards, report.Error);
        return InvocationResult.Json(ok ? 200 : 404, ok, response, FunctionsJsonContext.Default.SweepFanOutResponse);
    }
}

/// <summary>The sweep's answer when it fans out: the sweep's id, the worker, and each shard's hand-over.</summary>
public sealed record SweepFanOutResponse(string Function, string RequestId, bool Ok, string SweepId, string Worker, ImmutableArray<ShardDispatch> Shards, RunError? Error);
