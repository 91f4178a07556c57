using AcrReach.TestSupport;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Planning;
using AcrReach.EndToEnd.Tests.Support;
using AcrReach.LocalCloud;

namespace AcrReach.EndToEnd.Tests.Runs;

/// <summary>A misbehaving cloud: throttling, server errors, busy tables, cancellation, many runs at once.</summary>
public sealed class FaultTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Converges_under_throttling_server_errors_and_task_conflicts_without_duplicates(int seed)
    {
        await using var engine = await LocalCloudRig.StartAsync(configure: o => o with { ThrottleRate = 0.2, FaultRate = 0.05, Seed = seed, SettleTime = TimeSpan.FromMilliseconds(100) });
        engine.Cloud.AddFault(new ScriptedFault("CreateRouteEntry", 2, "TaskConflict"));
        engine.Cloud.AddFault(new ScriptedFault("CreateTransitRouterRouteEntry", 2, "Operation.Blocking"));
        var expected = Routes.Planned(Planner.Plan(Scenarios.Load("seed-hangzhou-shanghai")));

        // Three runs at once: their writes to the same VPC and the same tables collide (TaskConflict, IncorrectRouteEntryStatus).
        var reports = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => engine.ApplyAsync()));

        Assert.All(reports, r => Assert.True(r.Outcome.IsConverged(), FailedSteps(r) + ReportJson.Serialize(r)));
        var state = engine.Cloud.Snapshot();
        Routes.AssertConverged(state);
        Assert.Equal(expected, Routes.Marked(state));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    public async Task A_run_cancelled_at_a_random_call_and_run_again_converges(int seed)
    {
        var random = new Random(seed);
        using var cancel = new CancellationTokenSource();

        // A whole run of the seed takes about 45 calls; cancel somewhere in its first 40, before or after the answer.
        var handler = new CancelAfterCalls(random.Next(1, 40), afterAnswer: random.Next(2) == 0, cancel);
        await using var engine = await LocalCloudRig.StartAsync(handler: handler);
        var expected = Routes.Planned(Planner.Plan(Scenarios.Load("seed-hangzhou-shanghai")));

        var cancelled = await engine.ApplyAsync(cancellationToken: cancel.Token);
        var again = await engine.ApplyAsync();

        Assert.Equal(ReconcileOutcome.Cancelled, cancelled.Outcome);
        Assert.Null(cancelled.Notification);
        Assert.True(again.Outcome.IsConverged(), $"{again.Outcome}: {again.Error}");
        Assert.True(again.Verification!.Reachable);
        var state = engine.Cloud.Snapshot();
        Routes.AssertConverged(state);
        Assert.Equal(expected, Routes.Marked(state));
    }

    [Fact]
    public async Task Ten_applies_started_at_once_leave_exactly_one_entry_per_destination()
    {
        await using var engine = await LocalCloudRig.StartAsync(configure: o => o with { SettleTime = TimeSpan.FromMilliseconds(100) });
        var expected = Routes.Planned(Planner.Plan(Scenarios.Load("seed-hangzhou-shanghai")));

        var reports = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => engine.ApplyAsync())));

        Assert.All(reports, r => Assert.True(r.Outcome.IsConverged(), $"{r.Outcome}: {string.Join("; ", r.Steps.Select(s => s.Error?.Message))}"));
        var state = engine.Cloud.Snapshot();
        Routes.AssertConverged(state);
        Assert.Equal(expected, Routes.Marked(state));
        Assert.Equal(10, engine.Cloud.Messages(LocalCloudOptions.DefaultQueueName).Count);
    }

    private static string FailedSteps(ApplyReport report) =>
        string.Concat(report.Steps.Where(s => s.Outcome == StepOutcome.Failed).Select(s => $"failed: {s.Action.Describe()}: {s.Error}\n"));
}
