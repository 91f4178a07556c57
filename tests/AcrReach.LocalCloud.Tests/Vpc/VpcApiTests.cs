using System.Net;
using System.Text.Json;
using AcrReach.LocalCloud.Tests.Support;
using static AcrReach.LocalCloud.Tests.Support.Params;

namespace AcrReach.LocalCloud.Tests.Vpc;

public sealed class VpcApiTests
{
    private static Dictionary<string, string> RouteToTransit(string destination, string? token = null, string? name = null)
    {
        var parameters = P("RegionId", "cn-shanghai", "RouteTableId", "vtb-sh2", "DestinationCidrBlock", destination, "NextHopType", "Attachment", "NextHopId", "tr-attach-sh2");
        if (token is not null)
        {
            parameters["ClientToken"] = token;
        }

        if (name is not null)
        {
            parameters["RouteEntryName"] = name;
            parameters["Description"] = name + " description";
        }

        return parameters;
    }

    private static async Task<JsonElement?> Entry(Cloud cloud, string destination)
    {
        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeRouteEntryList", P("RegionId", "cn-shanghai", "RouteTableId", "vtb-sh2", "DestinationCidrBlock", destination));
        var entries = answer.Json.GetProperty("RouteEntrys").GetProperty("RouteEntry");
        return entries.GetArrayLength() == 0 ? null : entries[0];
    }

    [Fact]
    public async Task DescribeVpcs_wraps_vpcs_and_tags_the_vpcs_the_policy_names()
    {
        await using var cloud = await Cloud.StartAsync();

        var json = (await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", P("RegionId", "cn-hangzhou"))).Json;

        var vpcs = json.GetProperty("Vpcs").GetProperty("Vpc");
        Assert.Equal(2, json.GetProperty("TotalCount").GetInt32());
        Assert.Equal("vpc-hz1", vpcs[0].GetProperty("VpcId").GetString());
        Assert.Equal("10.0.0.0/16", vpcs[0].GetProperty("CidrBlock").GetString());
        Assert.Equal("10.94.0.0/16", vpcs[0].GetProperty("SecondaryCidrBlocks").GetProperty("SecondaryCidrBlock")[0].GetString());
        Assert.Equal(0, vpcs[0].GetProperty("Tags").GetProperty("Tag").GetArrayLength());
        var tag = vpcs[1].GetProperty("Tags").GetProperty("Tag")[0];
        Assert.Equal(("acr-reach", "cri-xxxxxx"), (tag.GetProperty("Key").GetString(), tag.GetProperty("Value").GetString()));
    }

    [Fact]
    public async Task DescribeVpcs_filters_by_tag()
    {
        await using var cloud = await Cloud.StartAsync();

        var json = (await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", P("RegionId", "cn-hangzhou", "Tag.1.Key", "acr-reach"))).Json;

        Assert.Equal("vpc-hz3", Assert.Single(json.GetProperty("Vpcs").GetProperty("Vpc").EnumerateArray()).GetProperty("VpcId").GetString());
    }

    [Fact]
    public async Task DescribeVpcs_pages_by_number_and_refuses_a_page_size_above_fifty()
    {
        await using var cloud = await Cloud.StartAsync();

        var second = (await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", P("RegionId", "cn-hangzhou", "PageSize", "1", "PageNumber", "2"))).Json;
        var tooBig = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", P("RegionId", "cn-hangzhou", "PageSize", "51"));

        Assert.Equal((2, 1), (second.GetProperty("PageNumber").GetInt32(), second.GetProperty("PageSize").GetInt32()));
        Assert.Equal("vpc-hz3", second.GetProperty("Vpcs").GetProperty("Vpc")[0].GetProperty("VpcId").GetString());
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameter"), (tooBig.Status, tooBig.Code));
    }

    [Fact]
    public async Task DescribeVSwitches_needs_a_region_or_a_vpc_and_wraps_vswitches_with_their_route_table()
    {
        await using var cloud = await Cloud.StartAsync();

        var missing = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVSwitches");
        var json = (await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVSwitches", P("VpcId", "vpc-hz1", "ZoneId", "cn-hangzhou-j"))).Json;

        Assert.Equal("MissingParameter", missing.Code);
        var switches = json.GetProperty("VSwitches").GetProperty("VSwitch");
        Assert.Equal(["vsw-hz-j", "vsw-hz-cr"], switches.EnumerateArray().Select(s => s.GetProperty("VSwitchId").GetString()));
        Assert.Equal("vtb-hz1", switches[0].GetProperty("RouteTable").GetProperty("RouteTableId").GetString());
    }

    [Fact]
    public async Task DescribeRouteTableList_answers_RouterTableList_RouterTableListType()
    {
        await using var cloud = await Cloud.StartAsync();

        var json = (await cloud.Client.Acs3(CloudClient.Vpc, "DescribeRouteTableList", P("RegionId", "cn-hangzhou"))).Json;

        var tables = json.GetProperty("RouterTableList").GetProperty("RouterTableListType");
        Assert.Equal(["vtb-hz1", "vtb-hz3"], tables.EnumerateArray().Select(t => t.GetProperty("RouteTableId").GetString()));
        Assert.Equal("System", tables[0].GetProperty("RouteTableType").GetString());
        Assert.Equal(3, tables[0].GetProperty("VSwitchIds").GetProperty("VSwitchId").GetArrayLength());
    }

    [Fact]
    public async Task DescribeRouteEntryList_pages_with_NextToken_and_the_singular_MaxResult()
    {
        await using var cloud = await Cloud.StartAsync();
        var destinations = new List<string>();
        string? token = null;
        var pages = 0;

        do
        {
            var parameters = P("RegionId", "cn-hangzhou", "RouteTableId", "vtb-hz1", "MaxResult", "4");
            if (token is not null)
            {
                parameters["NextToken"] = token;
            }

            var json = (await cloud.Client.Acs3(CloudClient.Vpc, "DescribeRouteEntryList", parameters)).Json;
            destinations.AddRange(json.GetProperty("RouteEntrys").GetProperty("RouteEntry").EnumerateArray().Select(e => e.GetProperty("DestinationCidrBlock").GetString()!));
            token = json.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null);

        Assert.Equal(2, pages);
        Assert.Equal(["10.0.0.0/24", "10.0.1.0/24", "10.94.205.0/24", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16"], destinations);
    }

    [Fact]
    public async Task DescribeRouteEntryList_of_a_table_in_another_region_is_InvalidRouteTableId_NotFound()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeRouteEntryList", P("RegionId", "cn-hangzhou", "RouteTableId", "vtb-sh2"));

        Assert.Equal((HttpStatusCode.NotFound, "InvalidRouteTableId.NotFound"), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task Created_route_is_Pending_until_it_settles_then_Available_with_its_name_and_next_hop()
    {
        await using var cloud = await Cloud.StartAsync();

        var created = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", RouteToTransit("100.103.7.181/32", name: "acr-reach"));
        var pending = await Entry(cloud, "100.103.7.181/32");
        cloud.Wait();
        var available = await Entry(cloud, "100.103.7.181/32");

        Assert.Matches("^rte-[0-9a-z]{20}$", created.Json.GetProperty("RouteEntryId").GetString());
        Assert.Equal("Pending", pending!.Value.GetProperty("Status").GetString());
        Assert.Equal("Available", available!.Value.GetProperty("Status").GetString());
        Assert.Equal("acr-reach", available.Value.GetProperty("RouteEntryName").GetString());
        Assert.Equal("acr-reach description", available.Value.GetProperty("Description").GetString());
        Assert.Equal("Custom", available.Value.GetProperty("Type").GetString());
        var hop = available.Value.GetProperty("NextHops").GetProperty("NextHop")[0];
        Assert.Equal(("Attachment", "tr-attach-sh2"), (hop.GetProperty("NextHopType").GetString(), hop.GetProperty("NextHopId").GetString()));
    }

    [Fact]
    public async Task Second_write_while_a_route_of_the_table_is_pending_is_IncorrectRouteEntryStatus_and_adds_nothing()
    {
        await using var cloud = await Cloud.StartAsync();
        await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", RouteToTransit("100.103.7.181/32"));

        var second = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", RouteToTransit("100.98.35.12/32"));
        cloud.Wait();
        var retried = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", RouteToTransit("100.98.35.12/32"));

        Assert.Equal((HttpStatusCode.BadRequest, "IncorrectRouteEntryStatus"), (second.Status, second.Code));
        Assert.Equal(HttpStatusCode.OK, retried.Status);
    }

    [Fact]
    public async Task Write_while_another_table_of_the_vpc_has_a_pending_route_is_TaskConflict()
    {
        var account = Cloud.Scenario();
        var sh2 = account.FindVpc("vpc-sh2")!;
        account = account with
        {
            Vpcs = account.Vpcs.Replace(sh2, sh2 with { RouteTables = sh2.RouteTables.Add(new Core.Topology.RouteTable("vtb-sh2-custom", Core.Topology.RouteTableType.Custom, [])) }),
        };
        await using var cloud = await Cloud.StartAsync(account: account);
        await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", RouteToTransit("100.103.7.181/32"));

        var other = RouteToTransit("100.98.35.12/32");
        other["RouteTableId"] = "vtb-sh2-custom";
        var conflict = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", other);

        Assert.Equal("TaskConflict", conflict.Code);
        Assert.DoesNotContain("100.98.35.12/32", cloud.State());
    }

    [Fact]
    public async Task Existing_destination_is_InvalidCIDRBlock_Duplicate()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", RouteToTransit("10.0.0.0/8"));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidCIDRBlock.Duplicate"), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task Same_client_token_and_parameters_answer_the_same_route_and_add_no_second_one()
    {
        await using var cloud = await Cloud.StartAsync();

        var first = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", RouteToTransit("100.103.7.181/32", token: "token-1"));
        var again = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", RouteToTransit("100.103.7.181/32", token: "token-1"));
        var otherParameters = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", RouteToTransit("100.98.35.12/32", token: "token-1"));

        Assert.Equal(first.Json.GetProperty("RouteEntryId").GetString(), again.Json.GetProperty("RouteEntryId").GetString());
        Assert.Equal("IdempotentParameterMismatch", otherParameters.Code);
        Assert.Single(cloud.Server.Snapshot().FindVpc("vpc-sh2")!.RouteTables[0].Entries, e => e.Destination.ToString() == "100.103.7.181/32");
    }

    [Theory]
    [InlineData("10.0.0.0/33", "InvalidCidrBlock.Malformed")]
    [InlineData("10.0.0.1/8", "InvalidCidrBlock.Malformed")]
    [InlineData("172.16.1.0/25", "InvalidCidrBlock")]
    [InlineData("100.64.0.0/10", "InvalidCidrBlock")]
    public async Task Destination_that_is_malformed_or_inside_the_vpc_is_refused(string destination, string code)
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", RouteToTransit(destination));

        Assert.Equal(code, answer.Code);
    }

    [Fact]
    public async Task Bare_address_destination_means_a_host_route()
    {
        await using var cloud = await Cloud.StartAsync();

        await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", RouteToTransit("100.103.7.181"));

        Assert.NotNull(await Entry(cloud, "100.103.7.181/32"));
    }

    [Theory]
    [InlineData("tr-attach-nope", "InvalidAttachment.NotFound")]
    [InlineData("tr-attach-hz1", "IllegalParam.AttachmentId")]
    public async Task Attachment_next_hop_must_be_the_vpcs_own_attachment(string nextHop, string code)
    {
        await using var cloud = await Cloud.StartAsync();
        var parameters = RouteToTransit("100.103.7.181/32");
        parameters["NextHopId"] = nextHop;

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", parameters);

        Assert.Equal(code, answer.Code);
    }

    [Fact]
    public async Task Unknown_next_hop_type_is_InvalidNextHopType()
    {
        await using var cloud = await Cloud.StartAsync();
        var parameters = RouteToTransit("100.103.7.181/32");
        parameters["NextHopType"] = "TransitRouter";

        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", parameters);

        Assert.Equal("InvalidNextHopType", answer.Code);
    }

    [Fact]
    public async Task DeleteRouteEntry_goes_Deleting_then_removes_the_route()
    {
        await using var cloud = await Cloud.StartAsync();
        var id = (await cloud.Client.Acs3(CloudClient.Vpc, "CreateRouteEntry", RouteToTransit("100.103.7.181/32"))).Json.GetProperty("RouteEntryId").GetString()!;
        cloud.Wait();

        var deleted = await cloud.Client.Acs3(CloudClient.Vpc, "DeleteRouteEntry", P("RegionId", "cn-shanghai", "RouteEntryId", id));
        var during = await Entry(cloud, "100.103.7.181/32");
        cloud.Wait();

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal("Deleting", during!.Value.GetProperty("Status").GetString());
        Assert.Null(await Entry(cloud, "100.103.7.181/32"));
    }

    [Fact]
    public async Task DeleteRouteEntry_by_table_and_destination_and_its_refusals()
    {
        await using var cloud = await Cloud.StartAsync();

        var system = await cloud.Client.Acs3(CloudClient.Vpc, "DeleteRouteEntry", P("RouteTableId", "vtb-sh2", "DestinationCidrBlock", "172.16.0.0/24"));
        var missing = await cloud.Client.Acs3(CloudClient.Vpc, "DeleteRouteEntry", P("RouteTableId", "vtb-sh2", "DestinationCidrBlock", "10.9.0.0/16"));
        var unknownId = await cloud.Client.Acs3(CloudClient.Vpc, "DeleteRouteEntry", P("RouteEntryId", "rte-nope"));
        var byDestination = await cloud.Client.Acs3(CloudClient.Vpc, "DeleteRouteEntry", P("RouteTableId", "vtb-sh2", "DestinationCidrBlock", "10.0.0.0/8", "NextHopId", "tr-attach-sh2"));
        cloud.Wait();

        Assert.Equal("OperationDenied", system.Code);
        Assert.Equal("InvalidRouteEntry.NotFound", missing.Code);
        Assert.Equal("InvalidRouteEntryId.NotFound", unknownId.Code);
        Assert.Equal(HttpStatusCode.OK, byDestination.Status);
        Assert.Null(await Entry(cloud, "10.0.0.0/8"));
    }
}
