using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Tests.Planning;

public sealed class RouteReasonTests
{
    private static readonly ServedEndpoint Auth = new(EndpointKind.Auth, "dockerauth-vpc.cn-hangzhou.aliyuncs.com", Cidr.Parse("100.103.7.181/32"));
    private static readonly ServedEndpoint Oss = new(EndpointKind.Oss, "oss-cn-hangzhou-internal.aliyuncs.com", Cidr.Parse("100.118.28.43/32"));

    [Fact]
    public void Endpoints_are_named_registry_auth_oss_whatever_order_they_come_in()
    {
        var registry = new ServedEndpoint(EndpointKind.Registry, "xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com", Cidr.Parse("10.94.205.198/32"));

        var reason = RouteReason.For("cri-x", "vpc-a", [Oss, Auth, registry, Auth]);

        Assert.Equal("registry xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com (10.94.205.198), auth dockerauth-vpc.cn-hangzhou.aliyuncs.com (100.103.7.181) and OSS oss-cn-hangzhou-internal.aliyuncs.com (100.118.28.43) of cri-x for vpc-a", reason);
    }

    [Fact]
    public void Ranges_of_one_endpoint_are_listed_together_by_address()
    {
        var reason = RouteReason.For("cri-x", "vpc-a", [Oss with { Destination = Cidr.Parse("100.118.28.0/24") }, Oss with { Destination = Cidr.Parse("100.98.170.0/24") }]);

        Assert.Equal("OSS oss-cn-hangzhou-internal.aliyuncs.com (100.98.170.0/24, 100.118.28.0/24) of cri-x for vpc-a", reason);
    }

    [Fact]
    public void Too_long_for_the_description_drops_addresses_then_names_but_never_the_registry_and_source()
    {
        var longName = new string('r', 80) + "-registry-vpc.cn-hangzhou.cr.aliyuncs.com";
        var registry = new ServedEndpoint(EndpointKind.Registry, longName, Cidr.Parse("10.94.205.198/32"));

        var withoutAddresses = RouteReason.For("cri-x", "vpc-a", [registry, Auth]);
        var labelsOnly = RouteReason.For("cri-x", "vpc-a", [registry, Auth, Oss]);

        Assert.Equal($"registry {longName} and auth dockerauth-vpc.cn-hangzhou.aliyuncs.com of cri-x for vpc-a", withoutAddresses);
        Assert.Equal("registry, auth and OSS of cri-x for vpc-a", labelsOnly);
        Assert.All([withoutAddresses, labelsOnly], r => Assert.True(r.Length <= AcrReachMark.MaxReasonLength));
    }
}
