using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Tests.Support;
using AcrReach.Cloud.Vpc;

namespace AcrReach.Cloud.Tests.Vpc;

/// <summary>Each VPC operation's parameters on the wire and its answer parsed from the documented shape (cloud-apis.md §1).</summary>
public sealed class VpcApiTests : IDisposable
{
    private readonly TestCloud _cloud = new();

    private IVpcApi Vpc => _cloud.Apis.Vpc("cn-shanghai");

    private Dictionary<string, string> SentParameters => Wire.OperationParameters(_cloud.LastSent);

    public void Dispose() => _cloud.Dispose();

    [Fact]
    public async Task Describe_vpcs_sends_filters_and_tags_and_reads_the_wrapped_lists()
    {
        _cloud.Handler.ThenJson("""
            {
              "TotalCount": 1, "PageSize": 50, "RequestId": "R-VPCS", "PageNumber": 1, "SomethingNew": { "x": 1 },
              "Vpcs": { "Vpc": [{
                "VpcId": "vpc-sh2", "VpcName": "app", "RegionId": "cn-shanghai", "CidrBlock": "172.16.0.0/16",
                "SecondaryCidrBlocks": { "SecondaryCidrBlock": ["10.94.0.0/16"] },
                "UserCidrs": { "UserCidr": [] },
                "VRouterId": "vrt-1", "Status": "Available", "CenStatus": "Attached", "IsDefault": false,
                "OwnerId": "1234567890123456", "CreationTime": "2024-01-01T00:00:00Z",
                "RouterTableIds": { "RouterTableIds": ["vtb-sh2"] },
                "VSwitchIds": { "VSwitchId": ["vsw-sh-m", "vsw-sh-n"] },
                "NatGatewayIds": { "NatGatewayIds": [] },
                "Tags": { "Tag": [{ "Key": "acr-reach", "Value": "cri-1" }] }
              }]}
            }
            """);

        var response = await Vpc.DescribeVpcsAsync(new DescribeVpcsRequest
        {
            VpcId = "vpc-a,vpc-b",
            IsDefault = false,
            Tag = [new CloudTag { Key = "acr-reach", Value = "*" }],
            PageNumber = 2,
            PageSize = 50,
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["RegionId"] = "cn-shanghai",
                ["VpcId"] = "vpc-a,vpc-b",
                ["IsDefault"] = "false",
                ["Tag.1.Key"] = "acr-reach",
                ["Tag.1.Value"] = "*",
                ["PageNumber"] = "2",
                ["PageSize"] = "50",
            },
            SentParameters);
        Assert.Equal(("R-VPCS", 1, 50, 1), (response.RequestId, response.TotalCount, response.PageSize, response.PageNumber));
        var vpc = Assert.Single(response.Vpcs.Vpc);
        Assert.Equal(("vpc-sh2", "172.16.0.0/16", "Available", "Attached"), (vpc.VpcId, vpc.CidrBlock, vpc.Status, vpc.CenStatus));
        Assert.Equal<string>(["10.94.0.0/16"], vpc.SecondaryCidrBlocks.SecondaryCidrBlock);
        Assert.Equal<string>(["vtb-sh2"], vpc.RouterTableIds.RouterTableIds);
        Assert.Equal<string>(["vsw-sh-m", "vsw-sh-n"], vpc.VSwitchIds.VSwitchId);
        Assert.Equal(1234567890123456, vpc.OwnerId);
        Assert.Equal(new CloudTag { Key = "acr-reach", Value = "cri-1" }, Assert.Single(vpc.Tags.Tag));
    }

    [Fact]
    public async Task A_request_without_a_region_is_sent_with_the_clients_and_an_explicit_one_is_kept()
    {
        _cloud.Handler.ThenJson("{}").ThenJson("{}");

        await Vpc.DescribeVpcsAsync(new DescribeVpcsRequest());
        Assert.Equal("cn-shanghai", SentParameters["RegionId"]);

        await Vpc.DescribeVpcsAsync(new DescribeVpcsRequest { RegionId = "cn-hangzhou" });
        Assert.Equal("cn-hangzhou", SentParameters["RegionId"]);
        Assert.Equal("vpc.cn-shanghai.aliyuncs.com", _cloud.LastSent.Header("host"));
    }

    [Fact]
    public async Task Describe_vswitches_reads_each_vswitchs_route_table()
    {
        _cloud.Handler.ThenJson("""
            {
              "RequestId": "R", "TotalCount": 2, "PageNumber": 1, "PageSize": 50,
              "VSwitches": { "VSwitch": [
                { "VSwitchId": "vsw-sh-m", "VpcId": "vpc-sh2", "ZoneId": "cn-shanghai-m", "CidrBlock": "172.16.0.0/24", "Status": "Available",
                  "AvailableIpAddressCount": "250", "RouteTable": { "RouteTableId": "vtb-sh2", "RouteTableType": "System" }, "Tags": { "Tag": [] } },
                { "VSwitchId": "vsw-sh-n", "VpcId": "vpc-sh2", "ZoneId": "cn-shanghai-n", "CidrBlock": "172.16.1.0/24", "Status": "Available",
                  "RouteTable": { "RouteTableId": "vtb-custom", "RouteTableType": "Custom" } }
              ]}
            }
            """);

        var response = await Vpc.DescribeVSwitchesAsync(new DescribeVSwitchesRequest { VpcId = "vpc-sh2", PageSize = 50 });

        Assert.Equal(new Dictionary<string, string> { ["RegionId"] = "cn-shanghai", ["VpcId"] = "vpc-sh2", ["PageSize"] = "50" }, SentParameters);
        Assert.Equal(2, response.TotalCount);
        Assert.Equal(
            [("vsw-sh-m", "172.16.0.0/24", "vtb-sh2", "System"), ("vsw-sh-n", "172.16.1.0/24", "vtb-custom", "Custom")],
            response.VSwitches.VSwitch.Select(v => (v.VSwitchId, v.CidrBlock, v.RouteTable.RouteTableId, v.RouteTable.RouteTableType)));
        Assert.Equal(250, response.VSwitches.VSwitch[0].AvailableIpAddressCount);
    }

    [Fact]
    public async Task Describe_route_table_list_reads_router_table_list_type()
    {
        _cloud.Handler.ThenJson("""
            {
              "RequestId": "R", "Code": "200", "Success": true, "Message": "successful", "TotalCount": 1, "PageNumber": 1, "PageSize": 50,
              "RouterTableList": { "RouterTableListType": [{
                "RouteTableId": "vtb-sh2", "RouteTableName": "", "RouteTableType": "System", "RouterId": "vrt-1", "RouterType": "VRouter",
                "VpcId": "vpc-sh2", "Status": "Available", "AssociateType": "VSwitch", "RoutePropagationEnable": true,
                "VSwitchIds": { "VSwitchId": ["vsw-sh-m"] }, "GatewayIds": { "GatewayIds": [] }, "OwnerId": 1
              }]}
            }
            """);

        var response = await Vpc.DescribeRouteTableListAsync(new DescribeRouteTableListRequest { VpcId = "vpc-sh2", RouteTableType = "System" });

        Assert.Equal(new Dictionary<string, string> { ["RegionId"] = "cn-shanghai", ["VpcId"] = "vpc-sh2", ["RouteTableType"] = "System" }, SentParameters);
        var table = Assert.Single(response.RouterTableList.RouterTableListType);
        Assert.Equal(("vtb-sh2", "System", "vpc-sh2", "Available", true), (table.RouteTableId, table.RouteTableType, table.VpcId, table.Status, table.RoutePropagationEnable));
        Assert.Equal<string>(["vsw-sh-m"], table.VSwitchIds.VSwitchId);
    }

    [Fact]
    public async Task Describe_route_entry_list_sends_max_result_singular_and_reads_route_entrys()
    {
        _cloud.Handler.ThenJson("""
            {
              "RequestId": "R", "NextToken": "tok-2", "TotalCount": "3",
              "RouteEntrys": { "RouteEntry": [{
                "RouteEntryId": "rte-1", "RouteTableId": "vtb-sh2", "DestinationCidrBlock": "10.0.0.0/8", "IpVersion": "ipv4",
                "Type": "Custom", "Status": "Available", "Origin": "CustomCreate", "ServiceType": "", "RouteEntryName": "acr-reach",
                "Description": "acr-reach:plan-1", "GmtModified": "2024-01-02T03:04:05Z",
                "NextHops": { "NextHop": [{ "NextHopType": "Attachment", "NextHopId": "tr-attach-sh2", "Enabled": 1, "Weight": 100,
                  "NextHopRegionId": "cn-shanghai",
                  "NextHopRelatedInfo": { "InstanceId": "tr-sh", "InstanceType": "TR", "RegionId": "cn-shanghai" } }] }
              }]}
            }
            """);

        var response = await Vpc.DescribeRouteEntryListAsync(new DescribeRouteEntryListRequest
        {
            RouteTableId = "vtb-sh2",
            DestCidrBlockList = ["10.0.0.0/8", "100.64.0.0/10"],
            RouteEntryType = "Custom",
            NextToken = "tok-1",
            MaxResult = 100,
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["RegionId"] = "cn-shanghai",
                ["RouteTableId"] = "vtb-sh2",
                ["DestCidrBlockList.1"] = "10.0.0.0/8",
                ["DestCidrBlockList.2"] = "100.64.0.0/10",
                ["RouteEntryType"] = "Custom",
                ["NextToken"] = "tok-1",
                ["MaxResult"] = "100",
            },
            SentParameters);
        Assert.Equal(("tok-2", 3), (response.NextToken, response.TotalCount));
        var entry = Assert.Single(response.RouteEntrys.RouteEntry);
        Assert.Equal(("rte-1", "10.0.0.0/8", "Custom", "Available", "acr-reach:plan-1"), (entry.RouteEntryId, entry.DestinationCidrBlock, entry.Type, entry.Status, entry.Description));
        var hop = Assert.Single(entry.NextHops.NextHop);
        Assert.Equal(("Attachment", "tr-attach-sh2", 100, "TR"), (hop.NextHopType, hop.NextHopId, hop.Weight, hop.NextHopRelatedInfo?.InstanceType));
    }

    [Fact]
    public async Task Create_route_entry_toward_a_transit_router_attachment()
    {
        _cloud.Handler.ThenJson("""{ "RequestId": "R-C", "RouteEntryId": "rte-new" }""");

        var response = await Vpc.CreateRouteEntryAsync(new CreateRouteEntryRequest
        {
            RouteTableId = "vtb-sh2",
            DestinationCidrBlock = "10.94.205.198/32",
            NextHopType = "Attachment",
            NextHopId = "tr-attach-sh2",
            RouteEntryName = "acr-reach",
            Description = "acr-reach:registry cri-1",
            ClientToken = "acr-reach-abc",
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["RegionId"] = "cn-shanghai",
                ["RouteTableId"] = "vtb-sh2",
                ["DestinationCidrBlock"] = "10.94.205.198/32",
                ["NextHopType"] = "Attachment",
                ["NextHopId"] = "tr-attach-sh2",
                ["RouteEntryName"] = "acr-reach",
                ["Description"] = "acr-reach:registry cri-1",
            },
            SentParameters);
        Assert.Equal("acr-reach-abc", _cloud.LastSent.Query["ClientToken"]);
        Assert.Equal(("R-C", "rte-new"), (response.RequestId, response.RouteEntryId));
    }

    [Fact]
    public async Task Create_route_entries_flattens_the_entries_from_one_and_reads_the_failed_ones()
    {
        _cloud.Handler.ThenJson("""
            { "RequestId": "R-B", "SuccessCount": 1, "FailedCount": 1, "RouteEntryIds": ["rte-new"],
              "FailedRouteEntries": [{ "DstCidrBlock": "10.0.0.0/8", "NextHop": "tr-attach-sh2", "FailedCode": "VPC_ROUTE_ENTRY_CIDR_BLOCK_DUPLICATE", "FailedMessage": "exists" }] }
            """);

        var response = await Vpc.CreateRouteEntriesAsync(new CreateRouteEntriesRequest
        {
            RouteEntries =
            [
                new() { RouteTableId = "vtb-sh2", DstCidrBlock = "100.103.7.181/32", NextHop = "tr-attach-sh2", NextHopType = "Attachment", Name = "acr-reach", Description = "acr-reach: auth", IpVersion = 4 },
                new() { RouteTableId = "vtb-sh2-b", DstCidrBlock = "10.0.0.0/8", NextHop = "tr-attach-sh2", NextHopType = "Attachment" },
            ],
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["RegionId"] = "cn-shanghai",
                ["RouteEntries.1.RouteTableId"] = "vtb-sh2",
                ["RouteEntries.1.DstCidrBlock"] = "100.103.7.181/32",
                ["RouteEntries.1.NextHop"] = "tr-attach-sh2",
                ["RouteEntries.1.NextHopType"] = "Attachment",
                ["RouteEntries.1.Name"] = "acr-reach",
                ["RouteEntries.1.Description"] = "acr-reach: auth",
                ["RouteEntries.1.IpVersion"] = "4",
                ["RouteEntries.2.RouteTableId"] = "vtb-sh2-b",
                ["RouteEntries.2.DstCidrBlock"] = "10.0.0.0/8",
                ["RouteEntries.2.NextHop"] = "tr-attach-sh2",
                ["RouteEntries.2.NextHopType"] = "Attachment",
            },
            SentParameters);
        Assert.False(_cloud.LastSent.Query.ContainsKey("ClientToken"));
        Assert.Equal(("R-B", 1, 1, "rte-new"), (response.RequestId, response.SuccessCount, response.FailedCount, Assert.Single(response.RouteEntryIds)));
        var failed = Assert.Single(response.FailedRouteEntries);
        Assert.Equal(("10.0.0.0/8", "tr-attach-sh2", "VPC_ROUTE_ENTRY_CIDR_BLOCK_DUPLICATE"), (failed.DstCidrBlock, failed.NextHop, failed.FailedCode));
    }

    [Fact]
    public async Task Delete_route_entry_by_table_destination_and_next_hop()
    {
        _cloud.Handler.ThenJson("""{ "RequestId": "R-D" }""");

        var response = await Vpc.DeleteRouteEntryAsync(new DeleteRouteEntryRequest
        {
            RouteTableId = "vtb-sh2",
            DestinationCidrBlock = "10.94.205.198/32",
            NextHopId = "tr-attach-sh2",
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["RegionId"] = "cn-shanghai",
                ["RouteTableId"] = "vtb-sh2",
                ["DestinationCidrBlock"] = "10.94.205.198/32",
                ["NextHopId"] = "tr-attach-sh2",
            },
            _cloud.LastSent.Query.ToDictionary(p => p.Key, p => p.Value));
        Assert.Equal("R-D", response.RequestId);
    }

    [Fact]
    public async Task Missing_or_null_wrappers_parse_as_empty_lists()
    {
        _cloud.Handler
            .ThenJson("""{ "RequestId": "R", "TotalCount": 0 }""")
            .ThenJson("""{ "RequestId": "R", "TotalCount": 1, "Vpcs": { "Vpc": [{ "VpcId": "vpc-1", "Tags": null, "VSwitchIds": { "VSwitchId": null } }] } }""")
            .ThenJson("""{ "RequestId": "R", "Vpcs": null }""");

        Assert.Empty((await Vpc.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs.Vpc);
        var vpc = Assert.Single((await Vpc.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs.Vpc);
        Assert.Empty(vpc.Tags.Tag);
        Assert.Empty(vpc.SecondaryCidrBlocks.SecondaryCidrBlock);
        Assert.Empty((await Vpc.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs.Vpc);
    }
}
