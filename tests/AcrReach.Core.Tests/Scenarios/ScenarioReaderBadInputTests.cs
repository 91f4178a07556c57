using System.Text.Json.Nodes;
using AcrReach.Core.Scenarios;

namespace AcrReach.Core.Tests.Scenarios;

/// <summary>Bad input an outside review tried: nulls, duplicate keys, invisible characters in ids, huge tables.</summary>
public class ScenarioReaderBadInputTests
{
    /// <summary>Every section of the format, small, valid: each case breaks one place of it.</summary>
    private const string Full = """
        {
          "accountId": "1",
          "vpcs": [{
            "id": "vpc-a", "region": "cn-hangzhou", "cidrs": ["172.16.0.0/16"], "tags": { "acr-reach": "cri-1" },
            "vswitches": [{ "id": "vsw-a", "zone": "z", "cidr": "172.16.0.0/24", "routeTableId": "vtb-a" }],
            "routeTables": [{ "id": "vtb-a", "type": "System", "entries": [
              { "destination": "172.16.0.0/24", "nextHopType": "Local", "nextHopId": null, "name": null, "description": "line one\nline two" }] }]
          }],
          "transitRouters": [{ "id": "tr-hz", "region": "cn-hangzhou", "cenId": "cen-1",
            "attachments": [{ "id": "tr-attach-a", "type": "VPC", "vpcId": "vpc-a" }, { "id": "tr-attach-idc", "type": "VBR", "dataCenter": "idc" }],
            "routeTables": [{ "id": "vtb-tr", "default": true, "associations": ["tr-attach-a"],
              "entries": [{ "destination": "172.16.0.0/16", "nextHopType": "Attachment", "nextHopId": "tr-attach-a", "origin": "Propagated" }] }] }],
          "registries": [{ "instanceId": "cri-1", "instanceName": "one", "region": "cn-hangzhou",
            "vpcEndpoints": [{ "vpcId": "vpc-a", "vswitchId": "vsw-a", "ip": "172.16.0.9" }] }],
          "regionalEndpoints": { "cn-hangzhou": { "dockerauth-vpc.cn-hangzhou.aliyuncs.com": "100.103.7.181" } },
          "ossVipRanges": { "cn-hangzhou": ["100.118.28.0/24"] },
          "dataCenters": [{ "name": "idc", "cidrs": ["192.168.0.0/16"] }],
          "privateZones": [{ "id": "pz-1", "name": "example.com", "records": [{ "rr": "www", "type": "A", "value": "172.16.0.9" }],
            "vpcs": [{ "vpcId": "vpc-a" }] }],
          "policy": { "reach": [{ "from": { "dataCenter": "idc" }, "registry": "cri-1" }] }
        }
        """;

    private static InvalidInputException Refused(string json) =>
        Assert.Throws<InvalidInputException>(() => ScenarioReader.Read(json, "case.json"));

    private static InvalidInputException Refused(Action<JsonNode> edit)
    {
        var json = JsonNode.Parse(Full)!;
        edit(json);
        return Refused(json.ToJsonString());
    }

    [Fact]
    public void The_full_case_reads()
    {
        var account = ScenarioReader.Read(Full, "case.json");

        Assert.Single(account.Vpcs);
        Assert.Single(account.PrivateZones);
    }

    [Theory]
    [InlineData("$.vpcs[0]")]
    [InlineData("$.vpcs[0].cidrs[0]")]
    [InlineData("$.vpcs[0].vswitches[0]")]
    [InlineData("$.vpcs[0].routeTables[0]")]
    [InlineData("$.vpcs[0].routeTables[0].entries[0]")]
    [InlineData("$.transitRouters[0]")]
    [InlineData("$.transitRouters[0].attachments[0]")]
    [InlineData("$.transitRouters[0].routeTables[0]")]
    [InlineData("$.transitRouters[0].routeTables[0].associations[0]")]
    [InlineData("$.transitRouters[0].routeTables[0].entries[0]")]
    [InlineData("$.registries[0]")]
    [InlineData("$.registries[0].vpcEndpoints[0]")]
    [InlineData("$.dataCenters[0]")]
    [InlineData("$.dataCenters[0].cidrs[0]")]
    [InlineData("$.privateZones[0]")]
    [InlineData("$.privateZones[0].records[0]")]
    [InlineData("$.privateZones[0].vpcs[0]")]
    [InlineData("$.policy.reach[0]")]
    [InlineData("$.ossVipRanges['cn-hangzhou'][0]")]
    public void Refuses_a_null_list_element_naming_its_path(string path)
    {
        var error = Refused(json => SetAt(json, path, null));

        Assert.Equal("case.json", error.File);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains("null", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.vpcs[0].tags['acr-reach']")]
    [InlineData("$.regionalEndpoints['cn-hangzhou']")]
    [InlineData("$.regionalEndpoints['cn-hangzhou']['dockerauth-vpc.cn-hangzhou.aliyuncs.com']")]
    [InlineData("$.ossVipRanges['cn-hangzhou']")]
    [InlineData("$.policy.reach[0].from")]
    [InlineData("$.accountId")]
    public void Refuses_null_where_a_value_is_required_naming_its_path(string path)
    {
        var error = Refused(json => SetAt(json, path, null));

        Assert.Equal(path, error.JsonPath);
        Assert.Contains("null", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_null_element_in_a_policy_file()
    {
        var error = Assert.Throws<InvalidInputException>(() => ScenarioReader.ReadPolicy("""{ "dataCenters": [null] }"""u8, "policy.json"));

        Assert.Equal("policy.json", error.File);
        Assert.Equal("$.dataCenters[0]", error.JsonPath);
    }

    [Fact]
    public void Refuses_a_null_rule_in_a_policy_file()
    {
        var error = Assert.Throws<InvalidInputException>(() => ScenarioReader.ReadPolicy("""{ "policy": { "reach": [null] } }"""u8, "policy.json"));

        Assert.Equal("$.policy.reach[0]", error.JsonPath);
    }

    [Fact]
    public void Refuses_a_key_given_twice_naming_the_key_and_its_path()
    {
        var error = Refused(Full.Replace("\"id\": \"vpc-a\",", "\"id\": \"vpc-a\", \"id\": \"vpc-b\",", StringComparison.Ordinal));

        Assert.Equal("case.json", error.File);
        Assert.Equal("$.vpcs[0].id", error.JsonPath);
        Assert.Contains("duplicate key 'id'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_top_level_key_given_twice()
    {
        var error = Refused(Full.Replace("\"accountId\": \"1\",", "\"accountId\": \"1\", \"accountId\": \"2\",", StringComparison.Ordinal));

        Assert.Equal("$.accountId", error.JsonPath);
        Assert.Contains("'accountId'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_map_key_given_twice()
    {
        var error = Refused(Full.Replace("\"tags\": { \"acr-reach\": \"cri-1\" }", "\"tags\": { \"acr-reach\": \"cri-1\", \"acr-reach\": \"*\" }", StringComparison.Ordinal));

        Assert.Equal("$.vpcs[0].tags['acr-reach']", error.JsonPath);
        Assert.Contains("'acr-reach'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_policy_file_with_a_key_given_twice()
    {
        var error = Assert.Throws<InvalidInputException>(() => ScenarioReader.ReadPolicy(
            """{ "policy": { "transitRouteScope": "Block100", "transitRouteScope": "HostRoutes" } }"""u8, "policy.json"));

        Assert.Equal("policy.json", error.File);
        Assert.Equal("$.policy.transitRouteScope", error.JsonPath);
        Assert.Contains("'transitRouteScope'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_key_in_two_objects_is_not_a_duplicate()
    {
        var account = ScenarioReader.Read(Full, "case.json");

        Assert.Equal(2, account.TransitRouters[0].Attachments.Length);
    }

    [Theory]
    [InlineData("$.accountId", "1\u0007")]
    [InlineData("$.vpcs[0].id", "vpc-a\u200b")]
    [InlineData("$.vpcs[0].region", "cn-\u202ehangzhou")]
    [InlineData("$.vpcs[0].vswitches[0].routeTableId", "vtb-a\ufeff")]
    [InlineData("$.vpcs[0].routeTables[0].id", "vtb-\u2066a")]
    [InlineData("$.vpcs[0].routeTables[0].entries[0].name", "route\u200e")]
    [InlineData("$.vpcs[0].tags['acr-reach']", "cri-1\u2060")]
    [InlineData("$.transitRouters[0].routeTables[0].associations[0]", "tr-attach-a\u200d")]
    [InlineData("$.registries[0].instanceName", "one\u200f")]
    [InlineData("$.dataCenters[0].name", "idc\u2069")]
    [InlineData("$.policy.reach[0].registry", "cri-1\u000a")]
    public void Refuses_an_id_with_a_control_bidi_or_zero_width_character(string path, string escaped)
    {
        var value = System.Text.RegularExpressions.Regex.Unescape(escaped);

        var error = Refused(json => SetAt(json, path, value));

        Assert.Equal("case.json", error.File);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains("U+", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_id_with_a_raw_bidi_character_not_only_an_escaped_one()
    {
        var error = Refused(Full.Replace("\"id\": \"vpc-a\"", "\"id\": \"vpc-\u202Ea\"", StringComparison.Ordinal));

        Assert.Equal("$.vpcs[0].id", error.JsonPath);
        Assert.Contains("U+202E", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_map_key_with_a_zero_width_character()
    {
        var error = Refused(Full.Replace("\"regionalEndpoints\": { \"cn-hangzhou\"", "\"regionalEndpoints\": { \"cn-hang\\u200bzhou\"", StringComparison.Ordinal));

        Assert.StartsWith("$.regionalEndpoints[", error.JsonPath, StringComparison.Ordinal);
        Assert.Contains("U+200B", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_policy_file_naming_a_data_center_with_a_bidi_character()
    {
        var error = Assert.Throws<InvalidInputException>(() => ScenarioReader.ReadPolicy(
            """{ "dataCenters": [{ "name": "idc\u202e", "cidrs": ["192.168.0.0/16"] }] }"""u8, "policy.json"));

        Assert.Equal("$.dataCenters[0].name", error.JsonPath);
    }

    [Fact]
    public void A_route_description_is_free_text()
    {
        var account = ScenarioReader.Read(Full, "case.json");

        Assert.Equal("line one\nline two", account.Vpcs[0].RouteTables[0].Entries[0].Description);
    }

    [Fact]
    public void Reads_a_route_table_of_100000_entries_and_finds_a_duplicate_destination_at_its_end()
    {
        // Not timed (bench/AcrReach.Benchmarks --scenario-read measures it): a duplicate check against every earlier
        // entry made this read take minutes; the entries and the error's path show the whole table was read.
        var json = JsonNode.Parse(Full)!;
        var entries = json["vpcs"]![0]!["routeTables"]![0]!["entries"]!.AsArray();
        for (var i = 0; i < 100_000; i++)
        {
            entries.Add(new JsonObject { ["destination"] = $"10.{(i >> 16) & 0xFF}.{(i >> 8) & 0xFF}.{i & 0xFF}/32", ["nextHopType"] = "Instance", ["nextHopId"] = "i-1" });
        }

        Assert.Equal(100_001, ScenarioReader.Read(json.ToJsonString(), "case.json").Vpcs[0].RouteTables[0].Entries.Length);

        entries.Add(new JsonObject { ["destination"] = "10.0.7.7/32", ["nextHopType"] = "Instance", ["nextHopId"] = "i-1" });
        var error = Refused(json.ToJsonString());

        Assert.Equal("$.vpcs[0].routeTables[0].entries[100001].destination", error.JsonPath);
    }

    /// <summary>Replaces the value at a simple JSON path (<c>.name</c>, <c>['key']</c>, <c>[i]</c>).</summary>
    private static void SetAt(JsonNode root, string path, JsonNode? value)
    {
        var steps = System.Text.RegularExpressions.Regex.Matches(path, @"\.(\w+)|\['([^']*)'\]|\[(\d+)\]");
        var node = root;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var last = i == steps.Count - 1;
            if (step.Groups[3].Success)
            {
                var index = int.Parse(step.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (last)
                {
                    node.AsArray()[index] = value;
                    return;
                }

                node = node.AsArray()[index]!;
            }
            else
            {
                var name = step.Groups[1].Success ? step.Groups[1].Value : step.Groups[2].Value;
                if (last)
                {
                    node.AsObject()[name] = value;
                    return;
                }

                node = node.AsObject()[name]!;
            }
        }
    }
}
