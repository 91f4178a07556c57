using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AcrReach.Functions.Hosting;
using AcrReach.LocalCloud.Fc;

namespace AcrReach.Sweep.Benchmarks;

/// <summary>
/// The timer's sweep fanned out through the local cloud's Function Compute: the sweep function's host surveys the account
/// and invokes the worker asynchronously once per shard; the local FC forwards each to the worker's host (with FC's
/// retries), at most the worker's reserved concurrency at once (put through FC's PutConcurrencyConfig, as a deployment
/// does), the rest waiting in FC's async queue. Measured: each shard's run time from its start on an instance (its
/// message's duration) and its wait in the queue before it (the local FC's attempt records), all calls against the
/// whole sweep's lower bound (plus one message and one InvokeFunction per shard), and the wall time from the timer until
/// the last shard finished against the rate-limit bound.
/// </summary>
internal static class FanOutBenchmark
{
    private const string Worker = "acr-reach-sweep-worker";

    public sealed record Result(int Vpcs, int Shards, int Failed, int ReservedConcurrency, IReadOnlyList<(string Scope, TimeSpan Duration, string Outcome)> Runs, IReadOnlyList<InvocationAttempt> Attempts, int Calls, int Bound, TimeSpan Wall, TimeSpan WallBound, int RateLimited, SortedDictionary<string, int> PerAction, SortedDictionary<string, int> BoundPerAction)
    {
        /// <summary>The largest InvokeFunction payload, and how many shards' payloads carried the account-wide readings.</summary>
        public (int MaxPayloadBytes, int Shared) Payloads { get; init; }
    }

    /// <param name="reservedConcurrency">The worker's reserved concurrency; 0 sets none (every shard at once).</param>
    public static async Task<Result> RunAsync(BenchAccounts.Generated generated, int latencyMs, TimeSpan settle, TimeSpan maxWait, int reservedConcurrency)
    {
        var account = generated.Converged;
        await using var rig = await BenchRig.StartAsync(account, latencyMs, settle);
        var timer = await rig.StartHostAsync(FunctionKind.Sweep, config => config with { SweepWorker = Worker });
        var worker = await rig.StartHostAsync(FunctionKind.SweepWorker);
        rig.Cloud.RegisterFunction(new LocalFunction(Worker, worker, MaxAsyncRetryAttempts: 2));
        if (reservedConcurrency > 0)
        {
            using var http = new HttpClient();
            await TestSupport.ReservedConcurrency.PutAsync(http, rig.Cloud.Endpoint, LocalCloud.LocalCloudOptions.DefaultAccessKeyId, LocalCloud.LocalCloudOptions.DefaultAccessKeySecret, Worker, reservedConcurrency);
        }

        rig.Cloud.ResetCalls();

        var stopwatch = Stopwatch.StartNew();
        var (status, answer, _) = await rig.InvokeAsync(timer, """{ "triggerTime": "2026-11-20T04:00:00Z", "triggerName": "compliance-sweep", "payload": "{\"mode\":\"report\"}" }""");
        var sweepId = answer["sweepId"]?.ToString() ?? throw new InvalidOperationException($"the timer did not fan out (x-fc-status {status}): {answer.ToJsonString()}");
        var shards = answer["shards"]!.AsArray().Count;
        var payloads = (answer["shards"]!.AsArray().Max(d => (int?)d!["payloadBytes"] ?? 0), answer["shards"]!.AsArray().Count(d => (bool?)d!["shared"] == true));
        while (rig.Cloud.Invocations() is var invocations && (invocations.Count < shards || invocations.Any(i => i.Status == "Running")))
        {
            if (stopwatch.Elapsed > maxWait)
            {
                throw new TimeoutException($"the shards did not finish within {maxWait.TotalSeconds:0} s");
            }

            await Task.Delay(100);
        }

        stopwatch.Stop();
        var calls = new SortedDictionary<string, int>(rig.Cloud.Calls().ToDictionary(), StringComparer.Ordinal);
        var runs = rig.Cloud.Messages(LocalCloud.LocalCloudOptions.DefaultQueueName)
            .Select(m => JsonNode.Parse(m.DecodedBody ?? m.Body)!)
            .Where(m => m["sweepId"]?.ToString() == sweepId)
            .Select(m => (Scope: m["scope"]!.ToString(), Duration: TimeSpan.Parse(m["duration"]!.ToString(), CultureInfo.InvariantCulture), Outcome: m["outcome"]!.ToString()))
            .OrderBy(r => r.Scope, StringComparer.Ordinal)
            .ToList();

        var bound = LowerBound.Calls(account);
        bound["SendMessage"] = shards;
        bound["InvokeFunction"] = shards;
        var qps = BenchRig.ServerQps;
        var rateBound = bound.Where(b => qps.ContainsKey(b.Key)).Max(b => b.Value / (double)qps[b.Key]);
        // The timer's survey, its InvokeFunction, then in each shard: routers -> tables -> entries, and the message.
        const int DependentSteps = 6;
        var wallBound = TimeSpan.FromSeconds(rateBound + (DependentSteps * latencyMs / 1000.0));
        return new Result(account.Vpcs.Length, shards, rig.Cloud.Invocations().Count(i => i.Status != "Succeeded"), reservedConcurrency, runs, [.. rig.Cloud.InvocationAttempts().OrderBy(a => a.Started)], calls.Values.Sum(), bound.Values.Sum(), stopwatch.Elapsed, wallBound, rig.Cloud.RateLimited().Values.Sum(), calls, bound) { Payloads = payloads };
    }

    public static void Print(Result r)
    {
        var slowest = r.Runs.Count == 0 ? TimeSpan.Zero : r.Runs.Max(x => x.Duration);
        Console.WriteLine($"  {r.Shards} shard(s), {r.Failed} failed after FC's retries, {r.Runs.Count} message(s) with the sweep's id; refused for the rate limits: {r.RateLimited}");
        foreach (var (scope, duration, outcome) in r.Runs)
        {
            Console.WriteLine($"    {scope,-40} {duration.TotalSeconds,7:0.0} s  {outcome}");
        }

        Console.WriteLine($"  shard payloads: largest {r.Payloads.MaxPayloadBytes} bytes (FC's async limit 131072), {r.Payloads.Shared} of {r.Shards} carried the account-wide readings");
        Console.WriteLine($"  worker reserved concurrency: {(r.ReservedConcurrency > 0 ? r.ReservedConcurrency.ToString(CultureInfo.InvariantCulture) : "none (every shard at once)")}");
        Console.WriteLine($"    {"attempt (by start)",-40} {"waited",8} {"ran",8}");
        foreach (var attempt in r.Attempts)
        {
            Console.WriteLine($"    {attempt.RequestId + "#" + attempt.Attempt.ToString(CultureInfo.InvariantCulture),-40} {attempt.Waited.TotalSeconds,6:0.0} s {attempt.Ran.TotalSeconds,6:0.0} s{(attempt.Error is null ? string.Empty : "  " + attempt.Error)}");
        }

        var waited = r.Attempts.Count == 0 ? TimeSpan.Zero : r.Attempts.Max(a => a.Waited);
        var invokedToEnd = r.Attempts.Count == 0 ? TimeSpan.Zero : r.Attempts.Max(a => a.Waited + a.Ran);
        Console.WriteLine($"  slowest shard {slowest.TotalSeconds:0.0} s from its start on an instance (target < 120 s): {Issue10.Verdict(slowest < TimeSpan.FromSeconds(120))}");
        Console.WriteLine($"  wait in FC's async queue before an instance: longest {waited.TotalSeconds:0.0} s, mean {(r.Attempts.Count == 0 ? 0 : r.Attempts.Average(a => a.Waited.TotalSeconds)):0.0} s; longest from invocation to end {invokedToEnd.TotalSeconds:0.0} s");
        Console.WriteLine($"  calls {r.Calls}, lower bound {r.Bound}, ratio {r.Calls / (double)r.Bound:0.000} (target <= 1.1): {Issue10.Verdict(r.Calls <= 1.1 * r.Bound)}");
        Console.WriteLine($"  wall time {r.Wall.TotalSeconds:0.0} s, rate-limit bound {r.WallBound.TotalSeconds:0.0} s, ratio {r.Wall / r.WallBound:0.00} (target <= 1.5): {Issue10.Verdict(r.Wall <= r.WallBound * 1.5)}");
        Console.WriteLine($"    {"action",-42} {"calls",7} {"bound",7}");
        foreach (var action in r.PerAction.Keys.Union(r.BoundPerAction.Keys).Order(StringComparer.Ordinal))
        {
            Console.WriteLine($"    {action,-42} {r.PerAction.GetValueOrDefault(action),7} {r.BoundPerAction.GetValueOrDefault(action),7}");
        }
    }
}
