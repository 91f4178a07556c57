using System.Collections.Immutable;
using System.Net;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Vpc;
using AcrReach.Core.Addressing;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Tests.Discovery;

/// <summary>How the APIs' answers become the model: one decision per test, on hand-made answers.</summary>
public sealed class DiscoveryMappingTests
{
    [Fact]
    public void A_system_route_is_local_and_a_pending_or_deleting_route_is_remembered_instead_of_routed()
    {
        var readings = Readings(region: Region([Entry("10.0.0.0/24", "System", "local", "", "Available"),
            Entry("100.64.0.0/10", "System", "", "", "Available"),
            Entry("100.103.7.181/32", "Custom", "Attachment", "tr-attach-1", "Pending", "acr-reach"),
            Entry("172.16.0.0/12", "Custom", "Attachment", "tr-attach-1", "Deleting"),
            Entry("192.168.0.0/16", "Custom", "Attachment", "tr-attach-1", "Available")]));

        var discovered = DiscoveryMapping.ToAccount(readings, PolicySettings.None, null);

        var entries = discovered.Account.Vpcs.Single().RouteTables.Single().Entries;
        Assert.Equal([("10.0.0.0/24", "Local", null), ("100.64.0.0/10", "Local", null), ("192.168.0.0/16", "Attachment", "tr-attach-1")],
            entries.Select(e => (Cidr.Format(e.Destination), e.NextHopType, e.NextHopId)));
        Assert.Equal([("100.103.7.181/32", "Pending"), ("172.16.0.0/12", "Deleting")], discovered.PendingRoutes.Select(p => (Cidr.Format(p.Destination), p.Status)));
        Assert.Equal("123", discovered.Account.AccountId);
    }

    [Fact]
    public void Only_active_transit_routes_route_creating_ones_are_remembered_and_losers_are_dropped()
    {
        var readings = Readings(router: Router(
            entries: [TransitEntry("10.0.0.0/16", "Active", "Propagated"), TransitEntry("100.0.0.0/8", "Creating", "Static"), TransitEntry("172.16.0.0/16", "Standby", "Propagated")]));

        var discovered = DiscoveryMapping.ToAccount(readings, PolicySettings.None, null);

        var entry = Assert.Single(discovered.Account.TransitRouters.Single().RouteTables.Single().Entries);
        Assert.Equal((Cidr.Parse("10.0.0.0/16"), RouteOrigin.Propagated), (entry.Destination, entry.Origin));
        Assert.Equal((RouteTableKind.TransitRouter, "Creating"), (Assert.Single(discovered.PendingRoutes).Kind, discovered.PendingRoutes[0].Status));
    }

    [Fact]
    public void A_peer_attachment_listed_on_one_router_only_is_added_to_both()
    {
        var readings = Readings(router: Router(peers: [new PeerAttachmentItem { TransitRouterAttachmentId = "tr-attach-peer", PeerTransitRouterId = "tr-sh", Status = "Attached" }]))
            with
        { Routers = [Router(peers: [new PeerAttachmentItem { TransitRouterAttachmentId = "tr-attach-peer", PeerTransitRouterId = "tr-sh", Status = "Attached" }]), Router(id: "tr-sh", region: "cn-shanghai")] };

        var routers = DiscoveryMapping.ToAccount(readings, PolicySettings.None, null).Account.TransitRouters;

        Assert.Equal("tr-sh", routers.Single(r => r.Id == "tr-hz").FindAttachment("tr-attach-peer")!.PeerTransitRouterId);
        Assert.Equal("tr-hz", routers.Single(r => r.Id == "tr-sh").FindAttachment("tr-attach-peer")!.PeerTransitRouterId);
    }

    [Fact]
    public void A_data_center_is_named_after_its_attachment_and_takes_its_cidrs_and_rules_from_tags()
    {
        var vbr = new VbrAttachmentItem
        {
            TransitRouterAttachmentId = "tr-attach-vbr", TransitRouterAttachmentName = "idc-bj", VbrId = "vbr-1", Status = "Attached",
            Tags = [new CloudTag { Key = "acr-reach-cidrs", Value = "192.168.0.0/16, 10.8.0.0/16" }, new CloudTag { Key = "acr-reach", Value = "*" }],
        };
        var readings = Readings(router: Router(vbrs: [vbr], entries: [TransitEntry("172.20.0.0/16", "Active", "Propagated", "tr-attach-vbr")]), registry: Registry());

        var account = DiscoveryMapping.ToAccount(readings, PolicySettings.None, null).Account;

        var dataCenter = Assert.Single(account.DataCenters);
        Assert.Equal("idc-bj", dataCenter.Name);
        Assert.Equal(["192.168.0.0/16", "10.8.0.0/16"], dataCenter.Cidrs.Select(Cidr.Format));
        Assert.Equal(new ReachRule(ReachSource.ForDataCenter("idc-bj"), "cri-1"), Assert.Single(account.Policy.Reach));
        Assert.Equal("idc-bj", account.TransitRouters.Single().FindAttachment("tr-attach-vbr")!.DataCenter);
    }

    [Fact]
    public void Data_center_cidrs_come_from_the_policy_file_first_and_from_learned_routes_last()
    {
        var vbr = new VbrAttachmentItem { TransitRouterAttachmentId = "tr-attach-vbr", TransitRouterAttachmentName = "idc-bj", Status = "Attached" };
        var readings = Readings(router: Router(vbrs: [vbr], entries: [TransitEntry("172.20.0.0/16", "Active", "Propagated", "tr-attach-vbr")]));
        var policy = PolicySettings.None with { DataCenters = [new DataCenter("idc-bj", [Cidr.Parse("10.9.0.0/16")])] };

        Assert.Equal(["172.20.0.0/16"], DiscoveryMapping.ToAccount(readings, PolicySettings.None, null).Account.DataCenters.Single().Cidrs.Select(Cidr.Format));
        Assert.Equal(["10.9.0.0/16"], DiscoveryMapping.ToAccount(readings, policy, null).Account.DataCenters.Single().Cidrs.Select(Cidr.Format));
    }

    [Fact]
    public void A_data_center_with_no_known_cidrs_gets_a_note()
    {
        var vbr = new VbrAttachmentItem { TransitRouterAttachmentId = "tr-attach-vbr", TransitRouterAttachmentName = "idc-bj", Status = "Attached" };

        var discovered = DiscoveryMapping.ToAccount(Readings(router: Router(vbrs: [vbr])), PolicySettings.None, null);

        Assert.Empty(discovered.Account.DataCenters.Single().Cidrs);
        Assert.Equal(DiscoveryNotes.DataCenterCidrsUnknown, Assert.Single(discovered.Notes).Code);
    }

    [Theory]
    [InlineData("https://dockerauth-vpc.cn-hangzhou.aliyuncs.com/auth", false, null)]
    [InlineData("https://reg-registry-vpc.cn-hangzhou.cr.aliyuncs.com/auth", true, null)]
    [InlineData("https://dockerauth-ee-vpc.cn-hangzhou.aliyuncs.com/auth", false, DiscoveryNotes.AuthRealmUnconventional)]
    [InlineData(null, false, DiscoveryNotes.AuthRealmUnreachable)]
    public void Auth_domain_takeover_is_a_realm_on_the_instances_own_domain(string? realm, bool takeover, string? note)
    {
        var discovered = DiscoveryMapping.ToAccount(Readings(registry: Registry(realm: realm)), PolicySettings.None, null);

        Assert.Equal(takeover, discovered.Account.Registries.Single().AuthDomainTakeover);
        Assert.Equal(note, discovered.Notes.SingleOrDefault()?.Code);
    }

    [Theory]
    [InlineData("https://dockerauth-ee-vpc.cn-hangzhou.aliyuncs.com/auth", "dockerauth-ee-vpc.cn-hangzhou.aliyuncs.com")]
    [InlineData("https://DockerAuth-EE-VPC.cn-hangzhou.aliyuncs.com/auth", "dockerauth-ee-vpc.cn-hangzhou.aliyuncs.com")]
    [InlineData("https://dockerauth-vpc.cn-hangzhou.aliyuncs.com/auth", "dockerauth-vpc.cn-hangzhou.aliyuncs.com")]
    [InlineData("https://reg-registry-vpc.cn-hangzhou.cr.aliyuncs.com/auth", "dockerauth-vpc.cn-hangzhou.aliyuncs.com")]
    [InlineData(null, "dockerauth-vpc.cn-hangzhou.aliyuncs.com")]
    public void The_realm_host_of_the_challenge_is_the_auth_host_planned_for(string? realm, string authName)
    {
        var discovered = DiscoveryMapping.ToAccount(Readings(registry: Registry(realm: realm)), PolicySettings.None, null);

        Assert.Equal(authName, discovered.Account.Registries.Single().AuthName);
    }

    [Fact]
    public void Only_running_links_are_endpoints_and_instance_tags_name_a_custom_bucket_and_a_privatelink_address()
    {
        var readings = Readings(registry: Registry(
            links: [new LinkedVpc { VpcId = "vpc-1", VswitchId = "vsw-1", Ip = "10.0.0.5", Status = "RUNNING" }, new LinkedVpc { VpcId = "vpc-2", VswitchId = "vsw-2", Ip = "10.1.0.5", Status = "CREATING" }],
            tags: [new CrTag { TagKey = "acr-reach-oss-bucket", TagValue = "my-layers" }, new CrTag { TagKey = "acr-reach-oss-privatelink-ip", TagValue = "10.0.0.9" }]));

        var discovered = DiscoveryMapping.ToAccount(readings, PolicySettings.None, null);

        var registry = discovered.Account.Registries.Single();
        Assert.Equal(new VpcEndpoint("vpc-1", "vsw-1", IPAddress.Parse("10.0.0.5")), Assert.Single(registry.VpcEndpoints));
        Assert.Equal(("my-layers", IPAddress.Parse("10.0.0.9")), (registry.OssBucket, registry.OssPrivateLinkIp));
        Assert.Equal(["RUNNING", "CREATING"], discovered.Registries.Single().Links.Select(l => l.Status));
    }

    private static CloudReadings Readings(RegionReadings? region = null, RouterReadings? router = null, RegistryReadings? registry = null) => new(
        ["cn-hangzhou"],
        region is null ? [] : [region],
        router is null ? [] : [router],
        registry is null ? [] : [registry],
        ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, IPAddress>>.Empty);

    private static RegionReadings Region(ImmutableArray<RouteEntryItem> entries) => new(
        "cn-hangzhou",
        [new VpcItem { VpcId = "vpc-1", RegionId = "cn-hangzhou", CidrBlock = "10.0.0.0/16", OwnerId = 123 }],
        [new VSwitchItem { VSwitchId = "vsw-1", VpcId = "vpc-1", ZoneId = "cn-hangzhou-j", CidrBlock = "10.0.0.0/24", RouteTable = new VSwitchRouteTable { RouteTableId = "vtb-1" } }],
        [new RouteTableItem { RouteTableId = "vtb-1", VpcId = "vpc-1", RouteTableType = "System", RouterType = "VRouter" }],
        ImmutableDictionary<string, ImmutableArray<RouteEntryItem>>.Empty.Add("vtb-1", entries));

    private static RouteEntryItem Entry(string destination, string type, string hopType, string hopId, string status, string? name = null) => new()
    {
        DestinationCidrBlock = destination,
        Type = type,
        Status = status,
        RouteEntryName = name,
        NextHops = new NextHopSet { NextHop = [new NextHopItem { NextHopType = hopType, NextHopId = hopId }] },
    };

    private static RouterReadings Router(
        string id = "tr-hz",
        string region = "cn-hangzhou",
        ImmutableArray<PeerAttachmentItem> peers = default,
        ImmutableArray<VbrAttachmentItem> vbrs = default,
        ImmutableArray<TransitRouteEntryItem> entries = default) => new(
        new TransitRouterItem { TransitRouterId = id, RegionId = region, CenId = "cen-1" },
        [],
        peers.IsDefault ? [] : peers,
        vbrs.IsDefault ? [] : vbrs,
        [],
        [new TransitRouteTableItem { TransitRouterRouteTableId = $"vtb-{id}", TransitRouterRouteTableType = "System" }],
        ImmutableDictionary<string, ImmutableArray<RouteTableAssociationItem>>.Empty,
        ImmutableDictionary<string, ImmutableArray<TransitRouteEntryItem>>.Empty.Add($"vtb-{id}", entries.IsDefault ? [] : entries));

    private static TransitRouteEntryItem TransitEntry(string destination, string status, string type, string hop = "tr-attach-1") => new()
    {
        TransitRouterRouteEntryDestinationCidrBlock = destination,
        TransitRouterRouteEntryStatus = status,
        TransitRouterRouteEntryType = type,
        TransitRouterRouteEntryNextHopType = "Attachment",
        TransitRouterRouteEntryNextHopId = hop,
    };

    private static RegistryReadings Registry(string? realm = "https://dockerauth-vpc.cn-hangzhou.aliyuncs.com/auth", ImmutableArray<LinkedVpc> links = default, ImmutableArray<CrTag> tags = default) => new(
        new CrInstanceItem { InstanceId = "cri-1", InstanceName = "reg", RegionId = "cn-hangzhou", InstanceStatus = "RUNNING", Tags = tags.IsDefault ? [] : tags },
        new GetInstanceVpcEndpointResponse { LinkedVpcs = links.IsDefault ? [] : links, Domains = ["reg-registry-vpc.cn-hangzhou.cr.aliyuncs.com"] },
        realm is null ? null : new Uri(realm));
}
