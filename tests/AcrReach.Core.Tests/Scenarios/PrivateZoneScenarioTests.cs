using AcrReach.Core.Scenarios;

namespace AcrReach.Core.Tests.Scenarios;

/// <summary>The optional <c>privateZones</c> of a scenario (what the local cloud seeds and writes back).</summary>
public class PrivateZoneScenarioTests
{
    private const string WithZone = """
        {
          "accountId": "1",
          "vpcs": [{ "id": "vpc-a", "region": "cn-shanghai", "cidrs": ["172.16.0.0/16"] }],
          "privateZones": [{
            "id": "zone-1", "name": "cn-hangzhou.cr.aliyuncs.com",
            "records": [{ "rr": "x-registry-vpc", "type": "A", "value": "10.0.0.1" }],
            "vpcs": [{ "vpcId": "vpc-a" }]
          }]
        }
        """;

    [Fact]
    public void Reads_zones_with_default_ttl_and_the_bound_vpcs_region()
    {
        var zone = Assert.Single(ScenarioReader.Read(WithZone, "case.json").PrivateZones);

        Assert.Equal(("x-registry-vpc", 60), (zone.Records[0].Rr, zone.Records[0].Ttl));
        Assert.Equal(("vpc-a", "cn-shanghai"), (zone.Vpcs[0].VpcId, zone.Vpcs[0].RegionId));
    }

    [Fact]
    public void Writes_zones_back_so_they_read_again_unchanged()
    {
        var account = ScenarioReader.Read(WithZone, "case.json");

        var written = ScenarioWriter.Write(account);

        Assert.Equal(written, ScenarioWriter.Write(ScenarioReader.Read(written, "again.json")));
        Assert.Contains("\"privateZones\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_without_zones_writes_no_privateZones_field()
    {
        var written = ScenarioWriter.Write(ScenarioReader.Read("""{ "accountId": "1" }""", "case.json"));

        Assert.DoesNotContain("privateZones", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_binding_to_an_unknown_vpc_naming_its_path()
    {
        var error = Assert.Throws<InvalidInputException>(() => ScenarioReader.Read(WithZone.Replace("{ \"vpcId\": \"vpc-a\" }", "{ \"vpcId\": \"vpc-b\" }", StringComparison.Ordinal), "case.json"));

        Assert.Equal("$.privateZones[0].vpcs[0].vpcId", error.JsonPath);
    }

    [Fact]
    public void Refuses_an_unknown_record_type()
    {
        var error = Assert.Throws<InvalidInputException>(() => ScenarioReader.Read(WithZone.Replace("\"type\": \"A\"", "\"type\": \"NS\"", StringComparison.Ordinal), "case.json"));

        Assert.Equal("$.privateZones[0].records[0].type", error.JsonPath);
    }
}
