using AcrReach.LocalCloud.Tests.Support;
using static AcrReach.LocalCloud.Tests.Support.Params;

namespace AcrReach.LocalCloud.Tests.Pvtz;

public sealed class PvtzApiTests
{
    private static async Task<string> AddZone(Cloud cloud, string name = "cn-hangzhou.cr.aliyuncs.com") =>
        (await cloud.Client.Acs3(CloudClient.Pvtz, "AddZone", P("ZoneName", name))).Json.GetProperty("ZoneId").GetString()!;

    [Fact]
    public async Task Added_zone_is_listed_and_described()
    {
        await using var cloud = await Cloud.StartAsync();
        var id = await AddZone(cloud);

        var zones = (await cloud.Client.Acs3(CloudClient.Pvtz, "DescribeZones", P("Keyword", "cr.aliyuncs", "PageSize", "10"))).Json;
        var info = (await cloud.Client.Acs3(CloudClient.Pvtz, "DescribeZoneInfo", P("ZoneId", id))).Json;

        Assert.Equal(id, zones.GetProperty("Zones").GetProperty("Zone")[0].GetProperty("ZoneId").GetString());
        Assert.Equal(("cn-hangzhou.cr.aliyuncs.com", "ZONE"), (info.GetProperty("ZoneName").GetString(), info.GetProperty("ProxyPattern").GetString()));
    }

    [Fact]
    public async Task Records_are_added_paged_and_duplicates_refused()
    {
        await using var cloud = await Cloud.StartAsync();
        var id = await AddZone(cloud);

        var first = await cloud.Client.Acs3(CloudClient.Pvtz, "AddZoneRecord", P("ZoneId", id, "Rr", "xxxxxx-registry-vpc", "Type", "A", "Value", "10.94.205.198"));
        await cloud.Client.Rpc(CloudClient.Pvtz, "AddZoneRecord", P("ZoneId", id, "Rr", "other", "Type", "A", "Value", "10.94.205.199"), inBody: true);
        var duplicate = await cloud.Client.Acs3(CloudClient.Pvtz, "AddZoneRecord", P("ZoneId", id, "Rr", "other", "Type", "A", "Value", "10.94.205.199"));
        var badAddress = await cloud.Client.Acs3(CloudClient.Pvtz, "AddZoneRecord", P("ZoneId", id, "Rr", "x", "Type", "A", "Value", "not-an-ip"));
        var page = (await cloud.Client.Acs3(CloudClient.Pvtz, "DescribeZoneRecords", P("ZoneId", id, "PageSize", "1", "PageNumber", "2"))).Json;

        Assert.True(first.Json.GetProperty("RecordId").GetInt64() > 0);
        Assert.Equal("Record.Invalid.Conflict", duplicate.Code);
        Assert.Equal("Record.Invalid.Value", badAddress.Code);
        Assert.Equal((2, 2), (page.GetProperty("TotalItems").GetInt32(), page.GetProperty("TotalPages").GetInt32()));
        Assert.Equal("other", page.GetProperty("Records").GetProperty("Record")[0].GetProperty("Rr").GetString());
    }

    [Fact]
    public async Task UpdateZoneRemark_marks_a_zone_as_describe_and_the_state_show_it()
    {
        await using var cloud = await Cloud.StartAsync();
        var id = await AddZone(cloud);

        var marked = await cloud.Client.Acs3(CloudClient.Pvtz, "UpdateZoneRemark", P("ZoneId", id, "Remark", "acr-reach"));
        var info = (await cloud.Client.Acs3(CloudClient.Pvtz, "DescribeZoneInfo", P("ZoneId", id))).Json;
        var listed = (await cloud.Client.Acs3(CloudClient.Pvtz, "DescribeZones", P("Keyword", "cr.aliyuncs"))).Json;
        var tooLong = await cloud.Client.Acs3(CloudClient.Pvtz, "UpdateZoneRemark", P("ZoneId", id, "Remark", new string('x', 51)));
        var unknown = await cloud.Client.Acs3(CloudClient.Pvtz, "UpdateZoneRemark", P("ZoneId", "zone-nope", "Remark", "acr-reach"));

        Assert.Equal(id, marked.Json.GetProperty("ZoneId").GetString());
        Assert.Equal("acr-reach", info.GetProperty("Remark").GetString());
        Assert.Equal("acr-reach", listed.GetProperty("Zones").GetProperty("Zone")[0].GetProperty("Remark").GetString());
        Assert.Equal("InvalidParameter", tooLong.Code);
        Assert.Equal("Zone.Invalid.Id", unknown.Code);
        Assert.Equal("acr-reach", Assert.Single(cloud.Server.Snapshot().PrivateZones).Remark);
    }

    [Fact]
    public async Task BindZoneVpc_replaces_the_whole_binding_set()
    {
        await using var cloud = await Cloud.StartAsync();
        var id = await AddZone(cloud);

        await cloud.Client.Acs3(CloudClient.Pvtz, "BindZoneVpc", P("ZoneId", id, "Vpcs.1.RegionId", "cn-shanghai", "Vpcs.1.VpcId", "vpc-sh2", "Vpcs.2.RegionId", "cn-hangzhou", "Vpcs.2.VpcId", "vpc-hz3"));
        await cloud.Client.Acs3(CloudClient.Pvtz, "BindZoneVpc", P("ZoneId", id, "Vpcs.1.RegionId", "cn-hangzhou", "Vpcs.1.VpcId", "vpc-hz3"));
        var info = (await cloud.Client.Acs3(CloudClient.Pvtz, "DescribeZoneInfo", P("ZoneId", id))).Json;
        var unknown = await cloud.Client.Acs3(CloudClient.Pvtz, "BindZoneVpc", P("ZoneId", id, "Vpcs.1.RegionId", "cn-hangzhou", "Vpcs.1.VpcId", "vpc-nope"));

        Assert.Equal(["vpc-hz3"], info.GetProperty("BindVpcs").GetProperty("Vpc").EnumerateArray().Select(v => v.GetProperty("VpcId").GetString()));
        Assert.Equal("ZoneVpc.NotExists.VpcId", unknown.Code);
        Assert.Equal(["vpc-hz3"], Assert.Single(cloud.Server.Snapshot().PrivateZones).Vpcs.Select(v => v.VpcId));
    }

    [Fact]
    public async Task AddZone_with_a_client_token_answers_the_same_zone()
    {
        await using var cloud = await Cloud.StartAsync();

        var first = await cloud.Client.Acs3(CloudClient.Pvtz, "AddZone", P("ZoneName", "example.internal", "ClientToken", "z1"));
        var again = await cloud.Client.Acs3(CloudClient.Pvtz, "AddZone", P("ZoneName", "example.internal", "ClientToken", "z1"));

        Assert.Equal(first.Json.GetProperty("ZoneId").GetString(), again.Json.GetProperty("ZoneId").GetString());
        Assert.Single(cloud.Server.Snapshot().PrivateZones);
    }

    [Fact]
    public async Task Unknown_zone_is_Zone_Invalid_Id()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Acs3(CloudClient.Pvtz, "DescribeZoneRecords", P("ZoneId", "nope"));

        Assert.Equal("Zone.Invalid.Id", answer.Code);
    }
}
