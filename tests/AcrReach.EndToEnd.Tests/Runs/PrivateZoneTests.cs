using AcrReach.TestSupport;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Topology;
using AcrReach.EndToEnd.Tests.Support;

namespace AcrReach.EndToEnd.Tests.Runs;

public sealed class PrivateZoneTests
{
    private static readonly ReconcilerOptions WithPrivateZone = new() { Apply = new ApplierOptions { PrivateZone = true } };

    [Fact]
    public async Task Dns_records_go_to_a_zone_per_registry_domain_bound_to_the_source_vpc_keeping_existing_bindings()
    {
        // The auth zone exists already, bound to vpc-hz1 by someone else: the binding must survive.
        var seed = Scenarios.Load("seed-hangzhou-shanghai") with
        {
            PrivateZones = [new PrivateZone("zone-auth", "dockerauth-vpc.cn-hangzhou.aliyuncs.com", [], [new ZoneBinding("vpc-hz1", "cn-hangzhou")])],
        };
        await using var engine = await LocalCloudRig.StartAsync(seed);

        var report = await engine.ApplyAsync(WithPrivateZone);

        Assert.Equal(ReconcileOutcome.Repaired, report.Outcome);
        var zoneSteps = report.Steps.Where(s => s.Action.Zone is not null).ToList();
        Assert.Equal(3, zoneSteps.Count);
        Assert.All(zoneSteps, s => Assert.Equal(StepOutcome.Applied, s.Outcome));
        var zones = engine.Cloud.Snapshot().PrivateZones.ToDictionary(z => z.Name);
        Assert.Equal(["dockerauth-vpc.cn-hangzhou.aliyuncs.com", "oss-cn-hangzhou-internal.aliyuncs.com", "xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com"], zones.Keys.Order(StringComparer.Ordinal));
        Assert.Equal<ZoneBinding>([new("vpc-hz1", "cn-hangzhou"), new("vpc-sh2", "cn-shanghai")], zones["dockerauth-vpc.cn-hangzhou.aliyuncs.com"].Vpcs.AsEnumerable());
        Assert.Equal([("@", "A", "100.103.7.181")], zones["dockerauth-vpc.cn-hangzhou.aliyuncs.com"].Records.Select(r => (r.Rr, r.Type, r.Value)));
        Assert.Equal([("*", "100.118.28.43"), ("@", "100.118.28.43")], zones["oss-cn-hangzhou-internal.aliyuncs.com"].Records.Select(r => (r.Rr, r.Value)).Order());
        Assert.Equal([("@", "10.94.205.198")], zones["xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com"].Records.Select(r => (r.Rr, r.Value)));
        Assert.Equal<ZoneBinding>([new("vpc-sh2", "cn-shanghai")], zones["oss-cn-hangzhou-internal.aliyuncs.com"].Vpcs.AsEnumerable());

        engine.Cloud.ResetCalls();
        var again = await engine.ApplyAsync(WithPrivateZone);

        Assert.Equal(ReconcileOutcome.InSync, again.Outcome);
        Assert.All(again.Steps, s => Assert.Equal(StepOutcome.AlreadyPresent, s.Outcome));
        Assert.Equal(0, engine.NetworkWriteCalls());
    }

    [Fact]
    public async Task A_record_of_the_same_name_with_another_address_is_a_dns_conflict_and_left_alone()
    {
        var seed = Scenarios.Load("seed-hangzhou-shanghai") with
        {
            PrivateZones = [new PrivateZone("zone-auth", "dockerauth-vpc.cn-hangzhou.aliyuncs.com", [new ZoneRecord("@", "A", "100.103.9.9", 60)], [])],
        };
        await using var engine = await LocalCloudRig.StartAsync(seed);

        var report = await engine.ApplyAsync(WithPrivateZone);

        var conflict = Assert.Single(report.Steps, s => s.Outcome == StepOutcome.Failed);
        Assert.Equal(("dockerauth-vpc.cn-hangzhou.aliyuncs.com", Applier.DnsConflictCode), (conflict.Action.Zone!.ZoneName, conflict.Error!.Code));
        Assert.Equal(ReconcileOutcome.PartiallyApplied, report.Outcome);
        var zone = Assert.Single(engine.Cloud.Snapshot().PrivateZones, z => z.Id == "zone-auth");
        Assert.Equal<ZoneRecord>([new("@", "A", "100.103.9.9", 60)], zone.Records.AsEnumerable());
        Assert.Empty(zone.Vpcs);
    }
}
