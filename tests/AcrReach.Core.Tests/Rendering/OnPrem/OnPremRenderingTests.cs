using System.Net;
using System.Text.Json.Nodes;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Rendering.OnPrem;
using AcrReach.Core.Topology;
using AcrReach.TestSupport;
using TestScenarios = AcrReach.TestSupport.Scenarios;

namespace AcrReach.Core.Tests.Rendering.OnPrem;

/// <summary>Each on-premises format rendered from the plan's own records: goldens, and the plan and the output agreeing.</summary>
public class OnPremRenderingTests
{
    private const string Registry = "xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com";
    private const string Auth = "dockerauth-vpc.cn-hangzhou.aliyuncs.com";
    private const string Oss = "oss-cn-hangzhou-internal.aliyuncs.com";

    public static TheoryData<string, string> GoldenCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var scenario in DataCenterScenarios.Names)
        {
            foreach (var format in OnPremFormats.All)
            {
                data.Add(scenario, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Every_format_matches_its_golden_output(string scenario, string format)
    {
        var (config, nextHop) = DataCenterScenarios.Configuration(scenario);

        OnPremGolden.Assert(scenario, format, OnPremFormats.Render(config, format, nextHop));
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Every_file_names_the_plan_id_and_the_data_center_in_its_header(string scenario, string format)
    {
        var (config, _) = DataCenterScenarios.Configuration(scenario);

        foreach (var file in OnPremFormats.Render(config, format))
        {
            var header = file.Text.Split('\n').First(l => l.Contains("acr-reach plan", StringComparison.Ordinal));
            Assert.Contains(config.PlanId, header, StringComparison.Ordinal);
            Assert.Contains($"data center {config.DataCenter}", header, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(DataCenterScenarios.NameData), MemberType = typeof(DataCenterScenarios))]
    public void Routes_are_exactly_the_destinations_the_plan_tells_the_data_center(string scenario)
    {
        var (account, plan, dataCenter) = DataCenterScenarios.Planned(scenario);

        var config = DataCenterConfiguration.For(plan, account, dataCenter);

        var advice = plan.Findings.Where(f => f.Code == FindingCodes.DataCenterRoutes && f.Source == dataCenter)
            .SelectMany(f => f.Message.Split(" must route ")[1].Split(" toward ")[0].Split(", "))
            .Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(advice, config.Routes.Select(r => Cidr.Format(r.Destination)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DataCenterScenarios.NameData), MemberType = typeof(DataCenterScenarios))]
    public void Names_are_exactly_the_plans_dns_records_for_the_data_center(string scenario)
    {
        var (account, plan, dataCenter) = DataCenterScenarios.Planned(scenario);

        var config = DataCenterConfiguration.For(plan, account, dataCenter);

        Assert.Equal(
            plan.Dns.Where(d => d.Scope == dataCenter).Select(d => $"{d.Name} {d.Ip}").Order(StringComparer.Ordinal),
            config.Names.Select(n => $"{n.Name} {n.Ip}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Cisco_huawei_and_juniper_lines_carry_mask_and_next_hop_in_their_own_syntax()
    {
        var (config, _) = DataCenterScenarios.Configuration("datacenter-vbr");
        var hop = IPAddress.Parse("192.168.255.1");

        Assert.Contains("ip route 10.94.205.198 255.255.255.255 192.168.255.1 name acr-reach-registry\n", Text(config, "cisco-ios", hop), StringComparison.Ordinal);
        Assert.Contains("ip route-static 100.103.7.181 255.255.255.255 192.168.255.1 description acr-reach-auth\n", Text(config, "huawei-vrp", hop), StringComparison.Ordinal);
        Assert.Contains("set routing-options static route 100.118.28.43/32 next-hop 192.168.255.1\n", Text(config, "juniper", hop), StringComparison.Ordinal);
        Assert.Contains("NEXT_HOP=\"${NEXT_HOP:-192.168.255.1}\"\n", Text(config, "linux", hop), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_next_hop_every_route_line_has_a_placeholder_the_router_refuses()
    {
        var (config, _) = DataCenterScenarios.Configuration("datacenter-vbr");

        var lines = Text(config, "cisco-ios", null).Split('\n').Where(l => l.StartsWith("ip route ", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Contains(" <next-hop> ", l, StringComparison.Ordinal));
        Assert.Contains("${NEXT_HOP:?", Text(config, "linux", null), StringComparison.Ordinal);
    }

    [Fact]
    public void Published_ranges_give_the_data_center_a_route_per_oss_range()
    {
        var account = TestScenarios.Load("datacenter-vbr", json => json["policy"]!["ossRouteScope"] = "PublishedRanges");
        var config = DataCenterConfiguration.For(Planner.Plan(account), account, "idc-sh");

        Assert.Equal(
            ["10.94.205.198/32", "100.98.170.0/24", "100.103.7.181/32", "100.114.102.0/24", "100.118.28.0/24", "100.118.31.0/24"],
            config.Routes.Select(r => Cidr.Format(r.Destination)));
        Assert.Contains("ip prefix-list ACR-REACH-ACCEPT seq 60 permit 100.118.31.0/24\n", Text(config, "bgp", null), StringComparison.Ordinal);
    }

    [Fact]
    public void Bgp_announces_the_data_centers_blocks_for_the_return_path()
    {
        var (config, _) = DataCenterScenarios.Configuration("datacenter-vbr");

        Assert.Equal(["192.168.0.0/16"], config.Advertise.Select(Cidr.Format));
        Assert.Contains("ip prefix-list ACR-REACH-ADVERTISE seq 10 permit 192.168.0.0/16\n", Text(config, "bgp", null), StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_makes_one_zone_per_registry_domain_with_the_oss_wildcard_and_never_a_parent_zone()
    {
        var (config, _) = DataCenterScenarios.Configuration("datacenter-vbr");

        var files = OnPremFormats.Render(config, "bind");

        Assert.Equal([$"{Registry}.zone", $"{Auth}.zone", $"{Oss}.zone", "named.conf.acr-reach"], files.Select(f => f.Name).Order(Comparer<string>.Create((a, b) => Rank(a).CompareTo(Rank(b)))));
        var oss = files.Single(f => f.Name == $"{Oss}.zone").Text;
        Assert.Contains("\n@ IN A 100.118.28.43\n", oss, StringComparison.Ordinal);
        Assert.Contains("\n* IN A 100.118.28.43\n", oss, StringComparison.Ordinal);
        var conf = files.Single(f => f.Name == "named.conf.acr-reach").Text;
        Assert.Equal(3, conf.Split('\n').Count(l => l.StartsWith("zone \"", StringComparison.Ordinal)));
        Assert.DoesNotContain("zone \"aliyuncs.com\"", conf, StringComparison.Ordinal);

        static int Rank(string name) => name switch { $"{Registry}.zone" => 0, $"{Auth}.zone" => 1, $"{Oss}.zone" => 2, _ => 3 };
    }

    [Fact]
    public void Dnsmasq_unbound_and_coredns_hold_the_oss_wildcard_and_hosts_explains_it()
    {
        var (config, _) = DataCenterScenarios.Configuration("datacenter-vbr");

        Assert.Contains($"address=/{Oss}/100.118.28.43\n", Text(config, "dnsmasq", null), StringComparison.Ordinal);
        Assert.Contains($"host-record={Registry},10.94.205.198\n", Text(config, "dnsmasq", null), StringComparison.Ordinal);
        Assert.Contains($"local-zone: \"{Oss}.\" redirect\n", Text(config, "unbound", null), StringComparison.Ordinal);
        Assert.Contains($"template IN A {Oss} {{", Text(config, "coredns", null), StringComparison.Ordinal);
        var hosts = Text(config, "hosts", null);
        Assert.Contains($"# 100.118.28.43 <bucket>.{Oss}\n", hosts, StringComparison.Ordinal);
        Assert.DoesNotContain("\n100.118.28.43 *", hosts, StringComparison.Ordinal);
        Assert.Contains($"\n10.94.205.198 {Registry}\n", hosts, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_bucket_is_a_known_bucket_line_in_hosts_and_a_record_of_the_oss_zone()
    {
        var account = TestScenarios.Load("datacenter-vbr", json =>
        {
            json["registries"]![0]!["ossBucket"] = "my-images";
            json["regionalEndpoints"]!["cn-hangzhou"]![$"my-images.{Oss}"] = "100.118.28.50";
        });
        var config = DataCenterConfiguration.For(Planner.Plan(account), account, "idc-sh");

        Assert.Contains($"\n100.118.28.50 my-images.{Oss}\n", Text(config, "hosts", null), StringComparison.Ordinal);
        Assert.DoesNotContain("<bucket>", Text(config, "hosts", null), StringComparison.Ordinal);
        var zone = OnPremFormats.Render(config, "bind").Single(f => f.Name == $"{Oss}.zone").Text;
        Assert.Contains("\nmy-images IN A 100.118.28.50\n", zone, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_ruled_out_by_a_conflict_gets_neither_a_route_nor_a_record()
    {
        var account = TestScenarios.Load("datacenter-vbr", json => json["dataCenters"]![0]!["cidrs"] = new JsonArray("192.168.0.0/16", "100.103.0.0/16"));
        var plan = Planner.Plan(account);
        var config = DataCenterConfiguration.For(plan, account, "idc-sh");

        Assert.Contains(plan.Findings, f => f.Code == FindingCodes.AddressInSourceNetwork && f.Source == "idc-sh");
        Assert.DoesNotContain(config.Routes, r => r.Destination.Contains(IPAddress.Parse("100.103.7.181")));
        Assert.DoesNotContain(config.Names, n => n.Name == Auth);
        Assert.Contains(config.Names, n => n.Name == Registry);
    }

    [Fact]
    public void A_data_center_no_rule_names_has_nothing_to_configure()
    {
        var account = TestScenarios.Load("datacenter-vbr", json => json["policy"]!["reach"] = new JsonArray());

        Assert.True(DataCenterConfiguration.For(Planner.Plan(account), account, "idc-sh").IsEmpty);
    }

    [Fact]
    public void The_same_plan_renders_byte_identical_output()
    {
        var (first, _) = DataCenterScenarios.Configuration("datacenter-vpn");
        var (second, _) = DataCenterScenarios.Configuration("datacenter-vpn");

        Assert.All(OnPremFormats.All, f => Assert.Equal(OnPremFormats.Render(first, f).ToArray(), OnPremFormats.Render(second, f).ToArray()));
    }

    private static string Text(DataCenterConfiguration config, string format, IPAddress? nextHop) =>
        Assert.Single(OnPremFormats.Render(config, format, nextHop)).Text;
}

/// <summary>The suite's data-center scenarios and the variants the on-premises tests render.</summary>
internal static class DataCenterScenarios
{
    public static readonly IReadOnlyList<string> Names =
    [
        "datacenter-vbr",
        "datacenter-vpn",
        "datacenter-vbr-published-ranges",
        "datacenter-vbr-two-registries",
    ];

    public static TheoryData<string> NameData() => [.. Names];

    public static (Account Account, Plan Plan, string DataCenter) Planned(string name)
    {
        var account = Load(name);
        var dataCenter = account.Policy.Reach.Select(r => r.From.DataCenter).First(d => d is not null)!;
        return (account, Planner.Plan(account), dataCenter);
    }

    /// <summary>The configuration of the scenario's data center; the -ranges variant is rendered with a next hop.</summary>
    public static (DataCenterConfiguration Config, IPAddress? NextHop) Configuration(string name)
    {
        var (account, plan, dataCenter) = Planned(name);
        return (DataCenterConfiguration.For(plan, account, dataCenter), name.EndsWith("-published-ranges", StringComparison.Ordinal) ? IPAddress.Parse("192.168.255.1") : null);
    }

    public static Account Load(string name) => name switch
    {
        "datacenter-vbr-published-ranges" => TestScenarios.Load("datacenter-vbr", json => json["policy"]!["ossRouteScope"] = "PublishedRanges"),
        "datacenter-vbr-two-registries" => TestScenarios.Load("datacenter-vbr", json =>
        {
            json["registries"]!.AsArray().Add(new JsonObject
            {
                ["instanceId"] = "cri-yyyyyy",
                ["instanceName"] = "yyyyyy",
                ["region"] = "cn-hangzhou",
                ["vpcEndpoints"] = new JsonArray(new JsonObject { ["vpcId"] = "vpc-hz1", ["vswitchId"] = "vsw-hz-cr", ["ip"] = "10.94.205.199" }),
                ["authDomainTakeover"] = true,
                ["ossBucket"] = "team-images",
                ["ossPrivateLinkIp"] = null,
            });
            json["regionalEndpoints"]!["cn-hangzhou"]!["team-images.oss-cn-hangzhou-internal.aliyuncs.com"] = "100.118.28.77";
            json["policy"]!["reach"]!.AsArray().Add(new JsonObject { ["from"] = new JsonObject { ["dataCenter"] = "idc-sh" }, ["registry"] = "cri-yyyyyy" });
        }),
        _ => TestScenarios.Load(name),
    };
}
