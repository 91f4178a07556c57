using AcrReach.TestSupport;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Planning;
using AcrReach.Core.Scenarios;
using AcrReach.EndToEnd.Tests.Support;

namespace AcrReach.EndToEnd.Tests.Runs;

/// <summary>Every scenario of the planner's suite, applied on the local cloud: nothing is left to plan, and a second run writes nothing.</summary>
public sealed class ScenarioRunTests
{
    public static TheoryData<string> Scenarios() => [.. TestSupport.Scenarios.Names()];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Applying_leaves_nothing_to_plan_and_a_second_run_writes_nothing(string scenario)
    {
        var account = TestSupport.Scenarios.Load(scenario);
        await using var engine = await LocalCloudRig.StartAsync(account);
        var options = new ReconcilerOptions { Discovery = new() { Policy = new PolicySettings([], account.Policy with { Reach = [] }, account.OssVipRangeOverrides) } };

        var first = await engine.ApplyAsync(options);
        engine.Cloud.ResetCalls();
        var second = await engine.ApplyAsync(options);

        Assert.DoesNotContain(first.Steps, s => s.Outcome == StepOutcome.Failed);
        Assert.Empty(Planner.Plan(engine.Cloud.Snapshot()).Actions);
        Assert.Equal(0, engine.NetworkWriteCalls());
        Assert.Empty(second.Steps);
        Assert.Equal(first.Verification!.Reachable, second.Verification!.Reachable);
        Assert.Equal(Planner.Plan(account).HasErrors ? ReconcileOutcome.Blocked : ReconcileOutcome.InSync, second.Outcome);
    }
}
