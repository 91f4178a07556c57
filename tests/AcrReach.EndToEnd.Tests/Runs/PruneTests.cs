using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Cloud.Vpc;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;
using AcrReach.LocalCloud;
using AcrReach.TestSupport;

namespace AcrReach.EndToEnd.Tests.Runs;

/// <summary>The lifecycle on the local cloud: what AcrReach made is removed when the need goes, and only that.</summary>
public sealed class PruneTests
{
    private static ReconcileRequest SweepRepairPrune => new(WholeAccount.Instance, Triggers.CliSweep, ReconcileMode.Repair, Prune: true);

    [Fact]
    public async Task Removing_the_tag_then_sweep_repair_prune_removes_the_four_acr_reach_routes_and_nothing_else()
    {
        await using var rig = await LocalCloudRig.StartAsync();
        await rig.ApplyAsync();
        var before = rig.Cloud.Snapshot();
        Assert.Equal(4, Routes.Marked(before).Count);

        await BehindTheBack.UnTagVpcAsync(rig.Factory, "cn-shanghai", "vpc-sh2", "acr-reach");
        var report = await rig.Engine().ReconcileAsync(SweepRepairPrune, RunContext.Default, CancellationToken.None);

        var after = rig.Cloud.Snapshot();
        Assert.Empty(Routes.Marked(after));
        static List<string> Text(IEnumerable<(string Table, System.Net.IPNetwork Destination)> routes) =>
            [.. routes.Select(r => $"{r.Table} {AcrReach.Core.Addressing.Cidr.Format(r.Destination)}").Order(StringComparer.Ordinal)];
        var marked = Routes.Marked(before).Select(m => $"{m.Table} {m.Destination}").ToHashSet();
        Assert.Equal(Text(Routes.All(before)).Where(r => !marked.Contains(r)), Text(Routes.All(after)));
        var removed = report.Steps.Where(s => s.Action.Plan is { IsRemoval: true }).ToList();
        Assert.Equal(4, removed.Count);
        Assert.All(removed, s => Assert.Equal(StepOutcome.Applied, s.Outcome));
        Assert.All(removed, s => Assert.StartsWith("tag removed:", s.Action.Plan!.Reason, StringComparison.Ordinal));
        var message = rig.Messages()[^1].ToJsonString();
        Assert.Contains("DeleteVpcRoute", message, StringComparison.Ordinal);
        Assert.Contains("DeleteTransitRoute", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_prune_the_removals_are_only_reported()
    {
        await using var rig = await LocalCloudRig.StartAsync();
        await rig.ApplyAsync();
        await BehindTheBack.UnTagVpcAsync(rig.Factory, "cn-shanghai", "vpc-sh2", "acr-reach");
        rig.Cloud.ResetCalls();

        var report = await rig.Engine().ReconcileAsync(new ReconcileRequest(WholeAccount.Instance, Triggers.CliSweep, ReconcileMode.Repair), RunContext.Default, CancellationToken.None);

        Assert.Equal(0, rig.NetworkWriteCalls());
        Assert.Equal(4, Routes.Marked(rig.Cloud.Snapshot()).Count);
        Assert.Equal(4, report.Stale.Length);
    }

    [Fact]
    public async Task Deleting_the_registry_then_pruning_removes_its_routes()
    {
        await using var rig = await LocalCloudRig.StartAsync();
        await rig.ApplyAsync();

        await BehindTheBack.DeleteRegistryAsync(rig.Factory, "cn-hangzhou", "cri-xxxxxx");
        var report = await rig.Engine().ReconcileAsync(SweepRepairPrune, RunContext.Default, CancellationToken.None);

        Assert.Empty(Routes.Marked(rig.Cloud.Snapshot()));
        var removed = report.Steps.Where(s => s.Action.Plan is { IsRemoval: true }).ToList();
        Assert.Equal(4, removed.Count);
        Assert.All(removed, s => Assert.StartsWith("registry deleted:", s.Action.Plan!.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_read_removes_nothing_and_the_run_says_why()
    {
        await using var rig = await LocalCloudRig.StartAsync();
        await rig.ApplyAsync();
        await BehindTheBack.UnTagVpcAsync(rig.Factory, "cn-shanghai", "vpc-sh2", "acr-reach");
        rig.Cloud.AddFault(new ScriptedFault("DescribeRouteEntryList", 100, "Forbidden.RAM", 403, "not allowed"));
        rig.Cloud.ResetCalls();

        var report = await rig.Engine().ReconcileAsync(SweepRepairPrune, RunContext.Default, CancellationToken.None);

        Assert.Equal(0, rig.NetworkWriteCalls());
        Assert.Equal(ReconcileOutcome.Failed, report.Outcome);
        Assert.Equal("Forbidden.RAM", report.Error!.Code);
        Assert.Equal(4, Routes.Marked(rig.Cloud.Snapshot()).Count);
    }

    [Fact]
    public async Task Rollback_removes_what_a_run_created_and_leaves_what_a_later_run_created()
    {
        await using var rig = await LocalCloudRig.StartAsync();
        var first = await rig.ApplyAsync();
        await rig.Apis.Vpc("cn-shanghai").DeleteRouteEntryAsync(new DeleteRouteEntryRequest { RouteTableId = "vtb-sh2", DestinationCidrBlock = "100.118.28.43/32" });
        await WaitUntil(() => !Routes.Marked(rig.Cloud.Snapshot()).Any(r => r.Destination == "100.118.28.43/32"));
        var later = await rig.ApplyAsync();
        Assert.Equal(StepOutcome.Applied, Assert.Single(later.Steps).Outcome);

        var shown = await rig.Engine().ReconcileAsync(new ReconcileRequest(WholeAccount.Instance, Triggers.CliRollback, ReconcileMode.ReportOnly, RollbackOf: first.RunId), RunContext.Default, CancellationToken.None);
        var done = await rig.Engine().ReconcileAsync(new ReconcileRequest(WholeAccount.Instance, Triggers.CliRollback, ReconcileMode.Repair, Prune: true, RollbackOf: first.RunId), RunContext.Default, CancellationToken.None);

        Assert.Equal(3, shown.Plan!.Actions.Length);
        Assert.All(shown.Steps, s => Assert.Equal(StepOutcome.Skipped, s.Outcome));
        Assert.Equal(3, done.Steps.Count(s => s.Outcome == StepOutcome.Applied));
        var left = Assert.Single(Routes.Marked(rig.Cloud.Snapshot()));
        Assert.Equal(("vtb-sh2", "100.118.28.43/32"), (left.Table, left.Destination));
        var description = rig.Cloud.Snapshot().FindVpc("vpc-sh2")!.RouteTables.Single().Entries.Single(e => e.Name == AcrReachMark.Name).Description;
        Assert.Equal(later.RunId, AcrReachMark.RunOf(description));
    }

    [Fact]
    public async Task Two_concurrent_prunes_remove_each_route_once()
    {
        await using var rig = await LocalCloudRig.StartAsync();
        await rig.ApplyAsync();
        await BehindTheBack.UnTagVpcAsync(rig.Factory, "cn-shanghai", "vpc-sh2", "acr-reach");

        var reports = await Task.WhenAll(
            rig.Engine().ReconcileAsync(SweepRepairPrune, RunContext.Default, CancellationToken.None),
            rig.Engine().ReconcileAsync(SweepRepairPrune, RunContext.Default, CancellationToken.None));

        Assert.Empty(Routes.Marked(rig.Cloud.Snapshot()));
        var removals = reports.SelectMany(r => r.Steps).Where(s => s.Action.Plan is { IsRemoval: true }).ToList();
        Assert.DoesNotContain(removals, s => s.Outcome == StepOutcome.Failed);
        var applied = removals.Where(s => s.Outcome == StepOutcome.Applied).Select(s => s.Action.Describe()).ToList();
        Assert.Equal(4, applied.Count);
        Assert.Equal(4, applied.Distinct().Count());
    }

    [Fact]
    public async Task With_private_zone_the_tag_removed_and_pruned_takes_acr_reachs_records_and_bindings_and_leaves_someone_elses_zone_bound()
    {
        // The auth zone is someone else's, bound to vpc-hz1: AcrReach adds its record there and binds vpc-sh2, but may
        // only take its record back; the OSS and registry zones it makes (and marks) lose vpc-sh2 too.
        var seed = Scenarios.Seed() with
        {
            PrivateZones = [new PrivateZone("zone-auth", AuthZone, [new ZoneRecord("www", "A", "10.0.0.9", 60)], [new ZoneBinding("vpc-hz1", "cn-hangzhou")])],
        };
        await using var rig = await LocalCloudRig.StartAsync(seed);
        await rig.ApplyAsync(WithPrivateZone);
        var made = rig.Cloud.Snapshot().PrivateZones.ToDictionary(z => z.Name);
        Assert.Equal(AcrReachMark.Name, made["oss-cn-hangzhou-internal.aliyuncs.com"].Remark);
        Assert.Null(made[AuthZone].Remark);
        Assert.Equal(4, made.Values.Sum(z => z.Records.Count(r => r.Remark == AcrReachMark.Name)));

        await BehindTheBack.UnTagVpcAsync(rig.Factory, "cn-shanghai", "vpc-sh2", "acr-reach");
        var report = await rig.Engine(WithPrivateZone).ReconcileAsync(SweepRepairPrune, RunContext.Default, CancellationToken.None);

        Assert.Empty(Routes.Marked(rig.Cloud.Snapshot()));
        var zones = rig.Cloud.Snapshot().PrivateZones.ToDictionary(z => z.Name);
        Assert.DoesNotContain(zones.Values.SelectMany(z => z.Records), r => r.Remark == AcrReachMark.Name);
        Assert.Equal([("www", "10.0.0.9")], zones[AuthZone].Records.Select(r => (r.Rr, r.Value)));
        Assert.Equal(["vpc-hz1", "vpc-sh2"], zones[AuthZone].Vpcs.Select(v => v.VpcId).Order(StringComparer.Ordinal));
        Assert.Empty(zones["oss-cn-hangzhou-internal.aliyuncs.com"].Vpcs);
        Assert.Empty(zones["xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com"].Vpcs);
        var dns = report.Steps.Where(s => s.Action.Plan is DeleteZoneRecord or UnbindZoneVpc).ToList();
        Assert.Equal((4, 2), (dns.Count(s => s.Action.Plan is DeleteZoneRecord), dns.Count(s => s.Action.Plan is UnbindZoneVpc)));
        Assert.All(dns, s => Assert.Equal(StepOutcome.Applied, s.Outcome));
        var message = rig.Messages()[^1].ToJsonString();
        Assert.Contains("UnbindZoneVpc", message, StringComparison.Ordinal);
        Assert.Contains("tag removed: vpc-sh2 is bound to zone", message, StringComparison.Ordinal);

        var again = await rig.Engine(WithPrivateZone).ReconcileAsync(SweepRepairPrune, RunContext.Default, CancellationToken.None);
        Assert.DoesNotContain(again.Steps, s => s.Action.Plan is { IsRemoval: true });
    }

    [Fact]
    public async Task With_private_zone_a_failed_zone_read_removes_nothing_and_the_plan_says_why()
    {
        await using var rig = await LocalCloudRig.StartAsync();
        await rig.ApplyAsync(WithPrivateZone);
        await BehindTheBack.UnTagVpcAsync(rig.Factory, "cn-shanghai", "vpc-sh2", "acr-reach");
        rig.Cloud.AddFault(new ScriptedFault("DescribeZoneRecords", 100, "Forbidden.RAM", 403, "not allowed"));
        rig.Cloud.ResetCalls();

        var report = await rig.Engine(WithPrivateZone).ReconcileAsync(SweepRepairPrune, RunContext.Default, CancellationToken.None);

        Assert.Equal(0, rig.NetworkWriteCalls());
        Assert.Equal(4, Routes.Marked(rig.Cloud.Snapshot()).Count);
        Assert.Equal(4, rig.Cloud.Snapshot().PrivateZones.Sum(z => z.Records.Count(r => r.Remark == AcrReachMark.Name)));
        var withheld = Assert.Single(report.Plan!.Findings, f => f.Code == FindingCodes.RemovalsWithheld);
        Assert.Contains("PrivateZone zones could not be read (Forbidden.RAM", withheld.Message, StringComparison.Ordinal);
    }

    private const string AuthZone = "dockerauth-vpc.cn-hangzhou.aliyuncs.com";

    private static readonly ReconcilerOptions WithPrivateZone = new() { Apply = new ApplierOptions { PrivateZone = true } };

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }
}
