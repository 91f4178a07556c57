using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Tests.Support;

namespace AcrReach.Cloud.Tests.Cbn;

/// <summary>Each CBN operation's parameters and its answer in the documented shape: plain arrays (cloud-apis.md §2).</summary>
public sealed class CbnApiTests : IDisposable
{
    private readonly TestCloud _cloud = new();

    private ICbnApi Cbn => _cloud.Apis.Cbn;

    private Dictionary<string, string> SentParameters => Wire.OperationParameters(_cloud.LastSent);

    public void Dispose() => _cloud.Dispose();

    [Fact]
    public async Task Every_call_goes_to_the_central_endpoint_with_version_2017_09_12()
    {
        _cloud.Handler.ThenJson("{}");

        await Cbn.ListTransitRoutersAsync(new ListTransitRoutersRequest { RegionId = "cn-shanghai" });

        Assert.Equal("cbn.aliyuncs.com", _cloud.LastSent.Header("host"));
        Assert.Equal("2017-09-12", _cloud.LastSent.Header("x-acs-version"));
        Assert.Equal("ListTransitRouters", _cloud.LastSent.Header("x-acs-action"));
    }

    [Fact]
    public async Task List_transit_routers()
    {
        _cloud.Handler.ThenJson("""
            {
              "RequestId": "R", "PageNumber": 1, "PageSize": 50, "TotalCount": 1,
              "TransitRouters": [{
                "TransitRouterId": "tr-hz", "TransitRouterName": "hz", "CenId": "cen-1", "RegionId": "cn-hangzhou", "Type": "Enterprise",
                "Status": "Active", "AliUid": 1234567890123456, "SupportMulticast": false, "CreationTime": "2024-01-01T00:00Z",
                "TransitRouterCidrList": [{ "Cidr": "192.168.10.0/24", "TransitRouterCidrId": "trcidr-1", "PublishCidrRoute": true }],
                "Tags": [{ "Key": "k", "Value": "v" }]
              }]
            }
            """);

        var response = await Cbn.ListTransitRoutersAsync(new ListTransitRoutersRequest { CenId = "cen-1", RegionId = "cn-hangzhou", PageNumber = 1, PageSize = 50 });

        Assert.Equal(new Dictionary<string, string> { ["CenId"] = "cen-1", ["RegionId"] = "cn-hangzhou", ["PageNumber"] = "1", ["PageSize"] = "50" }, SentParameters);
        var router = Assert.Single(response.TransitRouters);
        Assert.Equal(("tr-hz", "cen-1", "cn-hangzhou", "Enterprise", "Active"), (router.TransitRouterId, router.CenId, router.RegionId, router.Type, router.Status));
        Assert.Equal("192.168.10.0/24", Assert.Single(router.TransitRouterCidrList).Cidr);
        Assert.Equal(1, response.TotalCount);
    }

    [Fact]
    public async Task List_vpc_attachments()
    {
        _cloud.Handler.ThenJson("""
            {
              "RequestId": "R", "NextToken": "n2", "MaxResults": 50, "TotalCount": 3,
              "TransitRouterAttachments": [{
                "TransitRouterAttachmentId": "tr-attach-hz1", "TransitRouterId": "tr-hz", "CenId": "cen-1", "VpcId": "vpc-hz1",
                "VpcRegionId": "cn-hangzhou", "VpcOwnerId": 1234567890123456, "ResourceType": "VPC", "Status": "Attached",
                "AutoPublishRouteEnabled": false, "ChargeType": "POSTPAY",
                "ZoneMappings": [{ "ZoneId": "cn-hangzhou-j", "VSwitchId": "vsw-hz-j", "NetworkInterfaceId": "eni-1" }],
                "TransitRouterVPCAttachmentOptions": { "ipv6Support": "disable" }
              }]
            }
            """);

        var response = await Cbn.ListTransitRouterVpcAttachmentsAsync(new ListTransitRouterVpcAttachmentsRequest { TransitRouterId = "tr-hz", VpcId = "vpc-hz1", NextToken = "n1", MaxResults = 50 });

        Assert.Equal(new Dictionary<string, string> { ["TransitRouterId"] = "tr-hz", ["VpcId"] = "vpc-hz1", ["NextToken"] = "n1", ["MaxResults"] = "50" }, SentParameters);
        Assert.Equal("n2", response.NextToken);
        var attachment = Assert.Single(response.TransitRouterAttachments);
        Assert.Equal(("tr-attach-hz1", "tr-hz", "vpc-hz1", "cn-hangzhou", "Attached"), (attachment.TransitRouterAttachmentId, attachment.TransitRouterId, attachment.VpcId, attachment.VpcRegionId, attachment.Status));
        Assert.Equal("vsw-hz-j", Assert.Single(attachment.ZoneMappings).VSwitchId);
    }

    [Fact]
    public async Task List_peer_vbr_and_vpn_attachments()
    {
        _cloud.Handler
            .ThenJson("""{ "TransitRouterAttachments": [{ "TransitRouterAttachmentId": "tr-attach-peer", "TransitRouterId": "tr-hz", "RegionId": "cn-hangzhou", "PeerTransitRouterId": "tr-sh", "PeerTransitRouterRegionId": "cn-shanghai", "PeerTransitRouterOwnerId": "1", "ResourceType": "TR", "Status": "Attached", "Bandwidth": 2 }] }""")
            .ThenJson("""{ "TransitRouterAttachments": [{ "TransitRouterAttachmentId": "tr-attach-vbr", "TransitRouterId": "tr-hz", "VbrId": "vbr-1", "VbrRegionId": "cn-hangzhou", "VbrOwnerId": 1, "ResourceType": "VBR", "Status": "Attached" }] }""")
            .ThenJson("""{ "TransitRouterAttachments": [{ "TransitRouterAttachmentId": "tr-attach-vpn", "TransitRouterId": "tr-hz", "VpnId": "vco-1", "VpnRegionId": "cn-hangzhou", "ResourceType": "VPN", "Status": "Attached", "Zones": [{ "ZoneId": "cn-hangzhou-j" }] }] }""");

        var peer = Assert.Single((await Cbn.ListTransitRouterPeerAttachmentsAsync(new ListTransitRouterPeerAttachmentsRequest { TransitRouterId = "tr-hz" })).TransitRouterAttachments);
        Assert.Equal(new Dictionary<string, string> { ["TransitRouterId"] = "tr-hz" }, SentParameters);
        var vbr = Assert.Single((await Cbn.ListTransitRouterVbrAttachmentsAsync(new ListTransitRouterVbrAttachmentsRequest { CenId = "cen-1", RegionId = "cn-hangzhou" })).TransitRouterAttachments);
        Assert.Equal(new Dictionary<string, string> { ["CenId"] = "cen-1", ["RegionId"] = "cn-hangzhou" }, SentParameters);
        var vpn = Assert.Single((await Cbn.ListTransitRouterVpnAttachmentsAsync(new ListTransitRouterVpnAttachmentsRequest { TransitRouterAttachmentId = "tr-attach-vpn" })).TransitRouterAttachments);
        Assert.Equal(new Dictionary<string, string> { ["TransitRouterAttachmentId"] = "tr-attach-vpn" }, SentParameters);

        Assert.Equal(("tr-sh", "cn-shanghai", 1L, "TR"), (peer.PeerTransitRouterId, peer.PeerTransitRouterRegionId, peer.PeerTransitRouterOwnerId!.Value, peer.ResourceType));
        Assert.Equal(("vbr-1", "VBR"), (vbr.VbrId, vbr.ResourceType));
        Assert.Equal(("vco-1", "VPN", "cn-hangzhou-j"), (vpn.VpnId, vpn.ResourceType, Assert.Single(vpn.Zones).ZoneId));
        Assert.Equal(
            ["ListTransitRouterPeerAttachments", "ListTransitRouterVbrAttachments", "ListTransitRouterVpnAttachments"],
            _cloud.Handler.Sent.Select(s => s.Header("x-acs-action")));
    }

    [Fact]
    public async Task List_route_tables()
    {
        _cloud.Handler.ThenJson("""
            {
              "RequestId": "R", "TotalCount": 1, "MaxResults": 100,
              "TransitRouterRouteTables": [{
                "TransitRouterRouteTableId": "vtb-trhz", "TransitRouterRouteTableType": "System", "TransitRouterRouteTableStatus": "Active",
                "TransitRouterRouteTableName": "default", "CreateTime": "2024-01-01T00:00Z", "RouteTableOptions": { "MultiRegionECMP": "disable" }
              }]
            }
            """);

        var response = await Cbn.ListTransitRouterRouteTablesAsync(new ListTransitRouterRouteTablesRequest { TransitRouterId = "tr-hz", TransitRouterRouteTableIds = ["vtb-a", "vtb-b"] });

        Assert.Equal(new Dictionary<string, string> { ["TransitRouterId"] = "tr-hz", ["TransitRouterRouteTableIds.1"] = "vtb-a", ["TransitRouterRouteTableIds.2"] = "vtb-b" }, SentParameters);
        var table = Assert.Single(response.TransitRouterRouteTables);
        Assert.Equal(("vtb-trhz", "System", "Active"), (table.TransitRouterRouteTableId, table.TransitRouterRouteTableType, table.TransitRouterRouteTableStatus));
        Assert.Null(response.NextToken);
    }

    [Fact]
    public async Task List_route_entries_with_a_route_filter_and_a_status()
    {
        _cloud.Handler.ThenJson("""
            {
              "RequestId": "R", "NextToken": "", "TotalCount": 1,
              "TransitRouterRouteEntries": [{
                "TransitRouterRouteEntryId": "rte-tr1", "TransitRouterRouteEntryDestinationCidrBlock": "100.0.0.0/8",
                "TransitRouterRouteEntryType": "Static", "TransitRouterRouteEntryStatus": "Creating",
                "TransitRouterRouteEntryNextHopType": "Attachment", "TransitRouterRouteEntryNextHopId": "tr-attach-hz1",
                "TransitRouterRouteEntryNextHopResourceId": "vpc-hz1", "TransitRouterRouteEntryNextHopResourceType": "VPC",
                "TransitRouterRouteEntryName": "acr-reach", "TransitRouterRouteEntryDescription": "acr-reach:plan",
                "OperationalMode": true, "PathAttributes": { "AsPaths": [], "Preference": 20 }
              }]
            }
            """);

        var response = await Cbn.ListTransitRouterRouteEntriesAsync(new ListTransitRouterRouteEntriesRequest
        {
            TransitRouterRouteTableId = "vtb-trhz",
            TransitRouterRouteEntryStatus = "All",
            RouteFilter = [new TransitRouteFilter { Key = "PrefixExactMatchCidrs", Value = ["100.0.0.0/8"] }],
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["TransitRouterRouteTableId"] = "vtb-trhz",
                ["TransitRouterRouteEntryStatus"] = "All",
                ["RouteFilter.1.Key"] = "PrefixExactMatchCidrs",
                ["RouteFilter.1.Value.1"] = "100.0.0.0/8",
            },
            SentParameters);
        var entry = Assert.Single(response.TransitRouterRouteEntries);
        Assert.Equal(
            ("rte-tr1", "100.0.0.0/8", "Static", "Creating", "Attachment", "tr-attach-hz1", true),
            (entry.TransitRouterRouteEntryId, entry.TransitRouterRouteEntryDestinationCidrBlock, entry.TransitRouterRouteEntryType,
             entry.TransitRouterRouteEntryStatus, entry.TransitRouterRouteEntryNextHopType, entry.TransitRouterRouteEntryNextHopId, entry.OperationalMode));
    }

    [Fact]
    public async Task List_route_table_associations()
    {
        _cloud.Handler.ThenJson("""
            { "RequestId": "R", "TransitRouterAssociations": [
              { "TransitRouterAttachmentId": "tr-attach-hz1", "TransitRouterRouteTableId": "vtb-trhz", "ResourceId": "vpc-hz1", "ResourceType": "VPC", "Status": "Active" },
              { "TransitRouterAttachmentId": "tr-attach-peer", "TransitRouterRouteTableId": "vtb-trhz", "ResourceId": "tr-sh", "ResourceType": "TR", "Status": "Active" }
            ]}
            """);

        var response = await Cbn.ListTransitRouterRouteTableAssociationsAsync(new ListTransitRouterRouteTableAssociationsRequest { TransitRouterRouteTableId = "vtb-trhz" });

        Assert.Equal(new Dictionary<string, string> { ["TransitRouterRouteTableId"] = "vtb-trhz" }, SentParameters);
        Assert.Equal(["tr-attach-hz1", "tr-attach-peer"], response.TransitRouterAssociations.Select(a => a.TransitRouterAttachmentId));
    }

    [Fact]
    public async Task Create_a_static_route_toward_an_attachment_with_a_client_token()
    {
        _cloud.Handler.ThenJson("""{ "RequestId": "R", "TransitRouterRouteEntryId": "rte-new" }""");

        var response = await Cbn.CreateTransitRouterRouteEntryAsync(new CreateTransitRouterRouteEntryRequest
        {
            TransitRouterRouteTableId = "vtb-trhz",
            TransitRouterRouteEntryDestinationCidrBlock = "100.0.0.0/8",
            TransitRouterRouteEntryNextHopType = "Attachment",
            TransitRouterRouteEntryNextHopId = "tr-attach-hz1",
            TransitRouterRouteEntryName = "acr-reach",
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["TransitRouterRouteTableId"] = "vtb-trhz",
                ["TransitRouterRouteEntryDestinationCidrBlock"] = "100.0.0.0/8",
                ["TransitRouterRouteEntryNextHopType"] = "Attachment",
                ["TransitRouterRouteEntryNextHopId"] = "tr-attach-hz1",
                ["TransitRouterRouteEntryName"] = "acr-reach",
            },
            SentParameters);
        Assert.False(string.IsNullOrEmpty(_cloud.LastSent.Query["ClientToken"]));
        Assert.Equal("rte-new", response.TransitRouterRouteEntryId);
    }

    [Fact]
    public async Task Delete_a_static_route_by_id()
    {
        _cloud.Handler.ThenJson("""{ "RequestId": "R-D" }""");

        var response = await Cbn.DeleteTransitRouterRouteEntryAsync(new DeleteTransitRouterRouteEntryRequest { TransitRouterRouteEntryId = "rte-tr1", ClientToken = "t-1" });

        Assert.Equal(new Dictionary<string, string> { ["TransitRouterRouteEntryId"] = "rte-tr1", ["ClientToken"] = "t-1" }, _cloud.LastSent.Query.ToDictionary(p => p.Key, p => p.Value));
        Assert.Equal("R-D", response.RequestId);
    }

    [Fact]
    public async Task Null_lists_parse_as_empty()
    {
        _cloud.Handler.ThenJson("""{ "TransitRouters": [{ "TransitRouterId": "tr-1", "Tags": null, "TransitRouterCidrList": null }] }""");

        var router = Assert.Single((await Cbn.ListTransitRoutersAsync(new ListTransitRoutersRequest())).TransitRouters);

        Assert.Empty(router.Tags);
        Assert.Empty(router.TransitRouterCidrList);
    }

    [Fact]
    public async Task Invalid_filters_answer_an_empty_result_not_an_error()
    {
        _cloud.Handler.ThenJson("""{ "RequestId": "R", "TotalCount": 0 }""");

        var response = await Cbn.ListTransitRouterVpcAttachmentsAsync(new ListTransitRouterVpcAttachmentsRequest { TransitRouterId = "tr-nope", Tag = [new CloudTag { Key = "k" }] });

        Assert.Equal("k", SentParameters["Tag.1.Key"]);
        Assert.Empty(response.TransitRouterAttachments);
    }
}
