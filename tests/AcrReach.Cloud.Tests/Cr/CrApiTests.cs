using AcrReach.Cloud.Cr;
using AcrReach.Cloud.Tests.Support;

namespace AcrReach.Cloud.Tests.Cr;

/// <summary>Each Container Registry operation (cloud-apis.md §3): regional endpoint, plain arrays, Code/IsSuccess.</summary>
public sealed class CrApiTests : IDisposable
{
    private readonly TestCloud _cloud = new();

    private ICrApi Cr => _cloud.Apis.Cr("cn-hangzhou");

    private Dictionary<string, string> SentParameters => Wire.OperationParameters(_cloud.LastSent);

    public void Dispose() => _cloud.Dispose();

    [Fact]
    public async Task List_instance_pages_with_page_no_and_reads_instances()
    {
        _cloud.Handler.ThenJson("""
            {
              "Code": "success", "IsSuccess": true, "RequestId": "R", "PageNo": 1, "PageSize": 30, "TotalCount": "1",
              "Instances": [{
                "InstanceId": "cri-1", "InstanceName": "xxxxxx", "InstanceSpecification": "Enterprise_Standard", "InstanceStatus": "RUNNING",
                "RegionId": "cn-hangzhou", "CreateTime": "1704164645000", "ModifiedTime": "1704164645000",
                "Tags": [{ "TagKey": "acr-reach", "TagValue": "yes" }]
              }]
            }
            """);

        var response = await Cr.ListInstanceAsync(new ListInstanceRequest { PageNo = 1, PageSize = 30, InstanceStatus = "RUNNING" });

        Assert.Equal("cr.cn-hangzhou.aliyuncs.com", _cloud.LastSent.Header("host"));
        Assert.Equal("2018-12-01", _cloud.LastSent.Header("x-acs-version"));
        Assert.Equal(new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou", ["PageNo"] = "1", ["PageSize"] = "30", ["InstanceStatus"] = "RUNNING" }, SentParameters);
        Assert.Equal((true, 1), (response.IsSuccess, response.TotalCount));
        var instance = Assert.Single(response.Instances);
        Assert.Equal(("cri-1", "xxxxxx", "RUNNING", "cn-hangzhou", "1704164645000"), (instance.InstanceId, instance.InstanceName, instance.InstanceStatus, instance.RegionId, instance.CreateTime));
        Assert.Equal(("acr-reach", "yes"), (instance.Tags[0].TagKey, instance.Tags[0].TagValue));
    }

    [Fact]
    public async Task List_instance_region_reads_the_regions_container_registry_serves()
    {
        _cloud.Handler.ThenJson("""
            { "Code": "success", "IsSuccess": true, "RequestId": "R",
              "Regions": [{ "RegionId": "cn-hangzhou", "LocalName": "China (Hangzhou)" }, { "RegionId": "cn-shanghai", "LocalName": "China (Shanghai)" }] }
            """);

        var response = await Cr.ListInstanceRegionAsync(new ListInstanceRegionRequest { Lang = "en-US" });

        Assert.Equal("cr.cn-hangzhou.aliyuncs.com", _cloud.LastSent.Header("host"));
        Assert.Equal(new Dictionary<string, string> { ["Lang"] = "en-US" }, SentParameters);
        Assert.Equal(["cn-hangzhou", "cn-shanghai"], response.Regions.Select(r => r.RegionId));
    }

    [Fact]
    public async Task Get_instance_reads_the_flat_answer_with_numeric_times()
    {
        _cloud.Handler.ThenJson("""
            { "Code": "success", "IsSuccess": true, "RequestId": "R", "InstanceId": "cri-1", "InstanceName": "xxxxxx",
              "InstanceSpecification": "Enterprise_Basic", "InstanceStatus": "RUNNING", "CreateTime": 1704164645000, "ModifiedTime": 1704164645001 }
            """);

        var response = await Cr.GetInstanceAsync(new GetInstanceRequest { InstanceId = "cri-1" });

        Assert.Equal(new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou", ["InstanceId"] = "cri-1" }, SentParameters);
        Assert.Equal(("cri-1", "RUNNING", 1704164645000L), (response.InstanceId, response.InstanceStatus, response.CreateTime!.Value));
    }

    [Fact]
    public async Task Get_instance_vpc_endpoint_reads_domains_and_linked_vpcs()
    {
        _cloud.Handler.ThenJson("""
            {
              "Code": "success", "IsSuccess": true, "RequestId": "R", "Enable": true, "ModuleName": "Registry",
              "Domains": ["xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com"],
              "LinkedVpcs": [
                { "VpcId": "vpc-hz1", "VswitchId": "vsw-hz-cr", "Ip": "10.94.205.198", "Status": "RUNNING", "DefaultAccess": false },
                { "VpcId": "vpc-hz2", "VswitchId": "vsw-2", "Ip": "10.1.0.5", "Status": "CREATING", "Issue": "PRIVATE_ZONE_CONFLICT_AT_zone-1" }
              ]
            }
            """);

        var response = await Cr.GetInstanceVpcEndpointAsync(new GetInstanceVpcEndpointRequest { InstanceId = "cri-1", ModuleName = "Registry" });

        Assert.Equal(new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou", ["InstanceId"] = "cri-1", ["ModuleName"] = "Registry" }, SentParameters);
        Assert.Equal<string>(["xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com"], response.Domains);
        Assert.Equal(
            [("vpc-hz1", "vsw-hz-cr", "10.94.205.198", "RUNNING", null), ("vpc-hz2", "vsw-2", "10.1.0.5", "CREATING", "PRIVATE_ZONE_CONFLICT_AT_zone-1")],
            response.LinkedVpcs.Select(l => (l.VpcId, l.VswitchId, l.Ip, l.Status, l.Issue)));
    }

    [Fact]
    public async Task Create_instance_vpc_endpoint_linked_vpc_sends_no_client_token()
    {
        _cloud.Handler.ThenJson("""{ "Code": "success", "IsSuccess": true, "RequestId": "R-L" }""");

        var response = await Cr.CreateInstanceVpcEndpointLinkedVpcAsync(new CreateInstanceVpcEndpointLinkedVpcRequest
        {
            InstanceId = "cri-1",
            VpcId = "vpc-sh2",
            VswitchId = "vsw-sh-m",
            ModuleName = "Registry",
            EnableCreateDNSRecordInPvzt = false,
        });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["RegionId"] = "cn-hangzhou",
                ["InstanceId"] = "cri-1",
                ["VpcId"] = "vpc-sh2",
                ["VswitchId"] = "vsw-sh-m",
                ["ModuleName"] = "Registry",
                ["EnableCreateDNSRecordInPvzt"] = "false",
            },
            _cloud.LastSent.Query.ToDictionary(p => p.Key, p => p.Value));
        Assert.Equal(("success", "R-L"), (response.Code, response.RequestId));
    }

    [Fact]
    public async Task Cr_calls_carry_the_clients_region_so_one_endpoint_override_can_tell_regions_apart()
    {
        // Regression: through --endpoint every CR call reached the local cloud without its region, and a region's
        // ListInstance answered the instances of every region.
        _cloud.Handler.ThenJson("""{ "IsSuccess": true, "TotalCount": 0, "Instances": [] }""");
        _cloud.Handler.ThenJson("""{ "IsSuccess": true, "TotalCount": 0, "Instances": [] }""");

        await _cloud.Apis.Cr("cn-shanghai").ListInstanceAsync(new ListInstanceRequest());
        var ownRegion = _cloud.LastSent;
        await _cloud.Apis.Cr("cn-shanghai").ListInstanceAsync(new ListInstanceRequest { RegionId = "cn-beijing" });

        Assert.Equal("cn-shanghai", Wire.OperationParameters(ownRegion)["RegionId"]);
        Assert.Equal("cn-beijing", SentParameters["RegionId"]);
    }

    [Fact]
    public async Task Numbers_and_booleans_where_strings_are_documented_keep_their_text()
    {
        _cloud.Handler.ThenJson("""{ "IsSuccess": true, "TotalCount": 1, "Instances": [{ "InstanceId": "cri-1", "CreateTime": 1704164645000, "InstanceIssue": false }] }""");

        var instance = Assert.Single((await Cr.ListInstanceAsync(new ListInstanceRequest())).Instances);

        Assert.Equal(("1704164645000", "false"), (instance.CreateTime, instance.InstanceIssue));
    }

    [Fact]
    public async Task Null_lists_parse_as_empty()
    {
        _cloud.Handler.ThenJson("""{ "IsSuccess": true, "Domains": null, "LinkedVpcs": null }""");

        var response = await Cr.GetInstanceVpcEndpointAsync(new GetInstanceVpcEndpointRequest { InstanceId = "cri-1" });

        Assert.Empty(response.Domains);
        Assert.Empty(response.LinkedVpcs);
    }
}
