using System.Runtime.CompilerServices;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Planning;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;
using AcrReach.Core.Tracing;

namespace AcrReach.Cloud.Tests.Reconciliation;

/// <summary>Verification says what it checked: routed, and separately what each name resolves to where AcrReach can know it.</summary>
public sealed class PathChecksTests
{
    private const string Auth = "dockerauth-vpc.cn-hangzhou.aliyuncs.com";

    private static Account Load(string name, [CallerFilePath] string file = "")
    {
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "AcrReach.Core.Tests", "Scenarios", "Planning", name + ".json"));
        return ScenarioReader.Read(File.ReadAllBytes(path), path);
    }

    /// <summary>The account as the plan leaves it, and its verification.</summary>
    private static (Account Account, Verification Verification, Plan Plan) Applied(string name)
    {
        var account = Load(name);
        var plan = Planner.Plan(account);
        var after = PlanProjection.Apply(account, plan);
        return (after, Planner.Verify(after), plan);
    }

    private static PrivateZone Zone(string name, string rr, string value, string vpcId) =>
        new("pz-1", name, [new ZoneRecord(rr, "A", value, 60)], [new ZoneBinding(vpcId, "cn-shanghai")]);

    private static PathCheck AuthCheck(IEnumerable<PathCheck> checks) =>
        checks.First(c => c.Source == "vpc-sh2" && c.Endpoint == EndpointKind.Auth);

    [Fact]
    public void A_routed_name_with_no_record_AcrReach_can_see_is_left_to_your_dns()
    {
        var (account, verification, _) = Applied("seed-hangzhou-shanghai");

        var auth = AuthCheck(PathChecks.Of(account, verification, []));

        Assert.True(auth.Routed);
        Assert.Equal((DnsCheck.YourDns, PathChecks.YourDnsDetail), (auth.Dns, auth.DnsDetail));
    }

    [Fact]
    public void A_private_zone_record_bound_to_the_source_with_the_routed_address_resolves()
    {
        var (account, verification, _) = Applied("seed-hangzhou-shanghai");

        var auth = AuthCheck(PathChecks.Of(account, verification, [Zone("cn-hangzhou.aliyuncs.com", "dockerauth-vpc", "100.103.7.181", "vpc-sh2")]));

        Assert.Equal(DnsCheck.Resolves, auth.Dns);
        Assert.Equal("DNS: resolves to 100.103.7.181 (PrivateZone cn-hangzhou.aliyuncs.com)", auth.DnsDetail);
    }

    [Fact]
    public void A_record_with_another_address_resolves_elsewhere_and_says_to_fix_it()
    {
        var (account, verification, _) = Applied("seed-hangzhou-shanghai");

        var auth = AuthCheck(PathChecks.Of(account, verification, [Zone(Auth, "@", "100.103.7.99", "vpc-sh2")]));

        Assert.True(auth.Routed);
        Assert.Equal(DnsCheck.ResolvesElsewhere, auth.Dns);
        Assert.Equal($"DNS: resolves to 100.103.7.99 (PrivateZone {Auth}), not the routed 100.103.7.181: fix the record", auth.DnsDetail);
    }

    [Fact]
    public void A_zone_bound_to_another_vpc_says_nothing_about_the_source()
    {
        var (account, verification, _) = Applied("seed-hangzhou-shanghai");

        var auth = AuthCheck(PathChecks.Of(account, verification, [Zone(Auth, "@", "100.103.7.181", "vpc-elsewhere")]));

        Assert.Equal(DnsCheck.YourDns, auth.Dns);
    }

    [Fact]
    public void A_return_path_has_no_name_to_resolve()
    {
        var (account, verification, _) = Applied("seed-hangzhou-shanghai");

        var checks = PathChecks.Of(account, verification, []).Where(c => c.Endpoint == EndpointKind.Source).ToList();

        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.Equal(DnsCheck.NoName, c.Dns));
    }

    [Fact]
    public void Routed_is_said_before_any_record_exists_and_dns_separately()
    {
        var account = Load("seed-hangzhou-shanghai");

        var auth = AuthCheck(PathChecks.Of(account, Planner.Verify(account), []));

        Assert.False(auth.Routed);
        Assert.Equal(DnsCheck.YourDns, auth.Dns);
    }

    [Fact]
    public void A_data_center_is_cloud_side_ready_with_the_routes_its_edge_router_needs_and_its_records()
    {
        var (account, verification, plan) = Applied("datacenter-vbr");

        var needs = Assert.Single(PathChecks.OnPremises(account, verification, plan.Dns));

        Assert.Equal("idc-sh", needs.DataCenter);
        Assert.True(needs.CloudSideReady);
        Assert.Equal("cloud side ready; on-premises: these routes and records", needs.Verdict);
        Assert.Contains(needs.Routes, r => r.Destination.ToString() == "10.94.205.198/32" && r.For.StartsWith("registry ", StringComparison.Ordinal));
        Assert.Contains(needs.Routes, r => r.For.Contains("auth " + Auth, StringComparison.Ordinal));
        Assert.All(needs.Routes, r => Assert.Contains("tr-attach-vbr", r.Toward, StringComparison.Ordinal));
        Assert.Equal(plan.Dns.Where(d => d.Scope == "idc-sh"), needs.Records);
        Assert.NotEmpty(needs.Records);
        Assert.All(PathChecks.Of(account, verification, []).Where(c => c.Source == "idc-sh" && c.Name is not null), c => Assert.Equal(DnsCheck.YourDns, c.Dns));
    }

    [Fact]
    public void A_data_center_whose_cloud_side_is_broken_is_not_called_ready()
    {
        var account = Load("datacenter-vbr");
        var plan = Planner.Plan(account);

        var needs = Assert.Single(PathChecks.OnPremises(account, Planner.Verify(account), plan.Dns));

        Assert.False(needs.CloudSideReady);
        Assert.StartsWith("cloud side NOT ready", needs.Verdict, StringComparison.Ordinal);
    }
}
