using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Vpc;
using AcrReach.Integration.Tests.Support;

namespace AcrReach.Integration.Tests.Async;

/// <summary>
/// Asynchronous writes as the client sees them: the local cloud runs on a fake clock (starting now, so signatures stay
/// inside their window) and the test moves it past the settle time.
/// </summary>
public sealed class AsyncStatusTests
{
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(5);

    private static Task<Rig> StartAsync(RetryOptions? retry = null) =>
        Rig.StartAsync(cloud: o => o with { TimeProvider = Rig.FakeClock(), SettleTime = SettleTime }, client: o => o with { Retry = retry ?? Rig.FastRetries });

    [Fact]
    public async Task A_vpc_route_is_Pending_until_it_settles_then_Available()
    {
        await using var rig = await StartAsync();
        var vpc = rig.Apis.Vpc(Rig.Shanghai);
        var created = await vpc.CreateRouteEntryAsync(Routes.AuthFromShanghai);
        async Task<string?> Status() =>
            Assert.Single((await vpc.DescribeRouteEntryListAsync(new DescribeRouteEntryListRequest { RouteTableId = "vtb-sh2", RouteEntryId = created.RouteEntryId })).RouteEntrys.RouteEntry).Status;

        var before = await Status();
        rig.Settle();

        Assert.Equal(("Pending", "Available"), (before, await Status()));
    }

    [Fact]
    public async Task A_deleted_vpc_route_is_Deleting_until_it_settles_then_gone()
    {
        await using var rig = await StartAsync();
        var vpc = rig.Apis.Vpc(Rig.Shanghai);
        var list = new DescribeRouteEntryListRequest { RouteTableId = "vtb-sh2", DestinationCidrBlock = "10.0.0.0/8" };

        await vpc.DeleteRouteEntryAsync(new DeleteRouteEntryRequest { RouteTableId = "vtb-sh2", DestinationCidrBlock = "10.0.0.0/8" });
        var deleting = Assert.Single((await vpc.DescribeRouteEntryListAsync(list)).RouteEntrys.RouteEntry).Status;
        rig.Settle();

        Assert.Equal("Deleting", deleting);
        Assert.Empty((await vpc.DescribeRouteEntryListAsync(list)).RouteEntrys.RouteEntry);
    }

    [Fact]
    public async Task While_a_vpc_route_is_pending_another_write_to_the_vpc_is_refused_with_a_transient_conflict()
    {
        await using var rig = await StartAsync(Rig.NoRetries);
        var vpc = rig.Apis.Vpc(Rig.Shanghai);
        await vpc.CreateRouteEntryAsync(Routes.AuthFromShanghai);

        var sameTable = await Assert.ThrowsAsync<CloudApiException>(() => vpc.CreateRouteEntryAsync(Routes.AuthFromShanghai with { DestinationCidrBlock = "100.118.28.43/32" }));
        var otherTable = await Assert.ThrowsAsync<CloudApiException>(() => vpc.CreateRouteEntryAsync(Routes.AuthFromShanghai with { RouteTableId = "vtb-sh2-custom", DestinationCidrBlock = "100.118.28.43/32" }));
        rig.Settle();
        var afterSettling = await vpc.CreateRouteEntryAsync(Routes.AuthFromShanghai with { DestinationCidrBlock = "100.118.28.43/32" });

        Assert.Equal(("IncorrectRouteEntryStatus", true), (sameTable.Code, sameTable.IsTransient));
        Assert.Equal(("TaskConflict", true), (otherTable.Code, otherTable.IsTransient));
        Assert.StartsWith("rte-", afterSettling.RouteEntryId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transit_route_is_hidden_while_Creating_unless_a_status_filter_is_sent_then_listed_Active()
    {
        await using var rig = await StartAsync();
        var created = await rig.Apis.Cbn.CreateTransitRouterRouteEntryAsync(Routes.ServiceBlockOverPeer);
        async Task<IEnumerable<string?>> Listed(string? status) =>
        [
            .. (await rig.Apis.Cbn.ListTransitRouterRouteEntriesAsync(new ListTransitRouterRouteEntriesRequest
            {
                TransitRouterRouteTableId = "vtb-trsh",
                TransitRouterRouteEntryIds = [created.TransitRouterRouteEntryId!],
                TransitRouterRouteEntryStatus = status,
            })).TransitRouterRouteEntries.Select(e => e.TransitRouterRouteEntryStatus),
        ];

        var unfiltered = await Listed(null);
        var all = await Listed("All");
        rig.Settle();

        Assert.Empty(unfiltered);
        Assert.Equal(["Creating"], all);
        Assert.Equal(["Active"], await Listed(null));
    }

    [Fact]
    public async Task While_a_transit_route_is_Creating_another_write_to_the_table_is_refused_with_Operation_Blocking()
    {
        await using var rig = await StartAsync(Rig.NoRetries);
        var request = new CreateTransitRouterRouteEntryRequest
        {
            TransitRouterRouteTableId = "vtb-trsh", TransitRouterRouteEntryDestinationCidrBlock = "100.0.0.0/8", TransitRouterRouteEntryNextHopType = "BlackHole",
        };
        await rig.Apis.Cbn.CreateTransitRouterRouteEntryAsync(request);

        var blocked = await Assert.ThrowsAsync<CloudApiException>(() => rig.Apis.Cbn.CreateTransitRouterRouteEntryAsync(request with { TransitRouterRouteEntryDestinationCidrBlock = "100.64.0.0/10" }));

        Assert.Equal(("Operation.Blocking", true), (blocked.Code, blocked.IsTransient));
    }

    [Fact]
    public async Task A_linked_vpc_is_CREATING_with_its_address_until_it_settles_then_RUNNING()
    {
        await using var rig = await StartAsync();
        var cr = rig.Apis.Cr(Rig.Hangzhou);
        await cr.CreateInstanceVpcEndpointLinkedVpcAsync(new CreateInstanceVpcEndpointLinkedVpcRequest { InstanceId = "cri-xxxxxx", VpcId = "vpc-hz3", VswitchId = "vsw-hz3-a" });
        async Task<(string?, string?)> Link() =>
            (await cr.GetInstanceVpcEndpointAsync(new GetInstanceVpcEndpointRequest { InstanceId = "cri-xxxxxx" })).LinkedVpcs
                .Where(l => l.VpcId == "vpc-hz3" && l.VswitchId == "vsw-hz3-a").Select(l => (l.Status, l.Ip)).Single();

        var creating = await Link();
        rig.Settle();

        Assert.Equal(("CREATING", "10.96.1.3"), creating);
        Assert.Equal(("RUNNING", "10.96.1.3"), await Link());
    }

    [Fact]
    public async Task Back_to_back_writes_to_one_vpc_both_land_because_the_client_retries_the_conflict()
    {
        await using var rig = await Rig.StartAsync(
            cloud: o => o with { SettleTime = TimeSpan.FromMilliseconds(100) },
            client: o => o with { Retry = Rig.FastRetries with { MaxRetryAttempts = 20, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(50) } });
        var vpc = rig.Apis.Vpc(Rig.Shanghai);

        await vpc.CreateRouteEntryAsync(Routes.AuthFromShanghai);
        await vpc.CreateRouteEntryAsync(Routes.AuthFromShanghai with { DestinationCidrBlock = "100.118.28.43/32" });

        Assert.True(rig.Calls("CreateRouteEntry") > 2, "the second write met the first one's conflict and was retried");
        var routes = rig.Server.Snapshot().FindVpc("vpc-sh2")!.FindRouteTable("vtb-sh2")!.Entries.Where(e => e.Destination.BaseAddress.ToString().StartsWith("100.1", StringComparison.Ordinal));
        Assert.Equal(["100.103.7.181/32", "100.118.28.43/32"], routes.Select(e => e.Destination.ToString()));
    }
}
