using System.Text.Json;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Pvtz;
using AcrReach.Cloud.Vpc;

namespace AcrReach.Cloud.Tests.OpenApi;

public class ParameterFlattenerTests
{
    private static Dictionary<string, string> Flatten(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ParameterFlattener.Flatten(document.RootElement).ToDictionary(p => p.Key, p => p.Value);
    }

    [Fact]
    public void Numbers_lists_from_one()
    {
        var parameters = Flatten("""{ "DestCidrBlockList": ["10.0.0.0/8", "100.64.0.0/10"] }""");

        Assert.Equal(
            new Dictionary<string, string> { ["DestCidrBlockList.1"] = "10.0.0.0/8", ["DestCidrBlockList.2"] = "100.64.0.0/10" },
            parameters);
    }

    [Fact]
    public void Names_objects_inside_lists_by_index_and_member()
    {
        var parameters = Flatten("""{ "Tag": [{ "Key": "acr-reach", "Value": "cri-1" }, { "Key": "env" }] }""");

        Assert.Equal(
            new Dictionary<string, string> { ["Tag.1.Key"] = "acr-reach", ["Tag.1.Value"] = "cri-1", ["Tag.2.Key"] = "env" },
            parameters);
    }

    [Fact]
    public void Flattens_lists_inside_objects_inside_lists()
    {
        var parameters = Flatten("""{ "RouteFilter": [{ "Key": "PrefixExactMatchCidrs", "Value": ["100.0.0.0/8", "10.0.0.0/16"] }] }""");

        Assert.Equal("PrefixExactMatchCidrs", parameters["RouteFilter.1.Key"]);
        Assert.Equal("100.0.0.0/8", parameters["RouteFilter.1.Value.1"]);
        Assert.Equal("10.0.0.0/16", parameters["RouteFilter.1.Value.2"]);
    }

    [Fact]
    public void Names_nested_object_members_with_a_dot()
    {
        var parameters = Flatten("""{ "RouteTableOptions": { "MultiRegionECMP": "disable" } }""");

        Assert.Equal("disable", parameters["RouteTableOptions.MultiRegionECMP"]);
    }

    [Fact]
    public void Writes_booleans_in_lower_case_keeps_number_text_and_leaves_out_nulls()
    {
        var parameters = Flatten("""{ "DryRun": true, "IsDefault": false, "PageSize": 50, "VpcOwnerId": 1234567890123456, "VpcName": null }""");

        Assert.Equal(
            new Dictionary<string, string> { ["DryRun"] = "true", ["IsDefault"] = "false", ["PageSize"] = "50", ["VpcOwnerId"] = "1234567890123456" },
            parameters);
    }

    [Fact]
    public void Leaves_out_empty_lists()
    {
        Assert.Empty(Flatten("""{ "Tag": [], "NextHopList": [] }"""));
    }

    [Fact]
    public void Flattens_a_typed_request_with_its_wire_names()
    {
        var request = new CreateRouteEntryRequest
        {
            RegionId = "cn-hangzhou",
            RouteTableId = "vtb-1",
            DestinationCidrBlock = "100.118.28.0/24",
            NextHopList = [new RouteEntryNextHop { NextHopId = "tr-attach-1", NextHopType = "Attachment", Weight = 100 }],
        };

        var parameters = ParameterFlattener.Flatten(request, VpcOperations.CreateRouteEntry.RequestType).ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["RegionId"] = "cn-hangzhou",
                ["RouteTableId"] = "vtb-1",
                ["DestinationCidrBlock"] = "100.118.28.0/24",
                ["NextHopList.1.NextHopId"] = "tr-attach-1",
                ["NextHopList.1.NextHopType"] = "Attachment",
                ["NextHopList.1.Weight"] = "100",
            },
            parameters);
    }

    [Fact]
    public void Flattens_bind_zone_vpc_as_vpcs_n_fields()
    {
        var request = new BindZoneVpcRequest
        {
            ZoneId = "zone-123",
            Vpcs = [new ZoneVpc { RegionId = "cn-hangzhou", VpcId = "vpc-aaa" }, new ZoneVpc { RegionId = "cn-shanghai", VpcId = "vpc-bbb" }],
        };

        var query = ParameterFlattener.Flatten(request, PvtzOperations.BindZoneVpc.RequestType).ToCanonicalQuery();

        Assert.Equal("Vpcs.1.RegionId=cn-hangzhou&Vpcs.1.VpcId=vpc-aaa&Vpcs.2.RegionId=cn-shanghai&Vpcs.2.VpcId=vpc-bbb&ZoneId=zone-123", query);
    }

    [Fact]
    public void Refuses_a_request_that_is_not_an_object()
    {
        using var document = JsonDocument.Parse("[1]");

        Assert.Throws<ArgumentException>(() => ParameterFlattener.Flatten(document.RootElement));
    }
}
