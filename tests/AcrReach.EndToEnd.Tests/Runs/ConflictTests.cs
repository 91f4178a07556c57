using AcrReach.TestSupport;
using System.Net;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Cloud.Vpc;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;
using AcrReach.EndToEnd.Tests.Support;

namespace AcrReach.EndToEnd.Tests.Runs;

/// <summary>Someone else's route at a destination AcrReach needs: it survives untouched and the run says so.</summary>
public sealed class ConflictTests
{
    private static readonly IPNetwork Auth = Cidr.Parse("100.103.7.181/32");

    [Fact]
    public async Task A_route_made_by_someone_else_after_planning_survives_and_is_a_failed_step_with_route_conflict()
    {
        await using var engine = await LocalCloudRig.StartAsync();
        var planned = await engine.Reconciler().PlanAsync(WholeAccount.Instance);
        await engine.Apis.Vpc("cn-shanghai").CreateRouteEntryAsync(new CreateRouteEntryRequest
        {
            RouteTableId = "vtb-sh2",
            DestinationCidrBlock = "100.103.7.181/32",
            NextHopType = "Instance",
            NextHopId = "i-proxy",
            RouteEntryName = "ops proxy",
        });

        var steps = await new Applier(engine.Apis).ApplyAsync(planned.Plan, planned.Discovered.Account);

        var conflict = Assert.Single(steps, s => s.Outcome == StepOutcome.Failed);
        Assert.Equal(Auth, ((CreateVpcRoute)conflict.Action.Plan!).Destination);
        Assert.Equal(Applier.RouteConflictCode, conflict.Error!.Code);
        Assert.Contains("Instance i-proxy ('ops proxy')", conflict.Error.Message, StringComparison.Ordinal);
        Assert.NotNull(conflict.RequestId);
        Assert.Equal(3, steps.Count(s => s.Outcome == StepOutcome.Applied));
        var survivor = Assert.Single(engine.Cloud.Snapshot().FindVpc("vpc-sh2")!.RouteTables[0].Entries, e => e.Destination == Auth);
        Assert.Equal(("Instance", "i-proxy", "ops proxy"), (survivor.NextHopType, survivor.NextHopId, survivor.Name));
    }

    [Fact]
    public async Task A_route_someone_else_made_before_the_run_is_reported_and_left_alone()
    {
        var seed = Scenarios.Load("seed-hangzhou-shanghai");
        var sh2 = seed.FindVpc("vpc-sh2")!;
        var foreign = new RouteEntry(Auth, "Instance", "i-proxy", "ops proxy");
        seed = seed with { Vpcs = [seed.Vpcs[0], sh2 with { RouteTables = [sh2.RouteTables[0] with { Entries = sh2.RouteTables[0].Entries.Add(foreign) }] }] };
        await using var engine = await LocalCloudRig.StartAsync(seed);

        var report = await engine.ApplyAsync();

        Assert.Equal(ReconcileOutcome.Blocked, report.Outcome);
        // The planner sees the route take auth traffic out of the transit network: an error finding, no action.
        Assert.Contains(report.Plan!.Findings, f => f.Severity == Severity.Error && f.Destination == Auth && f.Message.Contains("i-proxy", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Steps, s => s.Action.Plan is CreateVpcRoute { Destination: var d } && d == Auth);
        Assert.False(report.Verification!.Reachable);
        Assert.Contains(foreign, engine.Cloud.Snapshot().FindVpc("vpc-sh2")!.RouteTables[0].Entries);
    }
}
