using System.Net;
using AcrReach.Cloud.Apply;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Tests.Apply;

public sealed class PrivateZonePlanningTests
{
    [Theory]
    [InlineData("xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com", "xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com", "@")]
    [InlineData("dockerauth-vpc.cn-hangzhou.aliyuncs.com", "dockerauth-vpc.cn-hangzhou.aliyuncs.com", "@")]
    [InlineData("oss-cn-hangzhou-internal.aliyuncs.com", "oss-cn-hangzhou-internal.aliyuncs.com", "@")]
    [InlineData("*.oss-cn-hangzhou-internal.aliyuncs.com", "oss-cn-hangzhou-internal.aliyuncs.com", "*")]
    [InlineData("my-layers.oss-cn-hangzhou-internal.aliyuncs.com", "oss-cn-hangzhou-internal.aliyuncs.com", "my-layers")]
    public void Each_name_goes_to_the_zone_of_its_registry_domain(string name, string zone, string rr) =>
        Assert.Equal((zone, rr), PrivateZonePlanning.ZoneOf(name));

    [Fact]
    public void Records_of_vpcs_are_grouped_by_zone_and_bound_to_those_vpcs_and_data_center_records_are_left_out()
    {
        var vpc = new Core.Topology.Vpc("vpc-sh2", "cn-shanghai", [], System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty, [], []);
        var account = new Account("1", [vpc], [], [], RegionalEndpoints.Empty, System.Collections.Immutable.ImmutableSortedDictionary<string, System.Collections.Immutable.ImmutableArray<System.Net.IPNetwork>>.Empty, [], ReachPolicy.Default);
        var oss = IPAddress.Parse("100.118.28.43");
        var plan = new Plan("plan-x", [], [
            new DnsRecord("*.oss-cn-hangzhou-internal.aliyuncs.com", oss, "vpc-sh2"),
            new DnsRecord("oss-cn-hangzhou-internal.aliyuncs.com", oss, "vpc-sh2"),
            new DnsRecord("oss-cn-hangzhou-internal.aliyuncs.com", oss, "idc-bj"),
        ], []);

        var change = Assert.Single(PrivateZonePlanning.For(plan, account));

        Assert.Equal("oss-cn-hangzhou-internal.aliyuncs.com", change.ZoneName);
        Assert.Equal<ZoneRecordChange>([new("*", "A", "100.118.28.43"), new("@", "A", "100.118.28.43")], change.Records.AsEnumerable());
        Assert.Equal<ZoneBinding>([new("vpc-sh2", "cn-shanghai")], change.Vpcs.AsEnumerable());
    }

    [Fact]
    public void The_registry_record_of_a_vpc_linked_to_the_instance_is_left_to_container_registry()
    {
        var empty = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty;
        var routed = new Core.Topology.Vpc("vpc-sh2", "cn-shanghai", [], empty, [], []);
        var linked = new Core.Topology.Vpc("vpc-hz2", "cn-hangzhou", [], empty, [], []);
        var registry = new Registry("cri-x", "xxxxxx", "cn-hangzhou", [new VpcEndpoint("vpc-hz1", "vsw-cr", IPAddress.Parse("10.94.205.198")), new VpcEndpoint("vpc-hz2", "vsw-hz2", IPAddress.Parse("10.50.1.3"))], false, null, null);
        var account = new Account("1", [linked, routed], [], [registry], RegionalEndpoints.Empty, System.Collections.Immutable.ImmutableSortedDictionary<string, System.Collections.Immutable.ImmutableArray<System.Net.IPNetwork>>.Empty, [], ReachPolicy.Default);
        var plan = new Plan("plan-x", [], [
            new DnsRecord("xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com", IPAddress.Parse("10.50.1.3"), "vpc-hz2"),
            new DnsRecord("xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com", IPAddress.Parse("10.94.205.198"), "vpc-sh2"),
        ], []);

        var change = Assert.Single(PrivateZonePlanning.For(plan, account));

        Assert.Equal<ZoneRecordChange>([new("@", "A", "10.94.205.198")], change.Records.AsEnumerable());
        Assert.Equal<ZoneBinding>([new("vpc-sh2", "cn-shanghai")], change.Vpcs.AsEnumerable());
    }
}
