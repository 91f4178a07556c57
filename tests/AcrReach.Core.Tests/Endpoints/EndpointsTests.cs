using AcrReach.Core.Addressing;
using AcrReach.Core.Endpoints;
using AcrReach.Core.Tests.Support;

namespace AcrReach.Core.Tests.Endpoints;

public class EndpointsTests
{
    [Fact]
    public void Names_follow_the_documented_patterns()
    {
        Assert.Equal("xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com", EndpointNames.Registry("xxxxxx", "cn-hangzhou"));
        Assert.Equal("dockerauth-vpc.cn-hangzhou.aliyuncs.com", EndpointNames.Auth("cn-hangzhou"));
        Assert.Equal("oss-cn-hangzhou-internal.aliyuncs.com", EndpointNames.Oss("cn-hangzhou"));
        Assert.Equal("team.oss-cn-hangzhou-internal.aliyuncs.com", EndpointNames.OssBucket("team", "cn-hangzhou"));
        Assert.Equal("*.oss-cn-hangzhou-internal.aliyuncs.com", EndpointNames.OssWildcard("cn-hangzhou"));
    }

    [Fact]
    public void Published_vip_table_ships_every_region_of_the_reference()
    {
        Assert.Equal(22, OssVipRanges.Published.Count);
        Assert.Equal(["100.98.170.0/24", "100.114.102.0/24", "100.118.28.0/24", "100.118.31.0/24"], OssVipRanges.Published["cn-hangzhou"].Select(Cidr.Format));
        Assert.Equal(["100.114.114.128/25"], OssVipRanges.Published["eu-west-1"].Select(Cidr.Format));
        Assert.All(OssVipRanges.Published.Values.SelectMany(r => r), range => Assert.True(Cidr.CloudServices.ContainsNetwork(range)));
    }

    [Fact]
    public void Account_override_replaces_the_published_ranges_of_its_region()
    {
        var account = Golden.Load("published-ranges-host-routes");

        Assert.Equal(["100.114.102.0/24", "100.118.28.0/24"], OssVipRanges.For(account, "cn-hangzhou").Select(Cidr.Format));
        Assert.Equal(OssVipRanges.Published["cn-shanghai"], OssVipRanges.For(account, "cn-shanghai"));
        Assert.Empty(OssVipRanges.For(account, "xx-nowhere-1"));
    }
}
