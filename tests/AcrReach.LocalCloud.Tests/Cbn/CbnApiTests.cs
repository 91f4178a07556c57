using System.Net;
using System.Text.Json;
using AcrReach.LocalCloud.Tests.Support;
using static AcrReach.LocalCloud.Tests.Support.Params;

namespace AcrReach.LocalCloud.Tests.Cbn;

public sealed class CbnApiTests
{
    private static Dictionary<string, string> StaticRoute(string table, string destination, string nextHop, string? token = null)
    {
        var parameters = P("TransitRouterRouteTableId", table, "TransitRouterRouteEntryDestinationCidrBlock", destination, "TransitRouterRouteEntryNextHopType", "Attachment", "TransitRouterRouteEntryNextHopId", nextHop,
            "TransitRouterRouteEntryName", "acr-reach", "TransitRouterRouteEntryDescription", "acr-reach: route");
        if (token is not null)
        {
            parameters["ClientToken"] = token;
        }

        return parameters;
    }

    private static async Task<JsonElement[]> Entries(Cloud cloud, string table, string? status = null)
    {
        var parameters = P("TransitRouterRouteTableId", table);
        if (status is not null)
        {
            parameters["TransitRouterRouteEntryStatus"] = status;
        }

        return [.. (await cloud.Client.Acs3(CloudClient.Cbn, "ListTransitRouterRouteEntries", parameters)).Json.GetProperty("TransitRouterRouteEntries").EnumerateArray()];
    }

    [Fact]
    public async Task ListTransitRouters_answers_a_plain_array_paged_by_number()
    {
        await using var cloud = await Cloud.StartAsync();

        var json = (await cloud.Client.Rpc(CloudClient.Cbn, "ListTransitRouters", P("CenId", "cen-1", "PageSize", "1", "PageNumber", "2"))).Json;

        Assert.Equal(2, json.GetProperty("TotalCount").GetInt32());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("TransitRouters").ValueKind);
        Assert.Equal("tr-sh", json.GetProperty("TransitRouters")[0].GetProperty("TransitRouterId").GetString());
    }

    [Fact]
    public async Task Attachment_lists_need_a_scope_and_page_by_token()
    {
        await using var cloud = await Cloud.StartAsync();

        var missing = await cloud.Client.Acs3(CloudClient.Cbn, "ListTransitRouterVpcAttachments");
        var first = (await cloud.Client.Acs3(CloudClient.Cbn, "ListTransitRouterVpcAttachments", P("CenId", "cen-1", "RegionId", "cn-hangzhou", "MaxResults", "1"))).Json;

        Assert.Equal("MissingParameter", missing.Code);
        Assert.Equal(1, first.GetProperty("TotalCount").GetInt32());
        Assert.Equal("vpc-hz1", first.GetProperty("TransitRouterAttachments")[0].GetProperty("VpcId").GetString());
        Assert.False(first.TryGetProperty("NextToken", out _));
    }

    [Fact]
    public async Task Vbr_and_vpn_attachments_derive_their_ids_from_the_data_center_and_are_named_after_it()
    {
        await using var cloud = await Cloud.StartAsync();

        var vbr = (await cloud.Client.Acs3(CloudClient.Cbn, "ListTransitRouterVbrAttachments", P("TransitRouterId", "tr-sh"))).Json.GetProperty("TransitRouterAttachments")[0];
        var vpn = (await cloud.Client.Acs3(CloudClient.Cbn, "ListTransitRouterVpnAttachments", P("TransitRouterId", "tr-hz"))).Json.GetProperty("TransitRouterAttachments")[0];
        await using var again = await Cloud.StartAsync();
        var vbrAgain = (await again.Client.Acs3(CloudClient.Cbn, "ListTransitRouterVbrAttachments", P("TransitRouterId", "tr-sh"))).Json.GetProperty("TransitRouterAttachments")[0];

        Assert.Matches("^vbr-[0-9a-z]{20}$", vbr.GetProperty("VbrId").GetString());
        Assert.Equal(vbr.GetProperty("VbrId").GetString(), vbrAgain.GetProperty("VbrId").GetString());
        Assert.Equal("idc-bj", vbr.GetProperty("TransitRouterAttachmentName").GetString());
        Assert.Matches("^vco-[0-9a-z]{20}$", vpn.GetProperty("VpnId").GetString());
        Assert.Equal("idc-bj", vpn.GetProperty("TransitRouterAttachmentName").GetString());
    }

    [Fact]
    public async Task Data_center_attachments_carry_its_cidrs_and_the_registries_its_rules_name_as_tags()
    {
        await using var cloud = await Cloud.StartAsync();

        var vbr = (await cloud.Client.Acs3(CloudClient.Cbn, "ListTransitRouterVbrAttachments", P("TransitRouterId", "tr-sh"))).Json.GetProperty("TransitRouterAttachments")[0];
        var vpn = (await cloud.Client.Acs3(CloudClient.Cbn, "ListTransitRouterVpnAttachments", P("TransitRouterId", "tr-hz"))).Json.GetProperty("TransitRouterAttachments")[0];

        foreach (var attachment in new[] { vbr, vpn })
        {
            var tags = attachment.GetProperty("Tags").EnumerateArray().ToDictionary(t => t.GetProperty("Key").GetString()!, t => t.GetProperty("Value").GetString());
            Assert.Equal(new Dictionary<string, string?> { ["acr-reach"] = "cri-xxxxxx", ["acr-reach-cidrs"] = "192.168.0.0/16" }, tags);
        }
    }

    [Fact]
    public async Task Peer_attachment_is_listed_from_both_routers()
    {
        await using var cloud = await Cloud.StartAsync();

        var fromHz = (await cloud.Client.Acs3(CloudClient.Cbn, "ListTransitRouterPeerAttachments", P("TransitRouterId", "tr-hz"))).Json.GetProperty("TransitRouterAttachments")[0];
        var fromSh = (await cloud.Client.Acs3(CloudClient.Cbn, "ListTransitRouterPeerAttachments", P("TransitRouterId", "tr-sh"))).Json.GetProperty("TransitRouterAttachments")[0];

        Assert.Equal("tr-attach-peer", fromHz.GetProperty("TransitRouterAttachmentId").GetString());
        Assert.Equal(("tr-sh", "tr-hz"), (fromHz.GetProperty("PeerTransitRouterId").GetString(), fromSh.GetProperty("PeerTransitRouterId").GetString()));
    }

    [Fact]
    public async Task Route_tables_and_associations_are_listed()
    {
        await using var cloud = await Cloud.StartAsync();

        var tables = (await cloud.Client.Acs3(CloudClient.Cbn, "ListTransitRouterRouteTables", P("TransitRouterId", "tr-hz"))).Json.GetProperty("TransitRouterRouteTables");
        var byAttachment = (await cloud.Client.Acs3(CloudClient.Cbn, "ListTransitRouterRouteTableAssociations", P("TransitRouterAttachmentId", "tr-attach-vpn-bj"))).Json.GetProperty("TransitRouterAssociations");

        Assert.Equal(("vtb-trhz", "System"), (tables[0].GetProperty("TransitRouterRouteTableId").GetString(), tables[0].GetProperty("TransitRouterRouteTableType").GetString()));
        var association = Assert.Single(byAttachment.EnumerateArray());
        Assert.Equal(("vtb-trhz", "VPN"), (association.GetProperty("TransitRouterRouteTableId").GetString(), association.GetProperty("ResourceType").GetString()));
    }

    [Fact]
    public async Task Created_static_route_is_hidden_while_Creating_unless_a_status_is_asked_for()
    {
        await using var cloud = await Cloud.StartAsync();

        var created = await cloud.Client.Acs3(CloudClient.Cbn, "CreateTransitRouterRouteEntry", StaticRoute("vtb-trhz", "100.0.0.0/8", "tr-attach-hz1"));
        var defaultList = await Entries(cloud, "vtb-trhz");
        var all = await Entries(cloud, "vtb-trhz", "All");
        cloud.Wait();
        var active = await Entries(cloud, "vtb-trhz");

        var id = created.Json.GetProperty("TransitRouterRouteEntryId").GetString();
        Assert.DoesNotContain(defaultList, e => e.TryGetProperty("TransitRouterRouteEntryId", out var i) && i.GetString() == id);
        Assert.Equal("Creating", all.Single(e => e.TryGetProperty("TransitRouterRouteEntryId", out var i) && i.GetString() == id).GetProperty("TransitRouterRouteEntryStatus").GetString());
        var entry = active.Single(e => e.TryGetProperty("TransitRouterRouteEntryId", out var i) && i.GetString() == id);
        Assert.Equal(("Static", "acr-reach", "vpc-hz1"), (entry.GetProperty("TransitRouterRouteEntryType").GetString(), entry.GetProperty("TransitRouterRouteEntryName").GetString(), entry.GetProperty("TransitRouterRouteEntryNextHopResourceId").GetString()));
    }

    [Fact]
    public async Task Duplicate_static_routes_answer_the_documented_codes()
    {
        await using var cloud = await Cloud.StartAsync();
        await cloud.Client.Acs3(CloudClient.Cbn, "CreateTransitRouterRouteEntry", StaticRoute("vtb-trhz", "100.0.0.0/8", "tr-attach-hz1"));
        cloud.Wait();

        var sameHop = await cloud.Client.Acs3(CloudClient.Cbn, "CreateTransitRouterRouteEntry", StaticRoute("vtb-trhz", "100.0.0.0/8", "tr-attach-hz1"));
        var otherHop = await cloud.Client.Acs3(CloudClient.Cbn, "CreateTransitRouterRouteEntry", StaticRoute("vtb-trhz", "100.0.0.0/8", "tr-attach-peer"));

        Assert.Equal("InstanceExist.TransitRouterRouteEntry", sameHop.Code);
        Assert.Equal("OperationFailed.CreateRouteEntryWithSameDestinationCidrBlock", otherHop.Code);
    }

    [Fact]
    public async Task Static_route_over_a_propagated_destination_is_allowed()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Acs3(CloudClient.Cbn, "CreateTransitRouterRouteEntry", StaticRoute("vtb-trsh", "10.0.0.0/16", "tr-attach-peer"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task Second_write_to_a_table_while_one_is_Creating_is_Operation_Blocking()
    {
        await using var cloud = await Cloud.StartAsync();
        await cloud.Client.Acs3(CloudClient.Cbn, "CreateTransitRouterRouteEntry", StaticRoute("vtb-trhz", "100.0.0.0/8", "tr-attach-hz1"));

        var blocked = await cloud.Client.Acs3(CloudClient.Cbn, "CreateTransitRouterRouteEntry", StaticRoute("vtb-trhz", "100.98.0.0/16", "tr-attach-hz1"));

        Assert.Equal("Operation.Blocking", blocked.Code);
    }

    [Fact]
    public async Task Client_token_replays_the_first_route()
    {
        await using var cloud = await Cloud.StartAsync();

        var first = await cloud.Client.Acs3(CloudClient.Cbn, "CreateTransitRouterRouteEntry", StaticRoute("vtb-trhz", "100.0.0.0/8", "tr-attach-hz1", "tr-token"));
        var again = await cloud.Client.Rpc(CloudClient.Cbn, "CreateTransitRouterRouteEntry", StaticRoute("vtb-trhz", "100.0.0.0/8", "tr-attach-hz1", "tr-token"));

        Assert.Equal(first.Json.GetProperty("TransitRouterRouteEntryId").GetString(), again.Json.GetProperty("TransitRouterRouteEntryId").GetString());
        Assert.Equal(1, (await Entries(cloud, "vtb-trhz", "All")).Count(e => e.GetProperty("TransitRouterRouteEntryDestinationCidrBlock").GetString() == "100.0.0.0/8"));
    }

    [Theory]
    [InlineData("vtb-nope", "100.0.0.0/8", "Attachment", "tr-attach-hz1", "InvalidTransitRouterRouteTableId.NotFound")]
    [InlineData("vtb-trhz", "100.0.0.0/8", "Attachment", "tr-attach-sh2", "InvalidTransitRouterRouteEntryNextHopId.NotFound")]
    [InlineData("vtb-trhz", "100.0.0/8", "Attachment", "tr-attach-hz1", "IllegalParam.TransitRouterDestinationCidrBlock")]
    [InlineData("vtb-trhz", "100.0.0.0/8", "Instance", "tr-attach-hz1", "IllegalParam.NextHopType")]
    [InlineData("vtb-trhz", "100.0.0.0/8", "BlackHole", "tr-attach-hz1", "ParamExclusive.NextHopTypeBlackHoleAndNextHopId")]
    public async Task Invalid_static_routes_are_refused_with_the_documented_codes(string table, string destination, string type, string hop, string code)
    {
        await using var cloud = await Cloud.StartAsync();
        var parameters = StaticRoute(table, destination, hop);
        parameters["TransitRouterRouteEntryNextHopType"] = type;

        var answer = await cloud.Client.Acs3(CloudClient.Cbn, "CreateTransitRouterRouteEntry", parameters);

        Assert.Equal(code, answer.Code);
    }

    [Fact]
    public async Task Delete_removes_a_static_route_after_Deleting_and_refuses_propagated_ones()
    {
        await using var cloud = await Cloud.StartAsync();
        var id = (await cloud.Client.Acs3(CloudClient.Cbn, "CreateTransitRouterRouteEntry", StaticRoute("vtb-trhz", "100.0.0.0/8", "tr-attach-hz1"))).Json.GetProperty("TransitRouterRouteEntryId").GetString()!;
        cloud.Wait();

        var propagated = await cloud.Client.Acs3(CloudClient.Cbn, "DeleteTransitRouterRouteEntry", P("TransitRouterRouteTableId", "vtb-trhz", "TransitRouterRouteEntryDestinationCidrBlock", "10.0.0.0/16", "TransitRouterRouteEntryNextHopType", "Attachment"));
        var deleted = await cloud.Client.Acs3(CloudClient.Cbn, "DeleteTransitRouterRouteEntry", P("TransitRouterRouteEntryId", id));
        var during = await Entries(cloud, "vtb-trhz", "Deleting");
        cloud.Wait();
        var gone = await cloud.Client.Acs3(CloudClient.Cbn, "DeleteTransitRouterRouteEntry", P("TransitRouterRouteEntryId", id));

        Assert.Equal("OperationFailed.DeleteTransitRouterRouteEntry", propagated.Code);
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Single(during);
        Assert.Equal("IllegalParam.TransitRouterRouteEntryId", gone.Code);
    }

    [Fact]
    public async Task Route_filter_selects_by_exact_prefix()
    {
        await using var cloud = await Cloud.StartAsync();

        var json = (await cloud.Client.Acs3(CloudClient.Cbn, "ListTransitRouterRouteEntries", P("TransitRouterRouteTableId", "vtb-trsh", "RouteFilter.1.Key", "PrefixExactMatchCidrs", "RouteFilter.1.Value.1", "10.94.0.0/16"))).Json;

        Assert.Equal("10.94.0.0/16", Assert.Single(json.GetProperty("TransitRouterRouteEntries").EnumerateArray()).GetProperty("TransitRouterRouteEntryDestinationCidrBlock").GetString());
    }

    [Theory]
    [InlineData("SupernetOfMatchCidrs", "10.94.0.0/16", "10.94.0.0/16")]
    [InlineData("SupernetOfMatchCidrs", "10.94.3.4/32", "10.94.0.0/16")]
    [InlineData("SubnetOfMatchCidrs", "10.94.0.0/16", "10.94.0.0/16")]
    [InlineData("SubnetOfMatchCidrs", "10.0.0.0/8", "10.0.0.0/16,10.94.0.0/16")]
    [InlineData("SupernetOfMatchCidrs", "192.168.0.0/16", "")]
    public async Task Supernet_and_subnet_filters_include_the_block_itself(string key, string value, string expected)
    {
        // aliyun/alibabacloud-typescript-sdk cbn-20170912/src/models/ListTransitRouterRouteEntriesRequestRouteFilter.ts:
        // "The subnets of the specified CIDR blocks, including the CIDR block" / "The supernets of the CIDR block, including the CIDR block".
        await using var cloud = await Cloud.StartAsync();

        var json = (await cloud.Client.Acs3(CloudClient.Cbn, "ListTransitRouterRouteEntries", P("TransitRouterRouteTableId", "vtb-trsh", "RouteFilter.1.Key", key, "RouteFilter.1.Value.1", value))).Json;

        Assert.Equal(
            expected.Split(',', StringSplitOptions.RemoveEmptyEntries),
            json.GetProperty("TransitRouterRouteEntries").EnumerateArray().Select(e => e.GetProperty("TransitRouterRouteEntryDestinationCidrBlock").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_filter_with_several_values_matches_any_of_them()
    {
        await using var cloud = await Cloud.StartAsync();

        var json = (await cloud.Client.Acs3(CloudClient.Cbn, "ListTransitRouterRouteEntries", P(
            "TransitRouterRouteTableId", "vtb-trsh", "RouteFilter.1.Key", "SupernetOfMatchCidrs", "RouteFilter.1.Value.1", "10.94.1.1/32", "RouteFilter.1.Value.2", "172.16.9.0/24"))).Json;

        Assert.Equal(
            ["10.94.0.0/16", "172.16.0.0/16"],
            json.GetProperty("TransitRouterRouteEntries").EnumerateArray().Select(e => e.GetProperty("TransitRouterRouteEntryDestinationCidrBlock").GetString()!).Order(StringComparer.Ordinal));
    }
}
