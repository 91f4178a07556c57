using System.Text;
using AcrReach.Core;
using AcrReach.Core.Addressing;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Tests.Discovery;

/// <summary>The policy file (<c>--policy</c>): a scenario's dataCenters, policy and ossVipRanges sections, read strictly.</summary>
public sealed class PolicyFileTests
{
    [Fact]
    public void Reads_data_centers_rules_and_scopes_without_the_account_they_name()
    {
        var settings = Read("""
            {
              "dataCenters": [{ "name": "idc-bj", "cidrs": ["192.168.0.0/16"] }],
              "policy": {
                "reach": [{ "from": { "dataCenter": "idc-bj" }, "registry": "cri-1" }, { "from": { "vpcId": "vpc-9" }, "registry": "cri-1" }],
                "transitRouteScope": "HostRoutes",
                "ossRouteScope": "PublishedRanges"
              },
              "ossVipRanges": { "cn-hangzhou": ["100.118.28.0/24"] }
            }
            """);

        Assert.Equal(new DataCenter("idc-bj", [Cidr.Parse("192.168.0.0/16")]).Name, Assert.Single(settings.DataCenters).Name);
        Assert.Equal([ReachSource.ForDataCenter("idc-bj"), ReachSource.ForVpc("vpc-9")], settings.Policy.Reach.Select(r => r.From));
        Assert.Equal((TransitRouteScope.HostRoutes, OssRouteScope.PublishedRanges), (settings.Policy.TransitRouteScope, settings.Policy.OssRouteScope));
        Assert.Equal(Cidr.Parse("100.118.28.0/24"), Assert.Single(settings.OssVipRanges["cn-hangzhou"]));
    }

    [Theory]
    [InlineData("""{ "policy": { "reech": [] } }""", "$.policy.reech", "unknown field")]
    [InlineData("""{ "dataCenters": [{ "name": "idc", "cidrs": ["192.168.1.0/16"] }] }""", "$.dataCenters[0].cidrs[0]", "")]
    [InlineData("""{ "policy": { "reach": [{ "from": { "vpcId": "v", "dataCenter": "d" }, "registry": "r" }] } }""", "$.policy.reach[0].from", "both")]
    [InlineData("""{ "policy": { "transitRouteScope": "Wide" } }""", "$.policy.transitRouteScope", "Block100")]
    public void Bad_input_names_the_json_path_and_what_is_wrong(string json, string path, string reason)
    {
        var error = Assert.Throws<InvalidInputException>(() => Read(json));

        Assert.Equal(("policy.json", path), (error.File, error.JsonPath));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_scenario_is_accepted_too()
    {
        var scenario = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed-hangzhou-shanghai.json"));

        var settings = Read(scenario);

        Assert.Equal(ReachSource.ForVpc("vpc-sh2"), Assert.Single(settings.Policy.Reach).From);
        Assert.Empty(settings.DataCenters);
    }

    private static PolicySettings Read(string json) => ScenarioReader.ReadPolicy(Encoding.UTF8.GetBytes(json), "policy.json");
}
