using System.Net;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Vpc;
using AcrReach.Integration.Tests.Support;
using Topology = AcrReach.Core.Topology;

namespace AcrReach.Integration.Tests.Vpc;

/// <summary>Every VPC operation through the client, signed every way the client can sign.</summary>
public sealed class VpcOperationTests
{
    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task DescribeVpcs_answers_the_regions_vpcs_with_blocks_vswitches_tables_and_tags(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var answer = await rig.Apis.Vpc(Rig.Hangzhou).DescribeVpcsAsync(new DescribeVpcsRequest());

        Assert.False(string.IsNullOrEmpty(answer.RequestId));
        Assert.Equal(2, answer.TotalCount);
        Assert.Equal(["vpc-hz1", "vpc-hz3"], answer.Vpcs.Vpc.Select(v => v.VpcId));
        var hz1 = answer.Vpcs.Vpc[0];
        Assert.Equal(Rig.Hangzhou, hz1.RegionId);
        Assert.Equal("10.0.0.0/16", hz1.CidrBlock);
        Assert.Equal<string>(["10.94.0.0/16"], hz1.SecondaryCidrBlocks.SecondaryCidrBlock);
        Assert.Equal<string>(["vsw-hz-j", "vsw-hz-k", "vsw-hz-cr"], hz1.VSwitchIds.VSwitchId);
        Assert.Equal<string>(["vtb-hz1"], hz1.RouterTableIds.RouterTableIds);
        Assert.Equal([("team", "registry")], hz1.Tags.Tag.Select(t => (t.Key, t.Value)));
        Assert.Equal("Available", hz1.Status);
        Assert.Equal("Attached", hz1.CenStatus);
        Assert.Equal(1234567890123456, hz1.OwnerId);
        Assert.NotEqual("Attached", answer.Vpcs.Vpc[1].CenStatus);
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task DescribeVpcs_filters_by_tag_and_shows_the_reach_tag_the_policy_implies(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var answer = await rig.Apis.Vpc(Rig.Shanghai).DescribeVpcsAsync(new DescribeVpcsRequest
        {
            Tag = [new CloudTag { Key = "acr-reach", Value = "cri-xxxxxx" }],
        });

        var vpc = Assert.Single(answer.Vpcs.Vpc);
        Assert.Equal("vpc-sh2", vpc.VpcId);
        Assert.Equal([("acr-reach", "cri-xxxxxx")], vpc.Tags.Tag.Select(t => (t.Key, t.Value)));
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task DescribeVSwitches_answers_each_vswitch_with_zone_block_and_route_table(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var answer = await rig.Apis.Vpc(Rig.Shanghai).DescribeVSwitchesAsync(new DescribeVSwitchesRequest { VpcId = "vpc-sh2" });

        Assert.Equal(2, answer.TotalCount);
        Assert.Equal(
            [
                ("vsw-sh-m", "vpc-sh2", "cn-shanghai-m", "172.16.0.0/24", "vtb-sh2", "System"),
                ("vsw-sh-n", "vpc-sh2", "cn-shanghai-n", "172.16.1.0/24", "vtb-sh2-custom", "Custom"),
            ],
            answer.VSwitches.VSwitch.Select(s => (s.VSwitchId, s.VpcId, s.ZoneId, s.CidrBlock, s.RouteTable.RouteTableId, s.RouteTable.RouteTableType)));
        Assert.All(answer.VSwitches.VSwitch, s => Assert.Equal(252, s.AvailableIpAddressCount));
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task DescribeRouteTableList_answers_system_and_custom_tables_with_their_vswitches(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var answer = await rig.Apis.Vpc(Rig.Shanghai).DescribeRouteTableListAsync(new DescribeRouteTableListRequest { VpcId = "vpc-sh2" });

        Assert.Equal(2, answer.TotalCount);
        Assert.Equal(
            [("vtb-sh2", "System", "vpc-sh2", "vsw-sh-m"), ("vtb-sh2-custom", "Custom", "vpc-sh2", "vsw-sh-n")],
            answer.RouterTableList.RouterTableListType.Select(t => (t.RouteTableId, t.RouteTableType, t.VpcId, Assert.Single(t.VSwitchIds.VSwitchId))));
        Assert.All(answer.RouterTableList.RouterTableListType, t => Assert.Equal("VRouter", t.RouterType));
        Assert.Single(answer.RouterTableList.RouterTableListType.Select(t => t.RouterId).Distinct());
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task DescribeRouteEntryList_answers_system_and_custom_entries_with_their_next_hops(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var answer = await rig.Apis.Vpc(Rig.Hangzhou).DescribeRouteEntryListAsync(new DescribeRouteEntryListRequest { RouteTableId = "vtb-hz1" });

        Assert.Equal(6, answer.TotalCount);
        Assert.True(string.IsNullOrEmpty(answer.NextToken));
        var entries = answer.RouteEntrys.RouteEntry;
        Assert.Equal(
            ["10.0.0.0/24", "10.0.1.0/24", "10.94.205.0/24", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16"],
            entries.Select(e => e.DestinationCidrBlock));
        var toShanghai = entries.Single(e => e.DestinationCidrBlock == "172.16.0.0/12");
        Assert.Equal(("Custom", "Available", "to shanghai", "vtb-hz1"), (toShanghai.Type, toShanghai.Status, toShanghai.RouteEntryName, toShanghai.RouteTableId));
        Assert.Equal([("Attachment", "tr-attach-hz1")], toShanghai.NextHops.NextHop.Select(h => (h.NextHopType, h.NextHopId)));
        var local = entries[0];
        Assert.Equal(("System", "Local"), (local.Type, Assert.Single(local.NextHops.NextHop).NextHopType));
        Assert.All(entries, e => Assert.StartsWith("rte-", e.RouteEntryId, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task CreateRouteEntry_adds_a_route_seen_by_later_reads_and_in_the_state(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);
        var vpc = rig.Apis.Vpc(Rig.Shanghai);

        var created = await vpc.CreateRouteEntryAsync(new CreateRouteEntryRequest
        {
            RouteTableId = "vtb-sh2",
            DestinationCidrBlock = "100.103.7.181/32",
            NextHopType = "Attachment",
            NextHopId = "tr-attach-sh2",
            RouteEntryName = "acr-reach",
            Description = "acr-reach: auth for cri-xxxxxx",
        });

        Assert.StartsWith("rte-", created.RouteEntryId, StringComparison.Ordinal);
        var listed = Assert.Single((await vpc.DescribeRouteEntryListAsync(new DescribeRouteEntryListRequest { RouteTableId = "vtb-sh2", RouteEntryId = created.RouteEntryId })).RouteEntrys.RouteEntry);
        Assert.Equal(("100.103.7.181/32", "Custom", "acr-reach", "acr-reach: auth for cri-xxxxxx"), (listed.DestinationCidrBlock, listed.Type, listed.RouteEntryName, listed.Description));
        Assert.Equal([("Attachment", "tr-attach-sh2")], listed.NextHops.NextHop.Select(h => (h.NextHopType, h.NextHopId)));
        var table = rig.Server.Snapshot().FindVpc("vpc-sh2")!.FindRouteTable("vtb-sh2")!;
        Assert.Contains(new Topology.RouteEntry(IPNetwork.Parse("100.103.7.181/32"), "Attachment", "tr-attach-sh2", "acr-reach", "acr-reach: auth for cri-xxxxxx"), table.Entries);
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task DeleteRouteEntry_removes_a_route_by_id_or_by_table_destination_and_next_hop(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);
        var vpc = rig.Apis.Vpc(Rig.Shanghai);
        var created = await vpc.CreateRouteEntryAsync(new CreateRouteEntryRequest
        {
            RouteTableId = "vtb-sh2", DestinationCidrBlock = "100.118.28.43/32", NextHopType = "Attachment", NextHopId = "tr-attach-sh2",
        });

        var byId = await vpc.DeleteRouteEntryAsync(new DeleteRouteEntryRequest { RouteEntryId = created.RouteEntryId });
        var byDestination = await vpc.DeleteRouteEntryAsync(new DeleteRouteEntryRequest
        {
            RouteTableId = "vtb-sh2", DestinationCidrBlock = "10.0.0.0/8", NextHopId = "tr-attach-sh2",
        });

        Assert.False(string.IsNullOrEmpty(byId.RequestId));
        Assert.False(string.IsNullOrEmpty(byDestination.RequestId));
        var remaining = (await vpc.DescribeRouteEntryListAsync(new DescribeRouteEntryListRequest { RouteTableId = "vtb-sh2" })).RouteEntrys.RouteEntry;
        Assert.Equal(["172.16.0.0/24", "172.16.1.0/24", "100.64.0.0/10"], remaining.Select(e => e.DestinationCidrBlock));
        Assert.DoesNotContain(rig.Server.Snapshot().FindVpc("vpc-sh2")!.FindRouteTable("vtb-sh2")!.Entries, e => e.NextHopType == "Attachment");
    }
}
