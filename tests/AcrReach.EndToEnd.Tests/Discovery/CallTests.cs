using AcrReach.TestSupport;
using AcrReach.Cloud.Discovery;
using AcrReach.EndToEnd.Tests.Support;

namespace AcrReach.EndToEnd.Tests.Discovery;

public sealed class CallTests
{
    [Fact]
    public async Task Discovery_reads_the_seed_account_in_the_fewest_calls()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        await new AccountDiscovery(engine.Apis, new LocalCloudEndpointLookup(engine.Cloud.Endpoint, new HttpClient())).DiscoverAsync();

        // Two regions, two VPCs with one route table each, two transit routers with one table each, one registry:
        // one page of each list, region-wide VPC lists, one entry listing per table, nothing per VPC or per entry.
        Assert.Equal(
            new SortedDictionary<string, int>(StringComparer.Ordinal)
            {
                ["DescribeCens"] = 1,
                ["DescribeRouteEntryList"] = 2,
                ["DescribeRouteTableList"] = 2,
                ["DescribeVSwitches"] = 2,
                ["DescribeVpcs"] = 2,
                ["GetInstanceVpcEndpoint"] = 1,
                ["ListInstance"] = 2,
                ["ListInstanceRegion"] = 1,
                ["ListTransitRouterPeerAttachments"] = 2,
                ["ListTransitRouterRouteEntries"] = 2,
                ["ListTransitRouterRouteTableAssociations"] = 2,
                ["ListTransitRouterRouteTables"] = 2,
                ["ListTransitRouterVbrAttachments"] = 2,
                ["ListTransitRouterVpcAttachments"] = 2,
                ["ListTransitRouterVpnAttachments"] = 2,
                ["ListTransitRouters"] = 1,
            },
            new SortedDictionary<string, int>(engine.Cloud.Calls().ToDictionary(), StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_sweep_shard_given_the_timers_account_wide_readings_reads_only_its_region_and_its_paths()
    {
        // Host routes: a /8 in the transit tables would be weighed against every block of the account, read whole then.
        await using var engine = await LocalCloudRig.StartAsync(Scenarios.Seed(s => s["policy"]!["transitRouteScope"] = "HostRoutes"));
        var discovery = new AccountDiscovery(engine.Apis, new LocalCloudEndpointLookup(engine.Cloud.Endpoint, new HttpClient()));
        var shared = await discovery.ReadSharedAsync(DateTimeOffset.UnixEpoch);
        engine.Cloud.ResetCalls();

        var focus = Cloud.Reconciliation.Scoping.FocusOf(new Cloud.Reconciliation.ReconcileRequest(new Cloud.Reconciliation.RegionNetworks("cn-shanghai"), "test", Cloud.Reconciliation.ReconcileMode.ReportOnly) { Shared = shared });
        var scoped = await discovery.DiscoverAsync(focus);

        Assert.True(scoped.IsPartial);
        string[] accountWide = ["DescribeCens", "ListTransitRouters", "ListInstanceRegion", "ListInstance", "GetInstanceVpcEndpoint", "ListTransitRouterPeerAttachments", "ListTransitRouterVbrAttachments", "ListTransitRouterVpnAttachments"];
        Assert.Equal([], accountWide.Intersect(engine.Cloud.Calls().Keys));
    }

    [Fact]
    public async Task Transit_routers_are_listed_per_cen_instance()
    {
        // Older references mark ListTransitRouters' CenId required (the local cloud refuses a call without it), and every
        // reference describes it as listing one CEN's routers: the CENs are listed first, then each one's routers.
        var account = Scenarios.Seed(s => s["transitRouters"]!.AsArray().First(r => (string?)r!["id"] == "tr-sh")!["cenId"] = "cen-2");
        await using var engine = await LocalCloudRig.StartAsync(account);

        var discovered = await new AccountDiscovery(engine.Apis, new LocalCloudEndpointLookup(engine.Cloud.Endpoint, new HttpClient())).DiscoverAsync();

        Assert.Equal([("tr-hz", "cen-1"), ("tr-sh", "cen-2")], discovered.Account.TransitRouters.Select(t => (t.Id, t.CenId)).Order());
        Assert.Equal((1, 2), (engine.Cloud.Calls()["DescribeCens"], engine.Cloud.Calls()["ListTransitRouters"]));
    }

    [Fact]
    public async Task Asked_for_regions_discovery_reads_only_those()
    {
        await using var engine = await LocalCloudRig.StartAsync();

        var discovered = await new AccountDiscovery(engine.Apis, new LocalCloudEndpointLookup(engine.Cloud.Endpoint, new HttpClient()), new DiscoveryOptions { Regions = ["cn-shanghai"] }).DiscoverAsync();

        Assert.Equal<string>(["cn-shanghai"], discovered.Regions.AsEnumerable());
        Assert.Equal(["vpc-sh2"], discovered.Account.Vpcs.Select(v => v.Id));
        Assert.Equal(["tr-sh"], discovered.Account.TransitRouters.Select(t => t.Id));
        Assert.Empty(discovered.Account.Registries);
        Assert.False(engine.Cloud.Calls().ContainsKey("ListInstanceRegion"));
        Assert.Equal(1, engine.Cloud.Calls()["DescribeVpcs"]);
    }
}
