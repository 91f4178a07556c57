using AcrReach.Cloud.Pvtz;
using AcrReach.Cloud.Tests.Support;

namespace AcrReach.Cloud.Tests.Pvtz;

/// <summary>Each PrivateZone operation (platform.md §7): central endpoint, wrapped lists, TotalItems paging.</summary>
public sealed class PvtzApiTests : IDisposable
{
    private readonly TestCloud _cloud = new();

    private IPvtzApi Pvtz => _cloud.Apis.Pvtz;

    private Dictionary<string, string> SentParameters => Wire.OperationParameters(_cloud.LastSent);

    public void Dispose() => _cloud.Dispose();

    [Fact]
    public async Task Describe_zones_reads_zones_zone()
    {
        _cloud.Handler.ThenJson("""
            { "RequestId": "R", "TotalItems": 1, "TotalPages": 1, "PageNumber": 1, "PageSize": 100,
              "Zones": { "Zone": [{ "ZoneId": "zone-1", "ZoneName": "cr.aliyuncs.com", "RecordCount": 2, "ProxyPattern": "RECORD", "IsPtr": false,
                                     "CreateTimestamp": 1704164645000, "UpdateTime": "2024-01-02T03:04:05Z" }] } }
            """);

        var response = await Pvtz.DescribeZonesAsync(new DescribeZonesRequest { Keyword = "cr.aliyuncs.com", SearchMode = "EXACT", QueryVpcId = "vpc-sh2", PageSize = 100 });

        Assert.Equal("pvtz.aliyuncs.com", _cloud.LastSent.Header("host"));
        Assert.Equal("2018-01-01", _cloud.LastSent.Header("x-acs-version"));
        Assert.Equal(new Dictionary<string, string> { ["Keyword"] = "cr.aliyuncs.com", ["SearchMode"] = "EXACT", ["QueryVpcId"] = "vpc-sh2", ["PageSize"] = "100" }, SentParameters);
        var zone = Assert.Single(response.Zones.Zone);
        Assert.Equal(("zone-1", "cr.aliyuncs.com", 2, "RECORD"), (zone.ZoneId, zone.ZoneName, zone.RecordCount, zone.ProxyPattern));
        Assert.Equal(1, response.TotalItems);
    }

    [Fact]
    public async Task Describe_zone_info_reads_the_bound_vpcs()
    {
        _cloud.Handler.ThenJson("""
            { "RequestId": "R", "ZoneId": "zone-1", "ZoneName": "cr.aliyuncs.com", "ProxyPattern": "RECORD",
              "BindVpcs": { "Vpc": [{ "VpcId": "vpc-hz1", "RegionId": "cn-hangzhou", "VpcName": "a", "RegionName": "Hangzhou", "VpcUserId": "1" }] } }
            """);

        var response = await Pvtz.DescribeZoneInfoAsync(new DescribeZoneInfoRequest { ZoneId = "zone-1" });

        Assert.Equal(new Dictionary<string, string> { ["ZoneId"] = "zone-1" }, SentParameters);
        Assert.Equal(("vpc-hz1", "cn-hangzhou"), (response.BindVpcs.Vpc[0].VpcId, response.BindVpcs.Vpc[0].RegionId));
    }

    [Fact]
    public async Task Add_zone_with_a_client_token()
    {
        _cloud.Handler.ThenJson("""{ "RequestId": "R", "ZoneId": "zone-new", "ZoneName": "cn-hangzhou.cr.aliyuncs.com", "Success": true }""");

        var response = await Pvtz.AddZoneAsync(new AddZoneRequest { ZoneName = "cn-hangzhou.cr.aliyuncs.com", ProxyPattern = "RECORD" });

        Assert.Equal(new Dictionary<string, string> { ["ZoneName"] = "cn-hangzhou.cr.aliyuncs.com", ["ProxyPattern"] = "RECORD" }, SentParameters);
        Assert.True(_cloud.LastSent.Query.ContainsKey("ClientToken"));
        Assert.Equal(("zone-new", true), (response.ZoneId, response.Success));
    }

    [Fact]
    public async Task Describe_zone_records_reads_records_record()
    {
        _cloud.Handler.ThenJson("""
            { "RequestId": "R", "TotalItems": 1, "TotalPages": 1, "PageNumber": 1, "PageSize": 100,
              "Records": { "Record": [{ "RecordId": 1234567, "Rr": "xxxxxx-registry-vpc", "Type": "A", "Value": "10.94.205.198", "Ttl": 60, "Status": "ENABLE" }] } }
            """);

        var response = await Pvtz.DescribeZoneRecordsAsync(new DescribeZoneRecordsRequest { ZoneId = "zone-1", PageNumber = 1, PageSize = 100 });

        Assert.Equal(new Dictionary<string, string> { ["ZoneId"] = "zone-1", ["PageNumber"] = "1", ["PageSize"] = "100" }, SentParameters);
        var record = Assert.Single(response.Records.Record);
        Assert.Equal((1234567L, "xxxxxx-registry-vpc", "A", "10.94.205.198", 60), (record.RecordId!.Value, record.Rr, record.Type, record.Value, record.Ttl!.Value));
    }

    [Fact]
    public async Task Add_zone_record()
    {
        _cloud.Handler.ThenJson("""{ "RequestId": "R", "RecordId": "7654321", "Success": true }""");

        var response = await Pvtz.AddZoneRecordAsync(new AddZoneRecordRequest { ZoneId = "zone-1", Rr = "*", Type = "A", Value = "10.0.0.1", Ttl = 60, Remark = "测试 a~b" });

        Assert.Equal(
            new Dictionary<string, string> { ["ZoneId"] = "zone-1", ["Rr"] = "*", ["Type"] = "A", ["Value"] = "10.0.0.1", ["Ttl"] = "60", ["Remark"] = "测试 a~b" },
            SentParameters);
        Assert.Contains("Remark=%E6%B5%8B%E8%AF%95%20a~b", _cloud.LastSent.RawQuery, StringComparison.Ordinal);
        Assert.Contains("Rr=%2A", _cloud.LastSent.RawQuery, StringComparison.Ordinal);
        Assert.Equal(7654321L, response.RecordId);
        Assert.Equal(Wire.ExpectedAuthorization(_cloud.LastSent, "testid", "testsecret"), _cloud.LastSent.Header("authorization"));
    }

    [Fact]
    public async Task Bind_zone_vpc_sends_the_whole_set()
    {
        _cloud.Handler.ThenJson("""{ "RequestId": "R-B" }""");

        var response = await Pvtz.BindZoneVpcAsync(new BindZoneVpcRequest
        {
            ZoneId = "zone-1",
            Vpcs = [new ZoneVpc { RegionId = "cn-hangzhou", VpcId = "vpc-hz1" }, new ZoneVpc { RegionId = "cn-shanghai", VpcId = "vpc-sh2" }],
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["ZoneId"] = "zone-1",
                ["Vpcs.1.RegionId"] = "cn-hangzhou",
                ["Vpcs.1.VpcId"] = "vpc-hz1",
                ["Vpcs.2.RegionId"] = "cn-shanghai",
                ["Vpcs.2.VpcId"] = "vpc-sh2",
            },
            _cloud.LastSent.Query.ToDictionary(p => p.Key, p => p.Value));
        Assert.Equal("R-B", response.RequestId);
    }

    [Fact]
    public async Task Null_lists_parse_as_empty()
    {
        _cloud.Handler.ThenJson("""{ "Zones": { "Zone": null } }""");

        Assert.Empty((await Pvtz.DescribeZonesAsync(new DescribeZonesRequest())).Zones.Zone);
    }
}
