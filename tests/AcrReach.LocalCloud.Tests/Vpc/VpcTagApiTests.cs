using System.Net;
using AcrReach.LocalCloud.Tests.Support;
using static AcrReach.LocalCloud.Tests.Support.Params;

namespace AcrReach.LocalCloud.Tests.Vpc;

/// <summary>VPC TagResources / UnTagResources / ListTagResources, with the parameter names of @alicloud/vpc20160428.</summary>
public sealed class VpcTagApiTests
{
    private static async Task<Dictionary<string, string>> Tags(Cloud cloud, string vpcId)
    {
        var answer = await cloud.Client.Acs3(CloudClient.Vpc, "ListTagResources", P("RegionId", "cn-shanghai", "ResourceType", "VPC", "ResourceId.1", vpcId));
        return answer.Json.GetProperty("TagResources").GetProperty("TagResource").EnumerateArray()
            .ToDictionary(t => t.GetProperty("TagKey").GetString()!, t => t.GetProperty("TagValue").GetString()!);
    }

    [Fact]
    public async Task UnTagResources_removes_the_reach_tag_and_discovery_no_longer_sees_it()
    {
        await using var cloud = await Cloud.StartAsync();
        var before = await Tags(cloud, "vpc-sh2");

        var removed = await cloud.Client.Acs3(CloudClient.Vpc, "UnTagResources", P("RegionId", "cn-shanghai", "ResourceType", "VPC", "ResourceId.1", "vpc-sh2", "TagKey.1", "acr-reach"));

        Assert.Equal("cri-xxxxxx", before["acr-reach"]);
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.False((await Tags(cloud, "vpc-sh2")).ContainsKey("acr-reach"));
        Assert.False(cloud.Server.Snapshot().FindVpc("vpc-sh2")!.Tags.ContainsKey("acr-reach"));
    }

    [Fact]
    public async Task TagResources_adds_or_replaces_tags_and_refuses_unknown_vpcs_and_types()
    {
        await using var cloud = await Cloud.StartAsync();

        var added = await cloud.Client.Acs3(CloudClient.Vpc, "TagResources", P("RegionId", "cn-shanghai", "ResourceType", "VPC", "ResourceId.1", "vpc-sh2", "Tag.1.Key", "acr-reach", "Tag.1.Value", "*", "Tag.2.Key", "team", "Tag.2.Value", "net"));
        var unknown = await cloud.Client.Acs3(CloudClient.Vpc, "TagResources", P("RegionId", "cn-shanghai", "ResourceType", "VPC", "ResourceId.1", "vpc-nope", "Tag.1.Key", "a", "Tag.1.Value", "b"));
        var otherType = await cloud.Client.Acs3(CloudClient.Vpc, "TagResources", P("RegionId", "cn-shanghai", "ResourceType", "EIP", "ResourceId.1", "eip-1", "Tag.1.Key", "a", "Tag.1.Value", "b"));

        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal(new Dictionary<string, string> { ["acr-reach"] = "*", ["team"] = "net" }, await Tags(cloud, "vpc-sh2"));
        Assert.Equal("InvalidResourceId.NotFound", unknown.Code);
        Assert.NotEqual(HttpStatusCode.OK, otherType.Status);
    }

    [Fact]
    public async Task ListTagResources_needs_a_resource_id_or_a_tag_filter()
    {
        await using var cloud = await Cloud.StartAsync();

        var neither = await cloud.Client.Acs3(CloudClient.Vpc, "ListTagResources", P("RegionId", "cn-shanghai", "ResourceType", "VPC"));
        var byTag = await cloud.Client.Acs3(CloudClient.Vpc, "ListTagResources", P("RegionId", "cn-hangzhou", "ResourceType", "VPC", "Tag.1.Key", "acr-reach"));

        Assert.Equal("MissingParameter", neither.Code);
        Assert.Equal(new[] { "vpc-hz3" }, byTag.Json.GetProperty("TagResources").GetProperty("TagResource").EnumerateArray().Select(t => t.GetProperty("ResourceId").GetString()!).ToArray());
    }
}
