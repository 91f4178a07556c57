using System.Net;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.OpenApi;
using AcrReach.Core.Topology;
using AcrReach.Integration.Tests.Support;

namespace AcrReach.Integration.Tests.Cbn;

/// <summary>Every CBN (transit router) operation through the client, signed every way the client can sign.</summary>
public sealed class CbnOperationTests
{
    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task DescribeCens_answers_the_cen_instances_of_the_routers(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var answer = await rig.Apis.Cbn.DescribeCensAsync(new DescribeCensRequest { PageSize = 50 });

        Assert.Equal((1, 1, 50), (answer.TotalCount, answer.PageNumber, answer.PageSize));
        Assert.Equal([("cen-1", "Active")], answer.Cens.Cen.Select(c => (c.CenId, c.Status)));
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task ListTransitRouters_without_a_cen_id_is_refused_as_older_references_have_it(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => rig.Apis.Cbn.ListTransitRoutersAsync(new ListTransitRoutersRequest()));

        Assert.Equal(("MissingParameter", 400), (error.Code, error.HttpStatus));
        Assert.Contains("CenId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task ListTransitRouters_answers_every_router_of_a_cen_or_those_of_one_region(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var all = await rig.Apis.Cbn.ListTransitRoutersAsync(new ListTransitRoutersRequest { CenId = "cen-1" });
        var shanghai = await rig.Apis.Cbn.ListTransitRoutersAsync(new ListTransitRoutersRequest { CenId = "cen-1", RegionId = Rig.Shanghai });

        Assert.Equal(2, all.TotalCount);
        Assert.Equal(
            [("tr-hz", "cen-1", Rig.Hangzhou, "Active", "Enterprise"), ("tr-sh", "cen-1", Rig.Shanghai, "Active", "Enterprise")],
            all.TransitRouters.Select(r => (r.TransitRouterId, r.CenId, r.RegionId, r.Status, r.Type)));
        Assert.Equal(["tr-sh"], shanghai.TransitRouters.Select(r => r.TransitRouterId));
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task ListTransitRouterVpcAttachments_answers_the_vpc_with_its_region_and_zone_mappings(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var answer = await rig.Apis.Cbn.ListTransitRouterVpcAttachmentsAsync(new ListTransitRouterVpcAttachmentsRequest { TransitRouterId = "tr-hz" });

        var attachment = Assert.Single(answer.TransitRouterAttachments);
        Assert.Equal(
            ("tr-attach-hz1", "tr-hz", "cen-1", "vpc-hz1", Rig.Hangzhou, "VPC", "Attached"),
            (attachment.TransitRouterAttachmentId, attachment.TransitRouterId, attachment.CenId, attachment.VpcId, attachment.VpcRegionId, attachment.ResourceType, attachment.Status));
        Assert.Equal([("cn-hangzhou-j", "vsw-hz-j"), ("cn-hangzhou-k", "vsw-hz-k")], attachment.ZoneMappings.Select(z => (z.ZoneId, z.VSwitchId)));
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task ListTransitRouterPeerAttachments_answers_the_peer_router_and_its_region(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var answer = await rig.Apis.Cbn.ListTransitRouterPeerAttachmentsAsync(new ListTransitRouterPeerAttachmentsRequest { TransitRouterId = "tr-hz" });

        var peer = Assert.Single(answer.TransitRouterAttachments);
        Assert.Equal(
            ("tr-attach-peer", "tr-hz", Rig.Hangzhou, "tr-sh", Rig.Shanghai, "TR"),
            (peer.TransitRouterAttachmentId, peer.TransitRouterId, peer.RegionId, peer.PeerTransitRouterId, peer.PeerTransitRouterRegionId, peer.ResourceType));
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task ListTransitRouterVbrAttachments_answers_the_border_router_named_after_the_data_center(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var answer = await rig.Apis.Cbn.ListTransitRouterVbrAttachmentsAsync(new ListTransitRouterVbrAttachmentsRequest { TransitRouterId = "tr-sh" });

        var vbr = Assert.Single(answer.TransitRouterAttachments);
        Assert.Equal(("tr-attach-vbr-bj", "idc-bj", "VBR", Rig.Shanghai), (vbr.TransitRouterAttachmentId, vbr.TransitRouterAttachmentName, vbr.ResourceType, vbr.VbrRegionId));
        Assert.StartsWith("vbr-", vbr.VbrId, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task ListTransitRouterVpnAttachments_answers_the_ipsec_connection_named_after_the_data_center(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var answer = await rig.Apis.Cbn.ListTransitRouterVpnAttachmentsAsync(new ListTransitRouterVpnAttachmentsRequest { TransitRouterId = "tr-hz" });

        var vpn = Assert.Single(answer.TransitRouterAttachments);
        Assert.Equal(("tr-attach-vpn-bj", "idc-bj", "VPN", Rig.Hangzhou), (vpn.TransitRouterAttachmentId, vpn.TransitRouterAttachmentName, vpn.ResourceType, vpn.VpnRegionId));
        Assert.StartsWith("vco-", vpn.VpnId, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task ListTransitRouterRouteTables_answers_the_default_and_the_custom_table(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var all = await rig.Apis.Cbn.ListTransitRouterRouteTablesAsync(new ListTransitRouterRouteTablesRequest { TransitRouterId = "tr-hz" });
        var byId = await rig.Apis.Cbn.ListTransitRouterRouteTablesAsync(new ListTransitRouterRouteTablesRequest { TransitRouterRouteTableIds = ["vtb-trhz-idc"] });

        Assert.Equal(
            [("vtb-trhz", "tr-hz", "System", "Active"), ("vtb-trhz-idc", "tr-hz", "Custom", "Active")],
            all.TransitRouterRouteTables.Select(t => (t.TransitRouterRouteTableId, t.TransitRouterId, t.TransitRouterRouteTableType, t.TransitRouterRouteTableStatus)));
        Assert.Equal(["vtb-trhz-idc"], byId.TransitRouterRouteTables.Select(t => t.TransitRouterRouteTableId));
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task ListTransitRouterRouteEntries_answers_propagated_and_static_entries_with_their_next_hops(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var vpnId = Assert.Single((await rig.Apis.Cbn.ListTransitRouterVpnAttachmentsAsync(new ListTransitRouterVpnAttachmentsRequest { TransitRouterId = "tr-hz" })).TransitRouterAttachments).VpnId;

        var answer = await rig.Apis.Cbn.ListTransitRouterRouteEntriesAsync(new ListTransitRouterRouteEntriesRequest { TransitRouterRouteTableId = "vtb-trhz" });

        Assert.Equal(
            [
                ("10.0.0.0/16", "Propagated", "tr-attach-hz1", "vpc-hz1", "VPC"),
                ("10.94.0.0/16", "Propagated", "tr-attach-hz1", "vpc-hz1", "VPC"),
                ("172.16.0.0/16", "Propagated", "tr-attach-peer", "tr-sh", "TR"),
                ("192.168.0.0/16", "Static", "tr-attach-vpn-bj", vpnId, "VPN"),
            ],
            answer.TransitRouterRouteEntries.Select(e => (e.TransitRouterRouteEntryDestinationCidrBlock, e.TransitRouterRouteEntryType, e.TransitRouterRouteEntryNextHopId, e.TransitRouterRouteEntryNextHopResourceId, e.TransitRouterRouteEntryNextHopResourceType)));
        var beijing = answer.TransitRouterRouteEntries[3];
        Assert.Equal(("to beijing", "Active", "Attachment", true), (beijing.TransitRouterRouteEntryName, beijing.TransitRouterRouteEntryStatus, beijing.TransitRouterRouteEntryNextHopType, beijing.OperationalMode));
        Assert.StartsWith("rte-", beijing.TransitRouterRouteEntryId, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task ListTransitRouterRouteTableAssociations_answers_by_table_and_by_attachment(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var byTable = await rig.Apis.Cbn.ListTransitRouterRouteTableAssociationsAsync(new ListTransitRouterRouteTableAssociationsRequest { TransitRouterRouteTableId = "vtb-trhz" });
        var byAttachment = await rig.Apis.Cbn.ListTransitRouterRouteTableAssociationsAsync(new ListTransitRouterRouteTableAssociationsRequest { TransitRouterAttachmentId = "tr-attach-vpn-bj" });

        Assert.Equal(
            [("tr-attach-hz1", "vtb-trhz", "vpc-hz1", "VPC", "Active"), ("tr-attach-peer", "vtb-trhz", "tr-sh", "TR", "Active")],
            byTable.TransitRouterAssociations.Select(a => (a.TransitRouterAttachmentId, a.TransitRouterRouteTableId, a.ResourceId, a.ResourceType, a.Status)));
        Assert.Equal([("tr-attach-vpn-bj", "vtb-trhz-idc", "VPN")], byAttachment.TransitRouterAssociations.Select(a => (a.TransitRouterAttachmentId, a.TransitRouterRouteTableId, a.ResourceType)));
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task CreateTransitRouterRouteEntry_adds_a_static_route_seen_by_later_reads_and_in_the_state(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var created = await rig.Apis.Cbn.CreateTransitRouterRouteEntryAsync(new CreateTransitRouterRouteEntryRequest
        {
            TransitRouterRouteTableId = "vtb-trsh",
            TransitRouterRouteEntryDestinationCidrBlock = "100.0.0.0/8",
            TransitRouterRouteEntryNextHopType = "Attachment",
            TransitRouterRouteEntryNextHopId = "tr-attach-peer",
            TransitRouterRouteEntryName = "acr-reach",
            TransitRouterRouteEntryDescription = "acr-reach: service addresses of cn-hangzhou",
        });

        Assert.StartsWith("rte-", created.TransitRouterRouteEntryId, StringComparison.Ordinal);
        var listed = Assert.Single((await rig.Apis.Cbn.ListTransitRouterRouteEntriesAsync(new ListTransitRouterRouteEntriesRequest
        {
            TransitRouterRouteTableId = "vtb-trsh",
            TransitRouterRouteEntryIds = [created.TransitRouterRouteEntryId!],
        })).TransitRouterRouteEntries);
        Assert.Equal(
            ("100.0.0.0/8", "Static", "Active", "tr-attach-peer", "acr-reach"),
            (listed.TransitRouterRouteEntryDestinationCidrBlock, listed.TransitRouterRouteEntryType, listed.TransitRouterRouteEntryStatus, listed.TransitRouterRouteEntryNextHopId, listed.TransitRouterRouteEntryName));
        var table = rig.Server.Snapshot().FindTransitRouter("tr-sh")!.RouteTables.Single(t => t.Id == "vtb-trsh");
        Assert.Contains(
            new TransitRouteEntry(IPNetwork.Parse("100.0.0.0/8"), TransitNextHopType.Attachment, "tr-attach-peer", RouteOrigin.Static, "acr-reach", "acr-reach: service addresses of cn-hangzhou"),
            table.Entries);
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task DeleteTransitRouterRouteEntry_removes_a_static_route_by_id_or_by_table_and_destination(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);
        var created = await rig.Apis.Cbn.CreateTransitRouterRouteEntryAsync(new CreateTransitRouterRouteEntryRequest
        {
            TransitRouterRouteTableId = "vtb-trhz", TransitRouterRouteEntryDestinationCidrBlock = "100.0.0.0/8", TransitRouterRouteEntryNextHopType = "BlackHole",
        });

        await rig.Apis.Cbn.DeleteTransitRouterRouteEntryAsync(new DeleteTransitRouterRouteEntryRequest { TransitRouterRouteEntryId = created.TransitRouterRouteEntryId });
        await rig.Apis.Cbn.DeleteTransitRouterRouteEntryAsync(new DeleteTransitRouterRouteEntryRequest
        {
            TransitRouterRouteTableId = "vtb-trhz",
            TransitRouterRouteEntryDestinationCidrBlock = "192.168.0.0/16",
            TransitRouterRouteEntryNextHopType = "Attachment",
            TransitRouterRouteEntryNextHopId = "tr-attach-vpn-bj",
        });

        var remaining = (await rig.Apis.Cbn.ListTransitRouterRouteEntriesAsync(new ListTransitRouterRouteEntriesRequest { TransitRouterRouteTableId = "vtb-trhz" })).TransitRouterRouteEntries;
        Assert.Equal(["10.0.0.0/16", "10.94.0.0/16", "172.16.0.0/16"], remaining.Select(e => e.TransitRouterRouteEntryDestinationCidrBlock));
        Assert.DoesNotContain(rig.Server.Snapshot().FindTransitRouter("tr-hz")!.RouteTables.Single(t => t.IsDefault).Entries, e => e.Origin == RouteOrigin.Static);
    }
}
