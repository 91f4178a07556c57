using System.Collections.Concurrent;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Deploy;
using AcrReach.Functions.Tests.Support;
using AcrReach.LocalCloud;
using AcrReach.LocalCloud.Fc;
using AcrReach.TestSupport;

namespace AcrReach.Functions.Tests.EndToEnd;

/// <summary>
/// The fanned-out sweep on this machine: the timer's host calls InvokeFunction on the local cloud, whose Function Compute
/// forwards each shard asynchronously to the worker's host, with FC's retries; both hosts run the real engine.
/// </summary>
public sealed class SweepFanOutOnLocalCloudTests
{
    private const string Worker = "acr-reach-sweep-worker";
    private static readonly string Repair = EventFiles.Read("timer-sweep-repair.json");

    [Fact]
    public async Task The_sweep_converges_every_shard_and_each_shard_publishes_one_message_with_the_sweeps_id()
    {
        await using var fanOut = await FanOutRig.StartAsync();

        using var response = await fanOut.Rig.InvokeAsync(Repair);

        Assert.Equal("200", response.FcStatus());
        var body = await response.JsonAsync();
        var sweepId = body.GetProperty("sweepId").GetString()!;
        var shards = body.GetProperty("shards").EnumerateArray().Select(s => s.GetProperty("scope").GetString()!).ToList();
        Assert.Equal(["region cn-hangzhou", "region cn-shanghai"], shards);

        // The timer read the account-wide lists once and handed them over: each payload carried them, within FC's async limit.
        Assert.All(body.GetProperty("shards").EnumerateArray(), s => Assert.True(s.GetProperty("shared").GetBoolean() && s.GetProperty("payloadBytes").GetInt32() is > 0 and <= SweepDispatcher.MaxAsyncPayloadBytes));
        var invocations = await fanOut.FinishedAsync(shards.Count);
        Assert.All(invocations, i => Assert.Equal(("Succeeded", 1), (i.Status, i.Attempts)));
        var messages = fanOut.Rig.Messages().Where(m => (string?)m["sweepId"] == sweepId).ToList();
        Assert.Equal(shards.Order(StringComparer.Ordinal), messages.Select(m => (string)m["scope"]!).Order(StringComparer.Ordinal));
        Assert.All(messages, m => Assert.Equal(Triggers.Sweep, (string?)m["trigger"]));
        Assert.Equal(OnAttachmentOnLocalCloudTests.SeedRoutes, fanOut.Rig.MarkedRoutes());
        fanOut.Rig.AssertConverged();
        Assert.Equal(shards.Count, fanOut.Rig.Cloud.Calls()["InvokeFunction"]);
    }

    [Fact]
    public async Task A_shard_that_fails_is_retried_by_fc_and_the_other_shards_are_not_touched()
    {
        await using var fanOut = await FanOutRig.StartAsync();

        // Only the workers read route tables (the timer's survey does not): exactly one shard's run fails, non-transiently.
        fanOut.Rig.Cloud.AddFault(new ScriptedFault("DescribeRouteTableList", 1, "Forbidden.RAM", 403));
        using var response = await fanOut.Rig.InvokeAsync(Repair);

        Assert.Equal("200", response.FcStatus());
        var sweepId = (await response.JsonAsync()).GetProperty("sweepId").GetString()!;
        var invocations = await fanOut.FinishedAsync(2);
        Assert.All(invocations, i => Assert.Equal("Succeeded", i.Status));
        Assert.Equal([1, 2], invocations.Select(i => i.Attempts).Order());
        var byScope = fanOut.Rig.Messages().Where(m => (string?)m["sweepId"] == sweepId).GroupBy(m => (string)m["scope"]!).ToDictionary(g => g.Key, g => g.Select(m => (string)m["outcome"]!).ToList());
        var retried = Assert.Single(byScope, s => s.Value.Count == 2);
        Assert.Equal("Failed", retried.Value[0]);
        Assert.NotEqual("Failed", retried.Value[1]);
        var untouched = Assert.Single(byScope, s => s.Value.Count == 1);
        Assert.NotEqual("Failed", untouched.Value[0]);
        fanOut.Rig.AssertConverged();
    }

    [Fact]
    public async Task A_shard_failing_every_attempt_is_tried_as_often_as_the_async_configuration_says_and_the_other_shard_still_converges()
    {
        // The deployment's retries (s.yaml asyncInvokeConfig of the worker), as `serve` registers the worker with them.
        var retries = (int)DeploymentFiles.DevsFunctions[FunctionKind.SweepWorker]["asyncInvokeConfig"]!["maxAsyncRetryAttempts"]!;
        await using var fanOut = await FanOutRig.StartAsync(failing: "region cn-shanghai", retries);

        using var response = await fanOut.Rig.InvokeAsync(Repair);

        Assert.Equal("200", response.FcStatus());
        var sweepId = (await response.JsonAsync()).GetProperty("sweepId").GetString()!;
        var invocations = await fanOut.FinishedAsync(2);
        Assert.Equal([("Failed", 1 + retries), ("Succeeded", 1)], invocations.Select(i => (i.Status, i.Attempts)).Order());
        var messages = fanOut.Rig.Messages().Where(m => (string?)m["sweepId"] == sweepId).ToList();
        var hangzhou = Assert.Single(messages);
        Assert.Equal(("region cn-hangzhou", "InSync"), ((string?)hangzhou["scope"], (string?)hangzhou["outcome"]));

        // Every route the seed needs is on vpc-sh2's path: the Shanghai shard's, which never ran.
        Assert.Empty(fanOut.Rig.MarkedRoutes());
    }

    [Fact]
    public async Task With_reserved_concurrency_one_the_shards_run_one_after_another_and_each_converges_and_publishes_one_message_with_the_sweeps_id()
    {
        await using var fanOut = await FanOutRig.StartAsync(reservedConcurrency: 1);

        using var response = await fanOut.Rig.InvokeAsync(Repair);

        Assert.Equal("200", response.FcStatus());
        var body = await response.JsonAsync();
        var sweepId = body.GetProperty("sweepId").GetString()!;
        var shards = body.GetProperty("shards").EnumerateArray().Select(s => s.GetProperty("scope").GetString()!).ToList();
        Assert.Equal(2, shards.Count);
        var invocations = await fanOut.FinishedAsync(shards.Count);
        Assert.All(invocations, i => Assert.Equal(("Succeeded", 1), (i.Status, i.Attempts)));

        // As the worker saw them: the second shard's run began after the first one's ended.
        var runs = fanOut.Runs.OrderBy(r => r.Started).ToList();
        Assert.Equal(shards.Order(StringComparer.Ordinal), runs.Select(r => r.Scope).Order(StringComparer.Ordinal));
        Assert.True(runs[1].Started >= runs[0].Ended, $"the shards overlapped: {string.Join("; ", runs)}");
        var attempts = fanOut.Rig.Cloud.InvocationAttempts().OrderBy(a => a.Started).ToList();
        Assert.True(attempts[1].Started >= attempts[0].Finished, "the local FC ran the two attempts side by side");

        var messages = fanOut.Rig.Messages().Where(m => (string?)m["sweepId"] == sweepId).ToList();
        Assert.Equal(shards.Order(StringComparer.Ordinal), messages.Select(m => (string)m["scope"]!).Order(StringComparer.Ordinal));
        Assert.Equal(OnAttachmentOnLocalCloudTests.SeedRoutes, fanOut.Rig.MarkedRoutes());
        fanOut.Rig.AssertConverged();
    }

    [Fact]
    public async Task With_reserved_concurrency_one_a_shard_failing_every_attempt_is_tried_as_the_async_configuration_says_and_the_shard_waiting_behind_it_still_converges()
    {
        var retries = (int)DeploymentFiles.DevsFunctions[FunctionKind.SweepWorker]["asyncInvokeConfig"]!["maxAsyncRetryAttempts"]!;
        await using var fanOut = await FanOutRig.StartAsync(failing: "region cn-shanghai", retries, reservedConcurrency: 1);

        using var response = await fanOut.Rig.InvokeAsync(Repair);

        Assert.Equal("200", response.FcStatus());
        var sweepId = (await response.JsonAsync()).GetProperty("sweepId").GetString()!;
        var invocations = await fanOut.FinishedAsync(2);
        Assert.Equal([("Failed", 1 + retries), ("Succeeded", 1)], invocations.Select(i => (i.Status, i.Attempts)).Order());
        var runs = fanOut.Runs.OrderBy(r => r.Started).ToList();
        Assert.Equal(2 + retries, runs.Count);
        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(pair.Second.Started >= pair.First.Ended, $"runs overlapped: {pair}"));
        var hangzhou = Assert.Single(fanOut.Rig.Messages(), m => (string?)m["sweepId"] == sweepId);
        Assert.Equal(("region cn-hangzhou", "InSync"), ((string?)hangzhou["scope"], (string?)hangzhou["outcome"]));
        Assert.Empty(fanOut.Rig.MarkedRoutes());
    }

    /// <summary>One shard's run as the worker's engine saw it.</summary>
    private sealed record Run(string Scope, DateTimeOffset Started, DateTimeOffset Ended);

    /// <summary>The engine of the worker, recording when each run of a scope started and ended.</summary>
    private sealed class RecordingEngine(IReachEngine engine, ConcurrentQueue<Run> runs) : IReachEngine
    {
        public async Task<ApplyReport> ReconcileAsync(ReconcileRequest request, RunContext context, CancellationToken cancellationToken)
        {
            var started = TimeProvider.System.GetUtcNow();
            try
            {
                return await engine.ReconcileAsync(request, context, cancellationToken);
            }
            finally
            {
                runs.Enqueue(new Run(request.Scope.Describe(), started, TimeProvider.System.GetUtcNow()));
            }
        }

        public Task<PlannedScope> PlanAsync(ReconcileScope scope, RunContext context, CancellationToken cancellationToken) => engine.PlanAsync(scope, context, cancellationToken);

        public Task<ApprovedApply> ApplyPlanAsync(string planId, ReconcileRequest request, RunContext context, CancellationToken cancellationToken) => engine.ApplyPlanAsync(planId, request, context, cancellationToken);

        public Task<AccountStatus> StatusAsync(RunContext context, CancellationToken cancellationToken) => engine.StatusAsync(context, cancellationToken);

        public Task<SweepFanOutReport> FanOutSweepAsync(SweepFanOutRequest request, RunContext context, CancellationToken cancellationToken) => engine.FanOutSweepAsync(request, context, cancellationToken);
    }

    /// <summary>The real engine, except that a run of one scope throws (the worker answers x-fc-status 404 every time).</summary>
    private sealed class FailingScope(IReachEngine engine, string scope) : IReachEngine
    {
        public Task<ApplyReport> ReconcileAsync(ReconcileRequest request, RunContext context, CancellationToken cancellationToken) =>
            request.Scope.Describe() == scope ? throw new InvalidOperationException($"{scope} fails on purpose") : engine.ReconcileAsync(request, context, cancellationToken);

        public Task<PlannedScope> PlanAsync(ReconcileScope scope, RunContext context, CancellationToken cancellationToken) => engine.PlanAsync(scope, context, cancellationToken);

        public Task<ApprovedApply> ApplyPlanAsync(string planId, ReconcileRequest request, RunContext context, CancellationToken cancellationToken) => engine.ApplyPlanAsync(planId, request, context, cancellationToken);

        public Task<AccountStatus> StatusAsync(RunContext context, CancellationToken cancellationToken) => engine.StatusAsync(context, cancellationToken);

        public Task<SweepFanOutReport> FanOutSweepAsync(SweepFanOutRequest request, RunContext context, CancellationToken cancellationToken) => engine.FanOutSweepAsync(request, context, cancellationToken);
    }

    /// <summary>The timer's rig (sweep host + local cloud) and a second host, the worker, registered with the local cloud's FC.</summary>
    private sealed class FanOutRig : IAsyncDisposable
    {
        private readonly ConcurrentQueue<Run> _runs;

        private FanOutRig(CloudRig rig, HostUnderTest worker, ConcurrentQueue<Run> runs) => (Rig, Worker, _runs) = (rig, worker, runs);

        public CloudRig Rig { get; }

        public HostUnderTest Worker { get; }

        /// <summary>Every run the worker's engine finished (the failing scope's included), in the order they ended.</summary>
        public IReadOnlyList<Run> Runs => [.. _runs];

        /// <param name="reservedConcurrency">Put through FC's PutConcurrencyConfig, as a deployment does, when given.</param>
        public static async Task<FanOutRig> StartAsync(string? failing = null, int retries = 2, int? reservedConcurrency = null)
        {
            var runs = new ConcurrentQueue<Run>();
            var rig = await CloudRig.StartAsync(
                FunctionKind.Sweep,
                configure: config => config with { SweepWorker = SweepFanOutOnLocalCloudTests.Worker },
                cloudOptions: options => options with { AsyncRetryDelay = TimeSpan.FromMilliseconds(50) });
            var worker = await HostUnderTest.StartAsync(
                FunctionKind.SweepWorker,
                config => config with { Endpoint = rig.Cloud.Endpoint },
                config =>
                {
                    IReachEngine engine = new ReachEngine(rig.Factory, EngineWiring.Options(config, new ReconcilerOptions { ReadyPoll = TimeSpan.FromMilliseconds(20), MaxReadyPoll = TimeSpan.FromMilliseconds(100) }));
                    return new RecordingEngine(failing is null ? engine : new FailingScope(engine, failing), runs);
                });
            rig.Cloud.RegisterFunction(new LocalFunction(SweepFanOutOnLocalCloudTests.Worker, worker.Address, MaxAsyncRetryAttempts: retries));
            if (reservedConcurrency is { } reserved)
            {
                using var http = new HttpClient();
                await ReservedConcurrency.PutAsync(http, rig.Cloud.Endpoint, LocalCloudOptions.DefaultAccessKeyId, LocalCloudOptions.DefaultAccessKeySecret, SweepFanOutOnLocalCloudTests.Worker, reserved);
            }

            return new FanOutRig(rig, worker, runs);
        }

        /// <summary>Waits (at most a minute) until <paramref name="count"/> invocations have finished, retries included.</summary>
        public async Task<IReadOnlyList<InvocationRecord>> FinishedAsync(int count)
        {
            for (var i = 0; i < 600; i++)
            {
                var invocations = Rig.Cloud.Invocations();
                if (invocations.Count >= count && invocations.All(r => r.Status != "Running"))
                {
                    return invocations;
                }

                await Task.Delay(100);
            }

            throw new TimeoutException($"the shards did not finish: {string.Join("; ", Rig.Cloud.Invocations())}");
        }

        public async ValueTask DisposeAsync()
        {
            await Rig.DisposeAsync();
            await Worker.DisposeAsync();
        }
    }
}
