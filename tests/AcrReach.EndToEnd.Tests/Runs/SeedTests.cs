using AcrReach.TestSupport;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Planning;
using AcrReach.EndToEnd.Tests.Support;

namespace AcrReach.EndToEnd.Tests.Runs;

public sealed class SeedTests
{
    [Fact]
    public async Task Seed_scenario_converges_and_verifies()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var report = await engine.ApplyAsync();

        Assert.Equal(ReconcileOutcome.Repaired, report.Outcome);
        Assert.Equal(Planner.Plan(Scenarios.Load("seed-hangzhou-shanghai")).PlanId, report.PlanId);
        Assert.All(report.Steps, s => Assert.Equal(StepOutcome.Applied, s.Outcome));
        Assert.Equal(4, report.Steps.Length);
        Assert.True(report.Verification!.Reachable);
        Assert.Empty(Planner.Plan(engine.Cloud.Snapshot()).Actions);
    }

    [Fact]
    public async Task A_second_apply_makes_no_write_call()
    {
        await using var engine = await LocalCloudRig.StartAsync();
        await engine.ApplyAsync();
        engine.Cloud.ResetCalls();

        var again = await engine.ApplyAsync();

        Assert.Equal(ReconcileOutcome.InSync, again.Outcome);
        Assert.Empty(again.Steps);
        Assert.True(again.Verification!.Reachable);
        Assert.Equal(0, engine.NetworkWriteCalls());
        Assert.True(engine.Cloud.Calls().GetValueOrDefault("DescribeRouteEntryList") > 0);
    }
}
