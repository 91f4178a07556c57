using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Paging;
using AcrReach.Cloud.Pvtz;
using AcrReach.Cloud.Vpc;
using AcrReach.Integration.Tests.Support;
using static AcrReach.Integration.Tests.Support.LargeAccount;

namespace AcrReach.Integration.Tests.Paging;

/// <summary>
/// Every paging style against lists longer than a page: the whole list arrives, in order, and the client makes exactly
/// as many calls as there are pages to read (counted by the local cloud).
/// </summary>
public sealed class PagingStyleTests : IAsyncLifetime
{
    private Rig _rig = null!;

    public async Task InitializeAsync() => _rig = await Rig.StartAsync(Build());

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private IVpcApi Vpc => _rig.Apis.Vpc(Rig.Hangzhou);

    private ICbnApi Cbn => _rig.Apis.Cbn;

    [Fact]
    public async Task PageNumber_and_PageSize_read_every_vpc_in_three_pages_of_fifty()
    {
        var vpcs = await Vpc.DescribeAllVpcsAsync().ToImmutableArrayAsync();

        Assert.Equal(Enumerable.Range(0, Vpcs).Select(VpcId), vpcs.Select(v => v.VpcId));
        Assert.Equal(3, _rig.Calls("DescribeVpcs"));
    }

    [Fact]
    public async Task PageNumber_and_PageSize_read_every_vswitch_in_three_pages()
    {
        var vswitches = await Vpc.DescribeAllVSwitchesAsync().ToImmutableArrayAsync();

        Assert.Equal(Vpcs, vswitches.Select(s => s.VSwitchId).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, Vpcs).Select(VpcId), vswitches.Select(s => s.VpcId));
        Assert.Equal(3, _rig.Calls("DescribeVSwitches"));
    }

    [Fact]
    public async Task PageNumber_and_PageSize_read_every_route_table_in_three_pages()
    {
        var tables = await Vpc.DescribeAllRouteTablesAsync().ToImmutableArrayAsync();

        Assert.Equal(Enumerable.Range(0, Vpcs).Select(VpcId), tables.Select(t => t.VpcId));
        Assert.Equal(3, _rig.Calls("DescribeRouteTableList"));
    }

    [Fact]
    public async Task NextToken_and_MaxResult_read_every_vpc_route_entry_in_three_pages_of_a_hundred()
    {
        var entries = await Vpc.DescribeAllRouteEntriesAsync(new DescribeRouteEntryListRequest { RouteTableId = BusyVpcTable }).ToImmutableArrayAsync();

        Assert.Equal(["10.0.0.0/24", .. Enumerable.Range(0, BusyVpcRoutes).Select(k => $"172.16.{k}.0/24")], entries.Select(e => e.DestinationCidrBlock));
        Assert.Equal(3, _rig.Calls("DescribeRouteEntryList"));
    }

    [Fact]
    public async Task PageNumber_and_PageSize_read_every_transit_router_in_three_pages()
    {
        var routers = await Cbn.ListAllTransitRoutersAsync(new ListTransitRoutersRequest { CenId = "cen-1" }).ToImmutableArrayAsync();

        Assert.Equal([Hub, .. Enumerable.Range(0, Spokes).Select(Spoke)], routers.Select(r => r.TransitRouterId));
        Assert.Equal(3, _rig.Calls("ListTransitRouters"));
    }

    [Fact]
    public async Task NextToken_and_MaxResults_read_every_vpc_attachment_in_three_pages_of_fifty()
    {
        var attachments = await Cbn.ListAllTransitRouterVpcAttachmentsAsync(new ListTransitRouterVpcAttachmentsRequest { TransitRouterId = Hub }).ToImmutableArrayAsync();

        Assert.Equal(Enumerable.Range(0, Vpcs).Select(VpcAttachment), attachments.Select(a => a.TransitRouterAttachmentId));
        Assert.Equal(3, _rig.Calls("ListTransitRouterVpcAttachments"));
    }

    [Fact]
    public async Task NextToken_and_MaxResults_read_every_peer_attachment_in_two_pages_of_a_hundred()
    {
        var attachments = await Cbn.ListAllTransitRouterPeerAttachmentsAsync(new ListTransitRouterPeerAttachmentsRequest { TransitRouterId = Hub }).ToImmutableArrayAsync();

        Assert.Equal(Enumerable.Range(0, Spokes).Select(PeerAttachment), attachments.Select(a => a.TransitRouterAttachmentId));
        Assert.Equal(Enumerable.Range(0, Spokes).Select(Spoke), attachments.Select(a => a.PeerTransitRouterId));
        Assert.Equal(2, _rig.Calls("ListTransitRouterPeerAttachments"));
    }

    [Fact]
    public async Task NextToken_and_MaxResults_read_every_vbr_and_vpn_attachment_in_two_pages_each()
    {
        var vbrs = await Cbn.ListAllTransitRouterVbrAttachmentsAsync(new ListTransitRouterVbrAttachmentsRequest { TransitRouterId = Hub }).ToImmutableArrayAsync();
        var vpns = await Cbn.ListAllTransitRouterVpnAttachmentsAsync(new ListTransitRouterVpnAttachmentsRequest { TransitRouterId = Hub }).ToImmutableArrayAsync();

        Assert.Equal(Enumerable.Range(0, DataCenters).Select(VbrAttachment), vbrs.Select(a => a.TransitRouterAttachmentId));
        Assert.Equal(Enumerable.Range(0, DataCenters).Select(VpnAttachment), vpns.Select(a => a.TransitRouterAttachmentId));
        Assert.Equal((2, 2), (_rig.Calls("ListTransitRouterVbrAttachments"), _rig.Calls("ListTransitRouterVpnAttachments")));
    }

    [Fact]
    public async Task NextToken_and_MaxResults_read_every_transit_route_table_in_two_pages()
    {
        var tables = await Cbn.ListAllTransitRouterRouteTablesAsync(new ListTransitRouterRouteTablesRequest { TransitRouterId = Hub }).ToImmutableArrayAsync();

        Assert.Equal(Enumerable.Range(0, HubTables).Select(HubTableId), tables.Select(t => t.TransitRouterRouteTableId));
        Assert.Equal(2, _rig.Calls("ListTransitRouterRouteTables"));
    }

    [Fact]
    public async Task NextToken_and_MaxResults_read_every_transit_route_entry_in_three_pages()
    {
        var entries = await Cbn.ListAllTransitRouterRouteEntriesAsync(new ListTransitRouterRouteEntriesRequest { TransitRouterRouteTableId = HubTable }).ToImmutableArrayAsync();

        Assert.Equal(
            [.. Enumerable.Range(0, Vpcs).Select(i => $"10.{i}.0.0/16"), .. Enumerable.Range(0, StaticHubRoutes).Select(k => $"192.168.{k}.0/24")],
            entries.Select(e => e.TransitRouterRouteEntryDestinationCidrBlock));
        Assert.Equal(3, _rig.Calls("ListTransitRouterRouteEntries"));
    }

    [Fact]
    public async Task NextToken_and_MaxResults_read_every_route_table_association_in_three_pages()
    {
        var associations = await Cbn.ListAllTransitRouterRouteTableAssociationsAsync(new ListTransitRouterRouteTableAssociationsRequest { TransitRouterRouteTableId = HubTable }).ToImmutableArrayAsync();

        Assert.Equal(Enumerable.Range(0, Vpcs).Select(VpcAttachment), associations.Select(a => a.TransitRouterAttachmentId));
        Assert.Equal(3, _rig.Calls("ListTransitRouterRouteTableAssociations"));
    }

    [Fact]
    public async Task PageNo_and_PageSize_read_every_registry_instance_in_three_pages_of_thirty()
    {
        var instances = await _rig.Apis.Cr(Rig.Hangzhou).ListAllInstancesAsync().ToImmutableArrayAsync();

        Assert.Equal(Enumerable.Range(0, Registries).Select(RegistryId), instances.Select(i => i.InstanceId));
        Assert.Equal(3, _rig.Calls("ListInstance"));
    }

    [Fact]
    public async Task PageNumber_and_PageSize_read_every_zone_in_two_pages_and_every_record_in_three()
    {
        var zones = await _rig.Apis.Pvtz.DescribeAllZonesAsync().ToImmutableArrayAsync();
        var records = await _rig.Apis.Pvtz.DescribeAllZoneRecordsAsync(new DescribeZoneRecordsRequest { ZoneId = BusyZone }).ToImmutableArrayAsync();

        Assert.Equal(Enumerable.Range(0, Zones).Select(ZoneId), zones.Select(z => z.ZoneId));
        Assert.Equal(Enumerable.Range(0, BusyZoneRecords).Select(r => $"10.1.{r}.1"), records.Select(r => r.Value));
        Assert.Equal((2, 3), (_rig.Calls("DescribeZones"), _rig.Calls("DescribeZoneRecords")));
    }
}
