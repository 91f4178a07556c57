using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Reach;
using AcrReach.Core.Tests.Support;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Tests.Planning;

/// <summary>One small scenario per rule and per finding (Scenarios/Planning), each with its golden plan.</summary>
public class PlannerScenarioTests
{
    private const string Registry = "xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com";
    private const string Auth = "dockerauth-vpc.cn-hangzhou.aliyuncs.com";
    private const string Oss = "oss-cn-hangzhou-internal.aliyuncs.com";

    public static TheoryData<string> ScenarioNames => [.. Golden.ScenarioNames()];

    [Fact]
    public void Seed_plans_exactly_the_documents_routes_and_records()
    {
        var plan = Golden.AssertPlan("seed-hangzhou-shanghai");

        Assert.Equal(["100.103.7.181/32", "100.118.28.43/32"], plan.VpcRoutes("vtb-sh2").Destinations());
        Assert.All(plan.VpcRoutes("vtb-sh2"), r => Assert.Equal(("Attachment", "tr-attach-sh2"), (r.NextHopType, r.NextHopId)));
        Assert.Equal(["100.0.0.0/8"], plan.TransitRoutes("vtb-trsh").Destinations());
        Assert.Equal("tr-attach-peer", plan.TransitRoutes("vtb-trsh")[0].NextHopId);
        Assert.Equal(["100.0.0.0/8"], plan.TransitRoutes("vtb-trhz").Destinations());
        Assert.Equal("tr-attach-hz1", plan.TransitRoutes("vtb-trhz")[0].NextHopId);
        Assert.Equal(4, plan.Actions.Length);
        Assert.Equal("10.94.205.198", plan.Resolve("vpc-sh2", Registry));
        Assert.Equal("100.103.7.181", plan.Resolve("vpc-sh2", Auth));
        Assert.Equal("100.118.28.43", plan.Resolve("vpc-sh2", Oss));
        Assert.Equal("100.118.28.43", plan.Resolve("vpc-sh2", "*.oss-cn-hangzhou-internal.aliyuncs.com"));
        Assert.False(plan.HasErrors);
        Assert.All(plan.Paths, p => Assert.True(p.Reached, $"{p.Endpoint} {p.Destination} from {p.Start}: {p.Outcome}"));
    }

    [Fact]
    public void The_realm_host_is_routed_and_resolved_when_the_registry_sends_docker_login_elsewhere()
    {
        const string realmHost = "dockerauth-ee-vpc.cn-hangzhou.aliyuncs.com";
        var seed = Golden.Load("seed-hangzhou-shanghai");
        var endpoints = seed.RegionalEndpoints.ByRegion.SetItem("cn-hangzhou", seed.RegionalEndpoints.ByRegion["cn-hangzhou"].SetItem(realmHost, System.Net.IPAddress.Parse("100.103.9.9")));
        var account = seed with
        {
            Registries = [.. seed.Registries.Select(r => r with { AuthHost = realmHost })],
            RegionalEndpoints = new Core.Topology.RegionalEndpoints(endpoints),
        };

        var plan = Planner.Plan(account);

        Assert.Equal(["100.103.9.9/32", "100.118.28.43/32"], plan.VpcRoutes("vtb-sh2").Destinations());
        Assert.Equal("100.103.9.9", plan.Resolve("vpc-sh2", realmHost));
        Assert.DoesNotContain(plan.Dns, d => d.Name == Auth);
        Assert.False(plan.HasErrors);
        Assert.All(plan.Paths, p => Assert.True(p.Reached, $"{p.Endpoint} {p.Destination} from {p.Start}: {p.Outcome}"));
    }

    [Fact]
    public void Seed_actions_name_their_region_owner_and_reason()
    {
        var plan = Planner.Plan(Golden.Load("seed-hangzhou-shanghai"));

        var vpcRoute = plan.VpcRoutes("vtb-sh2")[0];
        Assert.Equal(("cn-shanghai", "vpc-sh2"), (vpcRoute.Region, vpcRoute.VpcId));
        Assert.Contains("vpc-sh2", vpcRoute.Reason, StringComparison.Ordinal);
        Assert.StartsWith("acr-reach: ", vpcRoute.Description, StringComparison.Ordinal);
        var transit = plan.TransitRoutes("vtb-trhz")[0];
        Assert.Equal(("cn-hangzhou", "tr-hz"), (transit.Region, transit.TransitRouterId));
    }

    [Fact]
    public void A_transit_block_carrying_auth_and_oss_traffic_names_both_in_its_description()
    {
        var plan = Planner.Plan(Golden.Load("seed-hangzhou-shanghai"));

        const string both = $"auth {Auth} (100.103.7.181) and OSS {Oss} (100.118.28.43) of cri-xxxxxx for vpc-sh2";
        Assert.Equal(both, plan.TransitRoutes("vtb-trhz")[0].Reason);
        Assert.Equal(both, plan.TransitRoutes("vtb-trsh")[0].Reason);
        Assert.Equal($"auth {Auth} (100.103.7.181) of cri-xxxxxx for vpc-sh2", plan.VpcRoutes("vtb-sh2")[0].Reason);
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Every_route_description_fits_the_clouds_limit_under_the_longest_run_id_and_keeps_its_registry_and_source(string name)
    {
        var plan = Planner.Plan(Golden.Load(name));

        Assert.All(plan.Actions.Where(a => a is CreateVpcRoute or CreateTransitRoute), a =>
        {
            var description = AcrReachMark.Describe(a.Reason, "run-20261206T070404Z-0123abcd");
            Assert.True(description.Length <= AcrReachMark.MaxDescriptionLength, description);
            Assert.Matches(@" of \S+ for \S+$", description);
        });
    }

    [Fact]
    public void Host_routes_policy_puts_host_routes_in_transit_router_tables()
    {
        var plan = Golden.AssertPlan("host-routes");

        Assert.Equal(["100.103.7.181/32", "100.118.28.43/32"], plan.TransitRoutes("vtb-trsh").Destinations());
        Assert.Equal(["100.103.7.181/32", "100.118.28.43/32"], plan.TransitRoutes("vtb-trhz").Destinations());
        Assert.DoesNotContain(plan.Actions, a => a is CreateTransitRoute { Destination.PrefixLength: 8 });
    }

    [Fact]
    public void Published_ranges_route_every_oss_vip_range_in_the_vpc_table()
    {
        var plan = Golden.AssertPlan("published-ranges");

        Assert.Equal(
            ["100.98.170.0/24", "100.103.7.181/32", "100.114.102.0/24", "100.118.28.0/24", "100.118.31.0/24"],
            plan.VpcRoutes("vtb-sh2").Destinations());
        Assert.Equal(["100.0.0.0/8"], plan.TransitRoutes("vtb-trsh").Destinations());
    }

    [Fact]
    public void Published_ranges_under_host_routes_put_the_ranges_in_transit_tables_and_honour_overrides()
    {
        var plan = Golden.AssertPlan("published-ranges-host-routes");

        Assert.Equal(["100.103.7.181/32", "100.114.102.0/24", "100.118.28.0/24"], plan.TransitRoutes("vtb-trhz").Destinations());
        Assert.DoesNotContain("100.98.170.0/24", plan.VpcRoutes("vtb-sh2").Destinations());
    }

    [Fact]
    public void Auth_domain_takeover_needs_no_auth_route_nor_record()
    {
        var plan = Golden.AssertPlan("auth-takeover");

        Assert.Equal(["100.118.28.43/32"], plan.VpcRoutes("vtb-sh2").Destinations());
        Assert.Null(plan.Resolve("vpc-sh2", Auth));
        Assert.False(plan.HasErrors);
    }

    [Fact]
    public void Oss_through_privatelink_resolves_the_oss_names_to_the_privatelink_address()
    {
        var plan = Golden.AssertPlan("oss-privatelink");

        Assert.Equal("10.94.205.200", plan.Resolve("vpc-sh2", Oss));
        Assert.Equal("10.94.205.200", plan.Resolve("vpc-sh2", "*.oss-cn-hangzhou-internal.aliyuncs.com"));
        Assert.Equal(["100.103.7.181/32"], plan.VpcRoutes("vtb-sh2").Destinations());
        Assert.Contains(plan.Paths, p => p.Endpoint == EndpointKind.OssPrivateLink && p.Reached && p.Arrival!.Id == "vpc-hz1");
    }

    [Fact]
    public void Privatelink_address_inside_the_source_says_to_move_the_privatelink_endpoint()
    {
        var account = Golden.Load("oss-privatelink");
        account = account with { Registries = [account.Registries[0] with { OssPrivateLinkIp = System.Net.IPAddress.Parse("172.16.5.5") }] };

        var plan = Planner.Plan(account);

        var finding = Assert.Single(plan.Findings(FindingCodes.AddressInSourceNetwork));
        Assert.Contains("172.16.5.5", finding.Message, StringComparison.Ordinal);
        Assert.Contains("PrivateLink endpoint", finding.Remedy, StringComparison.Ordinal);
        Assert.DoesNotContain("link cri-xxxxxx in a vSwitch", finding.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_bucket_routes_and_resolves_the_bucket_host()
    {
        var plan = Golden.AssertPlan("oss-custom-bucket");

        Assert.Equal("100.118.31.7", plan.Resolve("vpc-sh2", "team-images.oss-cn-hangzhou-internal.aliyuncs.com"));
        Assert.Contains("100.118.31.7/32", plan.VpcRoutes("vtb-sh2").Destinations());
        Assert.Null(plan.Resolve("vpc-sh2", "*.oss-cn-hangzhou-internal.aliyuncs.com"));
    }

    [Fact]
    public void Same_region_vpc_is_linked_not_routed()
    {
        var plan = Golden.AssertPlan("same-region-link");

        var link = Assert.Single(plan.Actions.OfType<LinkVpcEndpoint>());
        Assert.Equal(("cri-xxxxxx", "vpc-hz2", "vsw-hz2-a", "cn-hangzhou"), (link.InstanceId, link.VpcId, link.VswitchId, link.Region));
        Assert.DoesNotContain(plan.Actions, a => a is CreateVpcRoute or CreateTransitRoute);
        Assert.Equal("172.20.0.9", plan.Resolve("vpc-hz3", Registry));
        Assert.Null(plan.Resolve("vpc-hz3", Auth));
        Assert.Single(plan.Findings(FindingCodes.LinkDnsRecords), f => f.Source == "vpc-hz2");
    }

    [Fact]
    public void Data_center_over_vbr_is_routed_in_transit_tables_and_told_its_own_routes()
    {
        var plan = Golden.AssertPlan("datacenter-vbr");

        Assert.Equal(["100.0.0.0/8"], plan.TransitRoutes("vtb-trsh").Destinations());
        Assert.Equal(["100.0.0.0/8"], plan.TransitRoutes("vtb-trhz").Destinations());
        Assert.DoesNotContain(plan.Actions, a => a is CreateVpcRoute);
        var advice = Assert.Single(plan.Findings(FindingCodes.DataCenterRoutes));
        Assert.Equal(Severity.Info, advice.Severity);
        Assert.Contains("10.94.205.198/32, 100.103.7.181/32, 100.118.28.43/32", advice.Message, StringComparison.Ordinal);
        Assert.Contains("tr-attach-vbr", advice.Message, StringComparison.Ordinal);
        Assert.Equal("100.103.7.181", plan.Resolve("idc-sh", Auth));
        Assert.Contains(plan.Paths, p => p.Direction == PathDirection.Return && p.Reached && p.Arrival!.Kind == ArrivalKind.DataCenter);
    }

    [Fact]
    public void Data_center_over_vpn_on_the_registry_router_needs_only_that_routers_table()
    {
        var plan = Golden.AssertPlan("datacenter-vpn");

        var only = Assert.Single(plan.Actions);
        Assert.Equal(("vtb-trhz", "100.0.0.0/8", "tr-attach-hz1"), (((CreateTransitRoute)only).RouteTableId, Cidr.Format(((CreateTransitRoute)only).Destination), ((CreateTransitRoute)only).NextHopId));
        Assert.Contains("VPN tr-attach-vpn", Assert.Single(plan.Findings(FindingCodes.DataCenterRoutes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_hop_peering_routes_every_router_on_the_shortest_path()
    {
        var plan = Golden.AssertPlan("multi-hop-peering");

        Assert.Equal("tr-attach-bj-sh", Assert.Single(plan.TransitRoutes("vtb-trbj")).NextHopId);
        Assert.Equal("tr-attach-peer", Assert.Single(plan.TransitRoutes("vtb-trsh")).NextHopId);
        Assert.Equal("tr-attach-hz1", Assert.Single(plan.TransitRoutes("vtb-trhz")).NextHopId);
        Assert.Equal(["100.103.7.181/32", "100.118.28.43/32"], plan.VpcRoutes("vtb-bj1").Destinations());
        Assert.False(plan.HasErrors);
    }

    [Fact]
    public void Every_distinct_route_table_of_the_source_gets_its_host_routes()
    {
        var plan = Golden.AssertPlan("custom-route-tables");

        Assert.Equal(["100.103.7.181/32", "100.118.28.43/32"], plan.VpcRoutes("vtb-sh2").Destinations());
        Assert.Equal(["100.103.7.181/32", "100.118.28.43/32"], plan.VpcRoutes("vtb-sh2-custom").Destinations());
    }

    [Fact]
    public void Missing_return_route_is_reported_with_the_table_and_cidrs_to_add()
    {
        var plan = Golden.AssertPlan("return-path-missing");

        var finding = Assert.Single(plan.Findings(FindingCodes.ReturnPathMissing));
        Assert.Equal((Severity.Error, "vtb-hz1"), (finding.Severity, finding.RouteTableId));
        Assert.Contains("172.16.0.0/24, 172.16.1.0/24", finding.Remedy, StringComparison.Ordinal);
        Assert.Contains("tr-attach-hz1", finding.Remedy, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Actions, a => a is CreateVpcRoute { RouteTableId: "vtb-hz1" });
    }

    [Fact]
    public void Blackhole_route_on_the_path_is_a_conflict_never_overridden()
    {
        var plan = Golden.AssertPlan("blackhole");

        var conflict = Assert.Single(plan.Findings(FindingCodes.RouteConflict));
        Assert.Equal(("vtb-trhz", "100.103.7.181/32"), (conflict.RouteTableId, Cidr.Format(conflict.Destination!.Value)));
        Assert.Contains("blackhole", conflict.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("100.103.7.181/32", plan.TransitRoutes("vtb-trhz").Destinations());
    }

    [Fact]
    public void Route_to_an_instance_leaves_the_network_and_is_not_routed_around()
    {
        var plan = Golden.AssertPlan("non-attachment-next-hop");

        var finding = Assert.Single(plan.Findings(FindingCodes.NoTransitPath));
        Assert.Equal(("vtb-sh2", "10.94.205.198/32"), (finding.RouteTableId, Cidr.Format(finding.Destination!.Value)));
        Assert.Contains("i-firewall", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("10.94.205.198/32", plan.VpcRoutes("vtb-sh2").Destinations());
        Assert.Equal(["100.103.7.181/32", "100.118.28.43/32"], plan.VpcRoutes("vtb-sh2").Destinations());
    }

    [Fact]
    public void Existing_route_with_the_same_destination_and_another_next_hop_is_a_route_conflict()
    {
        var plan = Golden.AssertPlan("route-conflict");

        var conflict = Assert.Single(plan.Findings(FindingCodes.RouteConflict));
        Assert.Equal(("vtb-trsh", "100.0.0.0/8", Severity.Error), (conflict.RouteTableId, Cidr.Format(conflict.Destination!.Value), conflict.Severity));
        Assert.Contains("HostRoutes", conflict.Remedy, StringComparison.Ordinal);
        Assert.Empty(plan.TransitRoutes("vtb-trsh"));
    }

    [Fact]
    public void Vpc_route_with_the_same_destination_toward_an_instance_is_a_route_conflict_only_in_its_table()
    {
        var plan = Golden.AssertPlan("source-tables-identical-and-conflicting");

        var conflict = Assert.Single(plan.Findings(FindingCodes.RouteConflict));
        Assert.Equal(("vtb-sh-c2", "100.118.28.43/32", Severity.Error), (conflict.RouteTableId, Cidr.Format(conflict.Destination!.Value), conflict.Severity));
        Assert.Contains("i-proxy", conflict.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Findings(FindingCodes.NoTransitPath));
        Assert.Equal(["10.94.205.198/32", "100.103.7.181/32"], plan.VpcRoutes("vtb-sh-c2").Destinations());
        Assert.Equal(["100.118.28.43/32"], plan.VpcRoutes("vtb-sh-c1").Destinations());
        Assert.Equal(["100.103.7.181/32", "100.118.28.43/32"], plan.VpcRoutes("vtb-sh-sys").Destinations());
    }

    [Fact]
    public void More_specific_route_than_the_block_falls_back_to_a_host_route()
    {
        var plan = Golden.AssertPlan("more-specific-fallback");

        Assert.Equal(["100.0.0.0/8", "100.103.7.181/32"], plan.TransitRoutes("vtb-trsh").Destinations());
        Assert.All(plan.TransitRoutes("vtb-trsh"), r => Assert.Equal("tr-attach-peer", r.NextHopId));
        Assert.False(plan.HasErrors);
    }

    [Fact]
    public void Block_that_would_capture_a_vpc_in_use_becomes_host_routes_with_a_warning()
    {
        var plan = Golden.AssertPlan("block-collision");

        Assert.Equal(["100.103.7.181/32", "100.118.28.43/32"], plan.TransitRoutes("vtb-trsh").Destinations());
        Assert.Equal(["100.0.0.0/8"], plan.TransitRoutes("vtb-trhz").Destinations());
        var warning = Assert.Single(plan.Findings(FindingCodes.BlockCollision));
        Assert.Equal((Severity.Warning, "vtb-trsh"), (warning.Severity, warning.RouteTableId));
        Assert.Contains("100.1.0.0/16", warning.Message, StringComparison.Ordinal);
        Assert.Contains("transitRouteScope: HostRoutes", warning.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void Auth_address_inside_the_registry_vpc_asks_for_auth_domain_takeover()
    {
        var plan = Golden.AssertPlan("auth-address-conflict");

        var finding = Assert.Single(plan.Findings(FindingCodes.AuthAddressConflict));
        Assert.Contains("Taking over Authentication Domain Name", finding.Remedy, StringComparison.Ordinal);
        Assert.DoesNotContain("100.103.7.181/32", plan.VpcRoutes("vtb-sh2").Destinations());
        Assert.Null(plan.Resolve("vpc-sh2", Auth));
    }

    [Fact]
    public void Oss_address_inside_the_registry_vpc_asks_for_privatelink()
    {
        var plan = Golden.AssertPlan("oss-address-conflict");

        var finding = Assert.Single(plan.Findings(FindingCodes.OssAddressConflict));
        Assert.Contains("PrivateLink", finding.Remedy, StringComparison.Ordinal);
        Assert.Equal(["100.103.7.181/32"], plan.VpcRoutes("vtb-sh2").Destinations());
    }

    [Fact]
    public void Addresses_inside_the_sources_networks_or_its_regions_services_are_not_routed()
    {
        var plan = Golden.AssertPlan("address-in-source-network");

        var findings = plan.Findings(FindingCodes.AddressInSourceNetwork);
        Assert.Equal(["10.94.205.198/32", "100.103.7.181/32"], findings.Select(f => Cidr.Format(f.Destination!.Value)).Order());
        Assert.Equal(["100.118.28.43/32"], plan.VpcRoutes("vtb-sh2").Destinations());
    }

    [Fact]
    public void Source_not_attached_to_a_transit_router_has_no_transit_path()
    {
        var plan = Golden.AssertPlan("source-not-attached");

        var finding = Assert.Single(plan.Findings(FindingCodes.NoTransitPath));
        Assert.Contains("not attached", finding.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void Regions_without_peering_have_no_transit_path()
    {
        var plan = Golden.AssertPlan("no-peering");

        Assert.Contains("peer", Assert.Single(plan.Findings(FindingCodes.NoTransitPath)).Message, StringComparison.Ordinal);
        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void Attachment_without_a_route_table_is_reported_once_not_fixed()
    {
        var plan = Golden.AssertPlan("peer-not-associated");

        var finding = Assert.Single(plan.Findings(FindingCodes.NoTransitPath));
        Assert.Contains("associate tr-attach-peer", finding.Remedy, StringComparison.Ordinal);
        Assert.Empty(plan.TransitRoutes("vtb-trhz"));
    }

    [Fact]
    public void Registry_pulled_from_three_other_regions_advises_replication()
    {
        var plan = Golden.AssertPlan("use-replication");

        var advice = Assert.Single(plan.Findings(FindingCodes.UseReplication));
        Assert.Equal((Severity.Info, "cri-xxxxxx"), (advice.Severity, advice.Registry));
        Assert.Contains("cn-beijing, cn-shanghai, cn-shenzhen", advice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_for_one_network_leaves_replication_advice_to_the_runs_that_look_at_every_puller()
    {
        var account = Golden.Load("use-replication");
        var source = Assert.Single(Planner.Plan(account).Findings(FindingCodes.UseReplication)) is var advice && advice.Registry is { } registry
            ? ReachRules.Effective(account).First(r => r.Registry == registry).From.Name
            : throw new InvalidOperationException();

        Assert.Empty(Planner.Plan(account, PlanScope.ForSource(source)).Findings(FindingCodes.UseReplication));
        Assert.Single(Planner.Plan(account, PlanScope.ForRegistry("cri-xxxxxx")).Findings(FindingCodes.UseReplication));
    }

    [Fact]
    public void Two_other_regions_are_not_yet_worth_replication()
    {
        var plan = Planner.Plan(Golden.Load("multi-hop-peering"));

        Assert.Empty(plan.Findings(FindingCodes.UseReplication));
    }

    [Fact]
    public void Tag_naming_a_registry_the_account_lacks_is_an_unknown_resource()
    {
        var plan = Golden.AssertPlan("unknown-registry-tag");

        var finding = Assert.Single(plan.Findings(FindingCodes.UnknownResource));
        Assert.Equal(("vpc-sh2", "cri-gone"), (finding.Source, finding.Registry));
        Assert.Equal(["100.103.7.181/32", "100.118.28.43/32"], plan.VpcRoutes("vtb-sh2").Destinations());
    }

    [Fact]
    public void Star_tag_reaches_every_registry_routing_one_and_linking_the_other()
    {
        var plan = Golden.AssertPlan("tag-policy-star");

        Assert.Equal(["100.103.7.181/32", "100.118.28.43/32"], plan.VpcRoutes("vtb-sh2").Destinations());
        var link = Assert.Single(plan.Actions.OfType<LinkVpcEndpoint>());
        Assert.Equal(("cri-shlocal", "vpc-sh2"), (link.InstanceId, link.VpcId));
    }

    [Fact]
    public void Tag_list_and_policy_rule_for_the_same_pair_plan_once()
    {
        var plan = Golden.AssertPlan("tag-policy-list");

        Assert.Equal(Planner.Plan(Golden.Load("seed-hangzhou-shanghai")).PlanId, plan.PlanId);
    }

    [Fact]
    public void Unresolved_auth_name_is_reported_and_the_rest_still_planned()
    {
        var plan = Golden.AssertPlan("endpoint-unresolved");

        var finding = Assert.Single(plan.Findings(FindingCodes.EndpointUnresolved));
        Assert.Contains(Auth, finding.Message, StringComparison.Ordinal);
        Assert.Contains("regionalEndpoints['cn-hangzhou']", finding.Remedy, StringComparison.Ordinal);
        Assert.Equal(["100.118.28.43/32"], plan.VpcRoutes("vtb-sh2").Destinations());
    }

    [Fact]
    public void Registry_linked_to_no_vpc_has_no_address_to_reach()
    {
        var plan = Golden.AssertPlan("registry-not-linked");

        Assert.Equal(Severity.Error, Assert.Single(plan.Findings(FindingCodes.RegistryNotLinked)).Severity);
        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void Second_registry_region_gets_host_routes_where_the_first_already_has_the_block()
    {
        var plan = Golden.AssertPlan("two-registries-block100-conflict");

        Assert.False(plan.HasErrors);
        Assert.Empty(plan.Findings(FindingCodes.RouteConflict));
        Assert.Equal(
            [("100.0.0.0/8", "tr-attach-bj-sh"), ("100.103.7.181/32", "tr-attach-peer"), ("100.118.28.43/32", "tr-attach-peer")],
            plan.TransitRoutes("vtb-trsh").Select(r => (Cidr.Format(r.Destination), r.NextHopId)));
        Assert.Equal(["100.0.0.0/8"], plan.TransitRoutes("vtb-trhz").Destinations());
        var collision = Assert.Single(plan.Findings(FindingCodes.BlockCollision));
        Assert.Equal(("vtb-trsh", "cri-xxxxxx", Severity.Warning), (collision.RouteTableId, collision.Registry, collision.Severity));
        Assert.All(plan.Paths, p => Assert.True(p.Reached, $"{p.Registry} {p.Endpoint} {p.Destination} from {p.Start}: {p.Outcome}"));
    }

    [Fact]
    public void Block_that_acr_reach_created_toward_another_region_is_kept_and_host_routes_added()
    {
        var plan = Golden.AssertPlan("block100-marked-by-acr-reach");

        Assert.False(plan.HasErrors);
        Assert.Equal(["100.103.7.181/32", "100.118.28.43/32"], plan.TransitRoutes("vtb-trsh").Destinations());
        Assert.All(plan.TransitRoutes("vtb-trsh"), r => Assert.Equal("tr-attach-peer", r.NextHopId));
    }

    [Fact]
    public void Two_registries_under_host_routes_share_the_source_router_without_conflict()
    {
        var plan = Golden.AssertPlan("two-registries-host-routes");

        Assert.False(plan.HasErrors);
        Assert.Equal(
            [("100.103.7.181/32", "tr-attach-peer"), ("100.103.80.2/32", "tr-attach-bj-sh"), ("100.118.28.43/32", "tr-attach-peer"), ("100.118.58.9/32", "tr-attach-bj-sh")],
            plan.TransitRoutes("vtb-trsh").Select(r => (Cidr.Format(r.Destination), r.NextHopId)));
    }

    [Fact]
    public void Registry_address_that_depends_on_a_planned_link_waits_for_it()
    {
        var plan = Golden.AssertPlan("pending-link");

        Assert.Single(plan.Findings(FindingCodes.PendingLink));
        Assert.Equal(("cri-xxxxxx", "vpc-hz1"), Assert.Single(plan.Actions.OfType<LinkVpcEndpoint>()) is var link ? (link.InstanceId, link.VpcId) : default);
        Assert.Null(plan.Resolve("vpc-sh2", Registry));
        Assert.Equal("100.103.7.181", plan.Resolve("vpc-sh2", Auth));
    }

    [Fact]
    public void Loop_between_routers_is_broken_by_a_host_route_toward_the_registry_vpc()
    {
        var account = Golden.Load("transit-loop");
        var now = Planner.Verify(account);
        var plan = Golden.AssertPlan("transit-loop");

        Assert.Contains(now.Paths, p => p.Endpoint == EndpointKind.Registry && p.Outcome == PathOutcome.Loop);
        var fix = Assert.Single(plan.TransitRoutes("vtb-trhz"), r => r.Destination.PrefixLength == 32);
        Assert.Equal(("10.94.205.198/32", "tr-attach-hz1"), (Cidr.Format(fix.Destination), fix.NextHopId));
    }

    [Fact]
    public void Unrouted_registry_address_gets_host_routes_in_the_source_vpc_and_router()
    {
        var plan = Golden.AssertPlan("registry-address-not-routed");

        Assert.Equal(["10.94.205.198/32", "100.103.7.181/32", "100.118.28.43/32"], plan.VpcRoutes("vtb-sh2").Destinations());
        Assert.Equal([("10.94.205.198/32", "tr-attach-peer"), ("100.0.0.0/8", "tr-attach-peer")], plan.TransitRoutes("vtb-trsh").Select(r => (Cidr.Format(r.Destination), r.NextHopId)));
        Assert.Equal(["100.0.0.0/8"], plan.TransitRoutes("vtb-trhz").Destinations());
        Assert.False(plan.HasErrors);
    }

    [Fact]
    public void Every_scenario_in_the_folder_has_a_golden_plan()
    {
        foreach (var name in Golden.ScenarioNames())
        {
            Golden.AssertPlan(name);
        }
    }
}
