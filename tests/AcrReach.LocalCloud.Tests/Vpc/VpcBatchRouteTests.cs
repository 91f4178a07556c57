using System.Net;
using System.Text.Json;
using AcrReach.Core.Topology;
using AcrReach.LocalCloud.Tests.Support;
using static AcrReach.LocalCloud.Tests.Support.Params;

namespace AcrReach.LocalCloud.Tests.Vpc;

/// <summary>CreateRouteEntries: several routes of one VPC in one call, each checked alone, the VPC still one write at a time.</summary>
public sealed class VpcBatchRouteTests
{
    private static Account TwoTables()
    {
        var account = Cloud.Scenario();
        var sh2 = account.FindVpc("vpc-sh2")!;
        return account with
        {
            Vpcs = account.Vpcs.Replace(sh2, sh2 with { RouteTables = sh2.RouteTables.Add(new RouteTable("vtb-sh2-custom", RouteTableType.Custom, [])) }),
        };
    }

    private static Dictionary<string, string> Batch(params (string Table, string Destination)[] entries)
    {
        var parameters = P("RegionId", "cn-shanghai");
        foreach (var (entry, index) in entries.Select((e, i) => (e, i + 1)))
        {
            parameters[$"RouteEntries.{index}.RouteTableId"] = entry.Table;
            parameters[$"RouteEntries.{index}.DstCidrBlock"] = entry.Destination;
            parameters[$"RouteEntries.{index}.NextHop"] = "tr-attach-sh2";
            parameters[$"RouteEntries.{index}.NextHopType"] = "Attachment";
            parameters[$"RouteEntries.{index}.Name"] = "acr-reach";
            parameters[$"RouteEntries.{index}.Description"] = "acr-reach: auth";
            parameters[$"RouteEntries.{index}.IpVersion"] = "4";
        }

        return parameters;
    }

    private static async Task<JsonElement?> Entry(Cloud cloud, string table, string destination)
    {
        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeRouteEntryList", P("RegionId", "cn-shanghai", "RouteTableId", table, "DestinationCidrBlock", destination));
        var entries = answer.Json.GetProperty("RouteEntrys").GetProperty("RouteEntry");
        return entries.GetArrayLength() == 0 ? null : entries[0];
    }

    [Fact]
    public async Task Adds_routes_to_several_tables_of_one_vpc_in_one_call_pending_until_they_settle_together()
    {
        await using var cloud = await Cloud.StartAsync(account: TwoTables());

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntries", Batch(("vtb-sh2", "100.103.7.181/32"), ("vtb-sh2", "100.118.28.43/32"), ("vtb-sh2-custom", "100.103.7.181/32")));
        var pending = await Entry(cloud, "vtb-sh2-custom", "100.103.7.181/32");
        cloud.Wait();
        var available = await Entry(cloud, "vtb-sh2-custom", "100.103.7.181/32");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal((3, 0), (answer.Json.GetProperty("SuccessCount").GetInt32(), answer.Json.GetProperty("FailedCount").GetInt32()));
        var ids = answer.Json.GetProperty("RouteEntryIds").EnumerateArray().Select(i => i.GetString()).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^rte-[0-9a-z]{20}$", id));
        Assert.Equal("Pending", pending!.Value.GetProperty("Status").GetString());
        Assert.Equal(("Available", ids[2]), (available!.Value.GetProperty("Status").GetString(), available.Value.GetProperty("RouteEntryId").GetString()));
        Assert.Equal(("acr-reach", "acr-reach: auth"), (available.Value.GetProperty("RouteEntryName").GetString(), available.Value.GetProperty("Description").GetString()));
        Assert.Equal(0, answer.Json.GetProperty("FailedRouteEntries").GetArrayLength());
    }

    [Fact]
    public async Task An_entry_that_fails_its_checks_is_listed_with_its_code_and_the_others_are_added()
    {
        await using var cloud = await Cloud.StartAsync();

        // 10.0.0.0/8 is routed already; 172.16.1.0/25 is inside a vSwitch; 100.64.0.0/10 is the cloud's own.
        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntries", Batch(("vtb-sh2", "10.0.0.0/8"), ("vtb-sh2", "100.103.7.181/32"), ("vtb-sh2", "172.16.1.0/25"), ("vtb-sh2", "100.64.0.0/10")));

        Assert.Equal((1, 3), (answer.Json.GetProperty("SuccessCount").GetInt32(), answer.Json.GetProperty("FailedCount").GetInt32()));
        var failed = answer.Json.GetProperty("FailedRouteEntries").EnumerateArray()
            .Select(f => (f.GetProperty("DstCidrBlock").GetString(), f.GetProperty("NextHop").GetString(), f.GetProperty("FailedCode").GetString())).ToList();
        Assert.Equal(
            [("10.0.0.0/8", "tr-attach-sh2", "VPC_ROUTE_ENTRY_CIDR_BLOCK_DUPLICATE"), ("172.16.1.0/25", "tr-attach-sh2", "InvalidCidrBlock"), ("100.64.0.0/10", "tr-attach-sh2", "InvalidCidrBlock")],
            failed);
        Assert.NotNull(await Entry(cloud, "vtb-sh2", "100.103.7.181/32"));
        Assert.DoesNotContain("172.16.1.0/25", cloud.State());
    }

    [Fact]
    public async Task The_same_destination_twice_in_one_table_adds_it_once()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntries", Batch(("vtb-sh2", "100.103.7.181/32"), ("vtb-sh2", "100.103.7.181/32")));

        Assert.Equal((1, 1), (answer.Json.GetProperty("SuccessCount").GetInt32(), answer.Json.GetProperty("FailedCount").GetInt32()));
        Assert.Single(cloud.Server.Snapshot().FindVpc("vpc-sh2")!.RouteTables[0].Entries, e => e.Destination.ToString() == "100.103.7.181/32");
    }

    [Fact]
    public async Task A_vpc_with_a_route_write_in_progress_refuses_the_whole_call_until_it_settles()
    {
        await using var cloud = await Cloud.StartAsync(account: TwoTables());
        await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntries", Batch(("vtb-sh2", "100.103.7.181/32")));

        var busy = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntries", Batch(("vtb-sh2-custom", "100.118.28.43/32")));
        cloud.Wait();
        var later = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntries", Batch(("vtb-sh2-custom", "100.118.28.43/32")));

        Assert.Equal((HttpStatusCode.BadRequest, "TaskConflict"), (busy.Status, busy.Code));
        Assert.Equal((HttpStatusCode.OK, 1), (later.Status, later.Json.GetProperty("SuccessCount").GetInt32()));
    }

    [Fact]
    public async Task A_single_write_meets_a_batch_in_progress_as_it_meets_another_write()
    {
        await using var cloud = await Cloud.StartAsync();
        await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntries", Batch(("vtb-sh2", "100.103.7.181/32")));

        var single = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", P("RegionId", "cn-shanghai", "RouteTableId", "vtb-sh2", "DestinationCidrBlock", "100.118.28.43/32", "NextHopType", "Attachment", "NextHopId", "tr-attach-sh2"));

        Assert.Equal("IncorrectRouteEntryStatus", single.Code);
    }

    [Theory]
    [InlineData("vtb-hz1", "InvalidRouteTableId.NotFound")]
    [InlineData(null, "MissingParameter")]
    public async Task A_table_of_another_region_or_none_refuses_the_whole_call(string? table, string code)
    {
        await using var cloud = await Cloud.StartAsync();
        var parameters = Batch(("vtb-sh2", "100.103.7.181/32"), ("vtb-sh2", "100.118.28.43/32"));
        if (table is null)
        {
            parameters.Remove("RouteEntries.2.RouteTableId");
        }
        else
        {
            parameters["RouteEntries.2.RouteTableId"] = table;
        }

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntries", parameters);

        Assert.Equal(code, answer.Code);
        Assert.DoesNotContain("100.103.7.181/32", cloud.State());
    }

    [Fact]
    public async Task Fifty_entries_are_one_call_and_more_are_refused()
    {
        await using var cloud = await Cloud.StartAsync();

        var fifty = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntries", Batch([.. Enumerable.Range(1, 50).Select(i => ("vtb-sh2", $"100.103.7.{i}/32"))]));
        cloud.Wait();
        var more = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntries", Batch([.. Enumerable.Range(1, 51).Select(i => ("vtb-sh2", $"100.103.8.{i}/32"))]));

        Assert.Equal((HttpStatusCode.OK, 50), (fifty.Status, fifty.Json.GetProperty("SuccessCount").GetInt32()));
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameter"), (more.Status, more.Code));
    }

    [Fact]
    public async Task A_fault_scripted_for_CreateRouteEntry_also_refuses_a_batch_and_then_lets_it_through()
    {
        await using var cloud = await Cloud.StartAsync();
        cloud.Server.AddFault(new ScriptedFault("CreateRouteEntry", 1, "Forbidden.RAM", 403));
        var before = cloud.State();

        var refused = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntries", Batch(("vtb-sh2", "100.103.7.181/32")));
        var stateAfterFault = cloud.State();
        var next = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntries", Batch(("vtb-sh2", "100.103.7.181/32")));

        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden.RAM"), (refused.Status, refused.Code));
        Assert.Equal(before, stateAfterFault);
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }
}
