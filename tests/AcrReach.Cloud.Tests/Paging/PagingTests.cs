using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Paging;
using AcrReach.Cloud.Pvtz;
using AcrReach.Cloud.Tests.Support;
using AcrReach.Cloud.Vpc;

namespace AcrReach.Cloud.Tests.Paging;

/// <summary>Each paging style against a fake cloud that serves pages and checks what was asked.</summary>
public sealed class PagingTests : IDisposable
{
    private readonly TestCloud _cloud = new();

    public void Dispose() => _cloud.Dispose();

    private static string VpcPage(int total, params string[] ids) =>
        $$"""{ "TotalCount": {{total}}, "Vpcs": { "Vpc": [{{string.Join(",", ids.Select(id => $$"""{ "VpcId": "{{id}}" }"""))}}] } }""";

    [Fact]
    public async Task Page_number_paging_asks_pages_in_order_with_the_largest_page_size_until_the_total()
    {
        _cloud.Handler.ThenJson(VpcPage(5, "vpc-1", "vpc-2")).ThenJson(VpcPage(5, "vpc-3", "vpc-4")).ThenJson(VpcPage(5, "vpc-5"));

        var vpcs = await _cloud.Apis.Vpc("cn-shanghai").DescribeAllVpcsAsync(new DescribeVpcsRequest { VpcName = "app" }).ToImmutableArrayAsync();

        Assert.Equal(["vpc-1", "vpc-2", "vpc-3", "vpc-4", "vpc-5"], vpcs.Select(v => v.VpcId));
        Assert.Equal(["1", "2", "3"], _cloud.Handler.Sent.Select(s => s.Query["PageNumber"]));
        Assert.All(_cloud.Handler.Sent, s => Assert.Equal(("50", "app"), (s.Query["PageSize"], s.Query["VpcName"])));
    }

    [Fact]
    public async Task Page_number_paging_stops_on_an_empty_page_even_if_the_total_promised_more()
    {
        _cloud.Handler.ThenJson(VpcPage(10, "vpc-1")).ThenJson(VpcPage(10));

        var vpcs = await _cloud.Apis.Vpc("cn-shanghai").DescribeAllVpcsAsync().ToImmutableArrayAsync();

        Assert.Single(vpcs);
        Assert.Equal(2, _cloud.Handler.Sent.Count);
    }

    [Fact]
    public async Task One_page_is_one_call()
    {
        _cloud.Handler.ThenJson("""{ "TotalCount": 2, "VSwitches": { "VSwitch": [{ "VSwitchId": "a" }, { "VSwitchId": "b" }] } }""");

        var vswitches = await _cloud.Apis.Vpc("cn-shanghai").DescribeAllVSwitchesAsync(new DescribeVSwitchesRequest { VpcId = "vpc-1" }).ToImmutableArrayAsync();

        Assert.Equal(2, vswitches.Length);
        Assert.Single(_cloud.Handler.Sent);
    }

    [Fact]
    public async Task Route_tables_page_by_number()
    {
        _cloud.Handler
            .ThenJson("""{ "TotalCount": 2, "RouterTableList": { "RouterTableListType": [{ "RouteTableId": "vtb-1" }] } }""")
            .ThenJson("""{ "TotalCount": 2, "RouterTableList": { "RouterTableListType": [{ "RouteTableId": "vtb-2" }] } }""");

        var tables = await _cloud.Apis.Vpc("cn-shanghai").DescribeAllRouteTablesAsync(new DescribeRouteTableListRequest { VpcId = "vpc-1" }).ToImmutableArrayAsync();

        Assert.Equal(["vtb-1", "vtb-2"], tables.Select(t => t.RouteTableId));
        Assert.Equal(["1", "2"], _cloud.Handler.Sent.Select(s => s.Query["PageNumber"]));
    }

    [Fact]
    public async Task Next_token_max_result_paging_for_vpc_route_entries_uses_the_singular_name()
    {
        _cloud.Handler
            .ThenJson("""{ "NextToken": "t2", "RouteEntrys": { "RouteEntry": [{ "RouteEntryId": "rte-1" }] } }""")
            .ThenJson("""{ "NextToken": "t3", "RouteEntrys": { "RouteEntry": [{ "RouteEntryId": "rte-2" }] } }""")
            .ThenJson("""{ "NextToken": "", "RouteEntrys": { "RouteEntry": [{ "RouteEntryId": "rte-3" }] } }""");

        var entries = await _cloud.Apis.Vpc("cn-shanghai").DescribeAllRouteEntriesAsync(new DescribeRouteEntryListRequest { RouteTableId = "vtb-1" }).ToImmutableArrayAsync();

        Assert.Equal(["rte-1", "rte-2", "rte-3"], entries.Select(e => e.RouteEntryId));
        Assert.False(_cloud.Handler.Sent[0].Query.ContainsKey("NextToken"));
        Assert.Equal(["t2", "t3"], _cloud.Handler.Sent.Skip(1).Select(s => s.Query["NextToken"]));
        Assert.All(_cloud.Handler.Sent, s =>
        {
            Assert.Equal("100", s.Query["MaxResult"]);
            Assert.False(s.Query.ContainsKey("MaxResults"));
            Assert.Equal("vtb-1", s.Query["RouteTableId"]);
        });
    }

    [Fact]
    public async Task Next_token_max_results_paging_for_cbn_lists()
    {
        _cloud.Handler
            .ThenJson("""{ "NextToken": "n2", "TransitRouterRouteEntries": [{ "TransitRouterRouteEntryId": "rte-a" }] }""")
            .ThenJson("""{ "TransitRouterRouteEntries": [{ "TransitRouterRouteEntryId": "rte-b" }] }""");

        var entries = await _cloud.Apis.Cbn.ListAllTransitRouterRouteEntriesAsync(new ListTransitRouterRouteEntriesRequest { TransitRouterRouteTableId = "vtb-tr", TransitRouterRouteEntryStatus = "All" }).ToImmutableArrayAsync();

        Assert.Equal(["rte-a", "rte-b"], entries.Select(e => e.TransitRouterRouteEntryId));
        Assert.Equal("n2", _cloud.Handler.Sent[1].Query["NextToken"]);
        Assert.All(_cloud.Handler.Sent, s => Assert.Equal(("100", "All"), (s.Query["MaxResults"], s.Query["TransitRouterRouteEntryStatus"])));
    }

    [Fact]
    public async Task Every_cbn_list_pages_to_the_end()
    {
        _cloud.Handler.Fallback = sent => FakeHandler.Respond(
            System.Net.HttpStatusCode.OK,
            sent.Query.ContainsKey("NextToken")
                ? """{ "TotalCount": 2, "TransitRouters": [{ "TransitRouterId": "tr-2" }], "TransitRouterAttachments": [{ "TransitRouterAttachmentId": "a-2" }], "TransitRouterRouteTables": [{ "TransitRouterRouteTableId": "t-2" }], "TransitRouterAssociations": [{ "TransitRouterAttachmentId": "s-2" }] }"""
                : """{ "TotalCount": 2, "NextToken": "more", "TransitRouters": [{ "TransitRouterId": "tr-1" }], "TransitRouterAttachments": [{ "TransitRouterAttachmentId": "a-1" }], "TransitRouterRouteTables": [{ "TransitRouterRouteTableId": "t-1" }], "TransitRouterAssociations": [{ "TransitRouterAttachmentId": "s-1" }] }""",
            "application/json");
        var cbn = _cloud.Apis.Cbn;

        Assert.Equal(2, (await cbn.ListAllTransitRouterVpcAttachmentsAsync(new ListTransitRouterVpcAttachmentsRequest { TransitRouterId = "tr" }).ToImmutableArrayAsync()).Length);
        Assert.Equal(2, (await cbn.ListAllTransitRouterPeerAttachmentsAsync(new ListTransitRouterPeerAttachmentsRequest { TransitRouterId = "tr" }).ToImmutableArrayAsync()).Length);
        Assert.Equal(2, (await cbn.ListAllTransitRouterVbrAttachmentsAsync(new ListTransitRouterVbrAttachmentsRequest { TransitRouterId = "tr" }).ToImmutableArrayAsync()).Length);
        Assert.Equal(2, (await cbn.ListAllTransitRouterVpnAttachmentsAsync(new ListTransitRouterVpnAttachmentsRequest { TransitRouterId = "tr" }).ToImmutableArrayAsync()).Length);
        Assert.Equal(2, (await cbn.ListAllTransitRouterRouteTablesAsync(new ListTransitRouterRouteTablesRequest { TransitRouterId = "tr" }).ToImmutableArrayAsync()).Length);
        Assert.Equal(2, (await cbn.ListAllTransitRouterRouteTableAssociationsAsync(new ListTransitRouterRouteTableAssociationsRequest { TransitRouterRouteTableId = "t" }).ToImmutableArrayAsync()).Length);
        Assert.Equal(12, _cloud.Handler.Sent.Count);
        Assert.Equal(
            ["50", "50", "100", "100", "50", "50", "50", "50", "100", "100", "50", "50"],
            _cloud.Handler.Sent.Select(s => s.Query["MaxResults"]));
    }

    [Fact]
    public async Task Transit_routers_page_by_number_with_fifty_a_page()
    {
        _cloud.Handler
            .ThenJson("""{ "TotalCount": 2, "TransitRouters": [{ "TransitRouterId": "tr-1" }] }""")
            .ThenJson("""{ "TotalCount": 2, "TransitRouters": [{ "TransitRouterId": "tr-2" }] }""");

        var routers = await _cloud.Apis.Cbn.ListAllTransitRoutersAsync(new ListTransitRoutersRequest { CenId = "cen-1" }).ToImmutableArrayAsync();

        Assert.Equal(["tr-1", "tr-2"], routers.Select(r => r.TransitRouterId));
        Assert.Equal([("1", "50"), ("2", "50")], _cloud.Handler.Sent.Select(s => (s.Query["PageNumber"], s.Query["PageSize"])));
    }

    [Fact]
    public async Task Page_no_paging_for_registry_instances()
    {
        _cloud.Handler
            .ThenJson("""{ "IsSuccess": true, "TotalCount": "2", "Instances": [{ "InstanceId": "cri-1" }] }""")
            .ThenJson("""{ "IsSuccess": true, "TotalCount": "2", "Instances": [{ "InstanceId": "cri-2" }] }""");

        var instances = await _cloud.Apis.Cr("cn-hangzhou").ListAllInstancesAsync().ToImmutableArrayAsync();

        Assert.Equal(["cri-1", "cri-2"], instances.Select(i => i.InstanceId));
        Assert.Equal([("1", "30"), ("2", "30")], _cloud.Handler.Sent.Select(s => (s.Query["PageNo"], s.Query["PageSize"])));
        Assert.All(_cloud.Handler.Sent, s => Assert.False(s.Query.ContainsKey("PageNumber")));
    }

    [Fact]
    public async Task Private_zone_pages_by_total_items()
    {
        _cloud.Handler
            .ThenJson("""{ "TotalItems": 2, "Records": { "Record": [{ "RecordId": 1 }] } }""")
            .ThenJson("""{ "TotalItems": 2, "Records": { "Record": [{ "RecordId": 2 }] } }""")
            .ThenJson("""{ "TotalItems": 1, "Zones": { "Zone": [{ "ZoneId": "z" }] } }""");

        var records = await _cloud.Apis.Pvtz.DescribeAllZoneRecordsAsync(new DescribeZoneRecordsRequest { ZoneId = "zone-1" }).ToImmutableArrayAsync();
        var zones = await _cloud.Apis.Pvtz.DescribeAllZonesAsync().ToImmutableArrayAsync();

        Assert.Equal([1L, 2L], records.Select(r => r.RecordId!.Value));
        Assert.Single(zones);
        Assert.Equal(["1", "2", "1"], _cloud.Handler.Sent.Select(s => s.Query["PageNumber"]));
        Assert.All(_cloud.Handler.Sent, s => Assert.Equal("100", s.Query["PageSize"]));
    }

    [Fact]
    public async Task A_next_token_sent_twice_stops_with_an_error_instead_of_looping()
    {
        _cloud.Handler.Fallback = _ => FakeHandler.Respond(System.Net.HttpStatusCode.OK, """{ "NextToken": "same", "TransitRouterRouteTables": [{}] }""", "application/json");

        var error = await Assert.ThrowsAsync<CloudApiException>(() =>
            _cloud.Apis.Cbn.ListAllTransitRouterRouteTablesAsync(new ListTransitRouterRouteTablesRequest { TransitRouterId = "tr" }).ToImmutableArrayAsync());

        Assert.Equal(CloudApiException.InvalidResponseCode, error.Code);
        Assert.Equal(2, _cloud.Handler.Sent.Count);
    }

    [Fact]
    public async Task A_failing_page_fails_the_enumeration()
    {
        _cloud.Handler
            .ThenJson(VpcPage(3, "vpc-1"))
            .ThenJson("""{ "Code": "Forbidden.RAM", "Message": "no" }""", System.Net.HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => _cloud.Apis.Vpc("cn-shanghai").DescribeAllVpcsAsync().ToImmutableArrayAsync());

        Assert.Equal("Forbidden.RAM", error.Code);
    }

    [Fact]
    public async Task The_generic_helpers_page_any_source()
    {
        var pages = new Dictionary<string, (int[] Items, string? Next)> { [""] = ([1, 2], "b"), ["b"] = ([3], null) };

        var items = await Pages.ByNextTokenAsync<(int[] Items, string? Next), int>(
            (token, _) => Task.FromResult(pages[token ?? ""]),
            page => [.. page.Items],
            page => page.Next).ToImmutableArrayAsync();

        Assert.Equal<int>([1, 2, 3], items);
    }
}
