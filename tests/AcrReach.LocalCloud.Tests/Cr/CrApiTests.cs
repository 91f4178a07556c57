using System.Net;
using AcrReach.LocalCloud.Tests.Support;
using static AcrReach.LocalCloud.Tests.Support.Params;

namespace AcrReach.LocalCloud.Tests.Cr;

public sealed class CrApiTests
{
    [Fact]
    public async Task ListInstance_pages_by_PageNo_and_carries_IsSuccess()
    {
        await using var cloud = await Cloud.StartAsync();

        var json = (await cloud.Client.Acs3(CloudClient.Cr, "ListInstance", P("PageNo", "1", "PageSize", "30"))).Json;
        var otherRegion = (await cloud.Client.Acs3(CloudClient.Cr, "ListInstance", P("RegionId", "cn-shanghai"))).Json;

        Assert.True(json.GetProperty("IsSuccess").GetBoolean());
        Assert.Equal("success", json.GetProperty("Code").GetString());
        Assert.Equal(1, json.GetProperty("PageNo").GetInt32());
        Assert.Equal("cri-xxxxxx", json.GetProperty("Instances")[0].GetProperty("InstanceId").GetString());
        Assert.Equal(0, otherRegion.GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task ListInstanceRegion_answers_every_region_of_the_scenario()
    {
        await using var cloud = await Cloud.StartAsync();

        var json = (await cloud.Client.Acs3(CloudClient.Cr, "ListInstanceRegion", P())).Json;

        Assert.True(json.GetProperty("IsSuccess").GetBoolean());
        Assert.Equal(["cn-hangzhou", "cn-shanghai"], json.GetProperty("Regions").EnumerateArray().Select(r => r.GetProperty("RegionId").GetString()));
    }

    [Fact]
    public async Task A_custom_bucket_and_an_oss_privatelink_address_are_instance_tags()
    {
        var account = Cloud.Scenario();
        account = account with { Registries = [account.Registries[0] with { OssBucket = "my-layers", OssPrivateLinkIp = System.Net.IPAddress.Parse("10.94.205.200") }] };
        await using var cloud = await Cloud.StartAsync(account: account);

        var listed = (await cloud.Client.Acs3(CloudClient.Cr, "ListInstance", P())).Json.GetProperty("Instances")[0];
        var got = (await cloud.Client.Acs3(CloudClient.Cr, "GetInstance", P("InstanceId", "cri-xxxxxx"))).Json;

        foreach (var instance in new[] { listed, got })
        {
            var tags = instance.GetProperty("Tags").EnumerateArray().ToDictionary(t => t.GetProperty("TagKey").GetString()!, t => t.GetProperty("TagValue").GetString());
            Assert.Equal(new Dictionary<string, string?> { ["acr-reach-oss-bucket"] = "my-layers", ["acr-reach-oss-privatelink-ip"] = "10.94.205.200" }, tags);
        }
    }

    [Fact]
    public async Task Unknown_instance_is_IsSuccess_false_on_http_200()
    {
        await using var cloud = await Cloud.StartAsync();

        var answer = await cloud.Client.Acs3(CloudClient.Cr, "GetInstance", P("InstanceId", "cri-nope"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(answer.Json.GetProperty("IsSuccess").GetBoolean());
        Assert.Equal("INSTANCE_NOT_EXIST", answer.Code);
    }

    [Fact]
    public async Task Region_comes_from_a_regional_host_name_when_no_RegionId_is_sent()
    {
        await using var cloud = await Cloud.StartAsync();
        var call = new Acs3Call(CloudClient.Cr, "ListInstance", P(), LocalCloudOptions.DefaultAccessKeySecret, LocalCloudOptions.DefaultAccessKeyId, cloud.Time.GetUtcNow(), "n-host");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        var headers = new Dictionary<string, string>
        {
            ["host"] = "cr.cn-shanghai.aliyuncs.com", ["x-acs-action"] = "ListInstance", ["x-acs-version"] = CloudClient.Cr,
            ["x-acs-date"] = call.Date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["x-acs-signature-nonce"] = call.Nonce, ["x-acs-content-sha256"] = TestSigner.Sha256Hex([]),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", TestSigner.Acs3Authorization("POST", string.Empty, headers, TestSigner.Sha256Hex([]), call.AccessKeyId, call.Secret));
        var answer = await cloud.Client.Send(request);

        Assert.Equal(0, answer.Json.GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task GetInstanceVpcEndpoint_answers_the_vpc_domain_and_linked_vpcs()
    {
        await using var cloud = await Cloud.StartAsync();

        var json = (await cloud.Client.Acs3(CloudClient.Cr, "GetInstanceVpcEndpoint", P("InstanceId", "cri-xxxxxx", "ModuleName", "Registry"))).Json;

        Assert.Equal("xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com", json.GetProperty("Domains")[0].GetString());
        var link = json.GetProperty("LinkedVpcs")[0];
        Assert.Equal(("vpc-hz1", "vsw-hz-cr", "10.94.205.198", "RUNNING"), (link.GetProperty("VpcId").GetString(), link.GetProperty("VswitchId").GetString(), link.GetProperty("Ip").GetString(), link.GetProperty("Status").GetString()));
    }

    [Fact]
    public async Task Linking_a_vpc_is_CREATING_then_RUNNING_with_an_address_of_the_vswitch()
    {
        await using var cloud = await Cloud.StartAsync();

        var created = await cloud.Client.Acs3(CloudClient.Cr, "CreateInstanceVpcEndpointLinkedVpc", P("InstanceId", "cri-xxxxxx", "VpcId", "vpc-hz3", "VswitchId", "vsw-hz3-a", "ModuleName", "Registry"));
        var creating = (await cloud.Client.Acs3(CloudClient.Cr, "GetInstanceVpcEndpoint", P("InstanceId", "cri-xxxxxx"))).Json.GetProperty("LinkedVpcs")[1];
        cloud.Wait();
        var running = (await cloud.Client.Acs3(CloudClient.Cr, "GetInstanceVpcEndpoint", P("InstanceId", "cri-xxxxxx"))).Json.GetProperty("LinkedVpcs")[1];

        Assert.True(created.Json.GetProperty("IsSuccess").GetBoolean());
        Assert.Equal("CREATING", creating.GetProperty("Status").GetString());
        Assert.Equal(("RUNNING", "10.96.1.3"), (running.GetProperty("Status").GetString(), running.GetProperty("Ip").GetString()));
        Assert.Contains(cloud.Server.Snapshot().FindRegistry("cri-xxxxxx")!.VpcEndpoints, e => e.VpcId == "vpc-hz3");
    }

    [Theory]
    [InlineData("vpc-hz1", "vsw-hz-j", "INSTANCE_VPC_ENDPOINT_ALREADY_EXIST")]
    [InlineData("vpc-sh2", "vsw-sh-m", "VPC_NOT_EXIST")]
    [InlineData("vpc-hz3", "vsw-hz-j", "VSWITCH_NOT_EXIST")]
    public async Task Refused_links_are_IsSuccess_false_and_change_nothing(string vpc, string vswitch, string code)
    {
        await using var cloud = await Cloud.StartAsync();
        var before = cloud.State();

        var answer = await cloud.Client.Acs3(CloudClient.Cr, "CreateInstanceVpcEndpointLinkedVpc", P("InstanceId", "cri-xxxxxx", "VpcId", vpc, "VswitchId", vswitch));

        Assert.Equal((HttpStatusCode.OK, false, code), (answer.Status, answer.Json.GetProperty("IsSuccess").GetBoolean(), answer.Code));
        Assert.Equal(before, cloud.State());
    }
}
