using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Tests.Scenarios;

public class ScenarioReaderTests
{
    private const string Minimal = """
        {
          "accountId": "1",
          "vpcs": [{
            "id": "vpc-a", "region": "cn-shanghai", "cidrs": ["172.16.0.0/16"],
            "vswitches": [{ "id": "vsw-a", "zone": "z", "cidr": "172.16.0.0/24", "routeTableId": "vtb-a" }],
            "routeTables": [{ "id": "vtb-a", "type": "System", "entries": [] }]
          }]
        }
        """;

    private static InvalidInputException Refused(string json) =>
        Assert.Throws<InvalidInputException>(() => ScenarioReader.Read(json, "case.json"));

    [Fact]
    public void Reads_a_minimal_scenario_with_defaults()
    {
        var account = ScenarioReader.Read(Minimal, "case.json");

        Assert.Equal("vpc-a", Assert.Single(account.Vpcs).Id);
        Assert.Equal(TransitRouteScope.Block100, account.Policy.TransitRouteScope);
        Assert.Equal(OssRouteScope.Address, account.Policy.OssRouteScope);
    }

    [Fact]
    public void Reads_a_scenario_saved_with_a_utf8_byte_order_mark()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Minimal)];

        var account = ScenarioReader.Read(bytes, "case.json");

        Assert.Equal("vpc-a", Assert.Single(account.Vpcs).Id);
    }

    [Fact]
    public void Refuses_text_that_is_not_utf8_saying_so()
    {
        byte[] bytes = [.. System.Text.Encoding.UTF8.GetBytes("{\"accountId\": \""), 0xFF, .. System.Text.Encoding.UTF8.GetBytes("\"}")];

        var error = Assert.Throws<InvalidInputException>(() => ScenarioReader.Read(bytes, "case.json"));

        Assert.Equal("$.accountId", error.JsonPath);
        Assert.Contains("UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_unknown_field_naming_its_path()
    {
        var error = Refused(Minimal.Replace("\"zone\": \"z\"", "\"zone\": \"z\", \"zoen\": 1", StringComparison.Ordinal));

        Assert.Equal("case.json", error.File);
        Assert.StartsWith("$.vpcs[0].vswitches[0]", error.JsonPath, StringComparison.Ordinal);
        Assert.Contains("zoen", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_missing_required_field()
    {
        var error = Refused(Minimal.Replace("\"region\": \"cn-shanghai\",", string.Empty, StringComparison.Ordinal));

        Assert.StartsWith("$.vpcs[0]", error.JsonPath, StringComparison.Ordinal);
        Assert.Contains("region", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_wrong_type()
    {
        var error = Refused(Minimal.Replace("\"id\": \"vpc-a\"", "\"id\": 7", StringComparison.Ordinal));

        Assert.Equal("$.vpcs[0].id", error.JsonPath);
        Assert.Contains("string", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_null_for_a_required_string()
    {
        var error = Refused(Minimal.Replace("\"id\": \"vpc-a\"", "\"id\": null", StringComparison.Ordinal));

        Assert.Equal("$.vpcs[0].id", error.JsonPath);
    }

    [Fact]
    public void Refuses_malformed_json_with_its_position()
    {
        var error = Refused("{ \"accountId\": \"1\", ");

        Assert.Contains("JSON", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("172.16.0.1/16", "host bits")]
    [InlineData("172.16.0.0", "prefix length")]
    [InlineData("172.16.0.0/33", "not an IPv4 CIDR")]
    [InlineData("172.016.0.0/16", "not an IPv4 CIDR")]
    [InlineData("fe80::/10", "not an IPv4 CIDR")]
    public void Refuses_a_cidr_that_is_not_canonical(string cidr, string reason)
    {
        var error = Refused(Minimal.Replace("\"cidrs\": [\"172.16.0.0/16\"]", $"\"cidrs\": [\"{cidr}\"]", StringComparison.Ordinal));

        Assert.Equal("$.vpcs[0].cidrs[0]", error.JsonPath);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_reference_to_a_route_table_that_does_not_exist()
    {
        var error = Refused(Minimal.Replace("\"routeTableId\": \"vtb-a\"", "\"routeTableId\": \"vtb-x\"", StringComparison.Ordinal));

        Assert.Equal("$.vpcs[0].vswitches[0].routeTableId", error.JsonPath);
        Assert.Contains("vtb-x", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_transit_router_attaching_a_vpc_of_another_region()
    {
        var error = Refused(Minimal.TrimEnd().TrimEnd('}') + """
            , "transitRouters": [{ "id": "tr-hz", "region": "cn-hangzhou", "cenId": "cen-1",
                "attachments": [{ "id": "tr-attach-a", "type": "VPC", "vpcId": "vpc-a" }], "routeTables": [] }] }
            """);

        Assert.Equal("$.transitRouters[0].attachments[0].vpcId", error.JsonPath);
        Assert.Contains("cn-shanghai", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_registry_linked_to_a_vpc_of_another_region()
    {
        var error = Refused(Minimal.TrimEnd().TrimEnd('}') + """
            , "registries": [{ "instanceId": "cri-1", "instanceName": "one", "region": "cn-hangzhou",
                "vpcEndpoints": [{ "vpcId": "vpc-a", "vswitchId": "vsw-a", "ip": "172.16.0.9" }] }] }
            """);

        Assert.Equal("$.registries[0].vpcEndpoints[0].vpcId", error.JsonPath);
        Assert.Contains("cn-hangzhou", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_duplicate_vpc_ids()
    {
        var twice = Minimal.Replace("\"vpcs\": [{", "\"vpcs\": [{ \"id\": \"vpc-a\", \"region\": \"r\", \"cidrs\": [\"10.0.0.0/8\"] }, {", StringComparison.Ordinal);
        var error = Refused(twice);

        Assert.Equal("$.vpcs[1].id", error.JsonPath);
        Assert.Contains("duplicate", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_seed_scenario_and_writes_it_back_unchanged()
    {
        // The repository's copy of ../shared/scenarios/seed-hangzhou-shanghai.json: a clean checkout has no ../shared.
        var path = Support.Golden.ScenarioPath("seed-hangzhou-shanghai");
        var account = ScenarioReader.Read(File.ReadAllBytes(path), path);
        var written = ScenarioWriter.Write(account);
        var reread = ScenarioReader.Read(written, "written.json");

        Assert.Equal(written, ScenarioWriter.Write(reread));
        Assert.Equal(2, account.Vpcs.Length);
        Assert.Equal("cri-xxxxxx", Assert.Single(account.Registries).InstanceId);
    }
}
