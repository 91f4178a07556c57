using AcrReach.TestSupport;
using System.Net.Http.Json;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Cloud.Vpc;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;
using AcrReach.EndToEnd.Tests.Support;

namespace AcrReach.EndToEnd.Tests.Runs;

/// <summary>The compliance sweep: report-only writes nothing and reports drift; repair mends it.</summary>
public sealed class SweepTests
{
    [Fact]
    public async Task Report_only_sweep_makes_no_write_and_reports_the_drift()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var report = await engine.SweepAsync();

        Assert.Equal(0, engine.NetworkWriteCalls());
        Assert.Equal(ReconcileOutcome.DriftReported, report.Outcome);
        Assert.Equal(4, report.Steps.Length);
        Assert.All(report.Steps, s => Assert.Equal((StepOutcome.Skipped, Reconciler.ReportOnlyCode), (s.Outcome, s.Error!.Code)));
        Assert.False(report.Verification!.Reachable);
        Assert.NotNull(report.Notification!.MessageId);
    }

    [Fact]
    public async Task A_route_deleted_behind_acr_reachs_back_is_reported_then_repaired()
    {
        await using var engine = await LocalCloudRig.StartAsync();
        await engine.ApplyAsync();
        await engine.Apis.Vpc("cn-shanghai").DeleteRouteEntryAsync(new DeleteRouteEntryRequest { RouteTableId = "vtb-sh2", DestinationCidrBlock = "100.118.28.43/32" });
        await WaitUntil(() => !Routes.Marked(engine.Cloud.Snapshot()).Any(r => r.Destination == "100.118.28.43/32"));
        engine.Cloud.ResetCalls();

        var drift = await engine.SweepAsync();
        var writesWhileReporting = engine.NetworkWriteCalls();
        var repair = await engine.ApplyAsync();

        Assert.Equal(0, writesWhileReporting);
        Assert.Equal(ReconcileOutcome.DriftReported, drift.Outcome);
        var missing = Assert.Single(drift.Plan!.Actions);
        Assert.Equal(Cidr.Parse("100.118.28.43/32"), ((CreateVpcRoute)missing).Destination);
        Assert.Equal(ReconcileOutcome.Repaired, repair.Outcome);
        Assert.Equal(StepOutcome.Applied, Assert.Single(repair.Steps).Outcome);
        Routes.AssertConverged(engine.Cloud.Snapshot());
    }

    [Fact]
    public async Task When_the_oss_name_resolves_elsewhere_the_sweep_adds_the_new_address_and_reports_the_old_route_stale()
    {
        await using var engine = await LocalCloudRig.StartAsync();
        var first = await engine.ApplyAsync();
        using var http = new HttpClient { BaseAddress = engine.Cloud.Endpoint };
        (await http.PutAsJsonAsync("_local/resolve", new { region = "cn-hangzhou", name = "oss-cn-hangzhou-internal.aliyuncs.com", address = "100.118.28.99" })).EnsureSuccessStatusCode();

        var drift = await engine.SweepAsync();
        var repair = await engine.ApplyAsync();

        var moved = new StaleRoute(RouteTableKind.Vpc, "vtb-sh2", Cidr.Parse("100.118.28.43/32"), "tr-attach-sh2", AcrReachMark.Describe("OSS oss-cn-hangzhou-internal.aliyuncs.com (100.118.28.43) of cri-xxxxxx for vpc-sh2", first.RunId));
        Assert.Equal(ReconcileOutcome.DriftReported, drift.Outcome);
        Assert.Equal(Cidr.Parse("100.118.28.99/32"), ((CreateVpcRoute)Assert.Single(drift.Plan!.Actions)).Destination);
        Assert.Equal(moved, Assert.Single(drift.Stale));
        Assert.Equal(ReconcileOutcome.Repaired, repair.Outcome);
        Assert.Equal(moved, Assert.Single(repair.Stale));
        var routes = engine.Cloud.Snapshot().FindVpc("vpc-sh2")!.RouteTables[0].Entries.Select(e => Cidr.Format(e.Destination)).ToList();
        Assert.Contains("100.118.28.99/32", routes);
        Assert.Contains("100.118.28.43/32", routes);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
