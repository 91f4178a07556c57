using System.Net;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.OpenApi;
using AcrReach.Core.Topology;
using AcrReach.Integration.Tests.Support;

namespace AcrReach.Integration.Tests.Cr;

/// <summary>Every Container Registry operation through the client, signed every way the client can sign.</summary>
public sealed class CrOperationTests
{
    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task ListInstance_answers_the_instances_of_the_clients_region(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var hangzhou = await rig.Apis.Cr(Rig.Hangzhou).ListInstanceAsync(new ListInstanceRequest());
        var shanghai = await rig.Apis.Cr(Rig.Shanghai).ListInstanceAsync(new ListInstanceRequest());

        Assert.Equal((true, "success", 1), (hangzhou.IsSuccess, hangzhou.Code, hangzhou.TotalCount));
        var instance = Assert.Single(hangzhou.Instances);
        Assert.Equal(("cri-xxxxxx", "xxxxxx", Rig.Hangzhou, "RUNNING"), (instance.InstanceId, instance.InstanceName, instance.RegionId, instance.InstanceStatus));
        Assert.Equal(["cri-shanghai"], shanghai.Instances.Select(i => i.InstanceId));
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task GetInstance_answers_the_instance_flat_with_numeric_times(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var answer = await rig.Apis.Cr(Rig.Hangzhou).GetInstanceAsync(new GetInstanceRequest { InstanceId = "cri-xxxxxx" });

        Assert.Equal((true, "success"), (answer.IsSuccess, answer.Code));
        Assert.Equal(("cri-xxxxxx", "xxxxxx", "RUNNING"), (answer.InstanceId, answer.InstanceName, answer.InstanceStatus));
        Assert.True(answer.CreateTime > 0);
        Assert.False(string.IsNullOrEmpty(answer.RequestId));
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task GetInstanceVpcEndpoint_answers_the_registry_domain_and_the_linked_vpcs(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var answer = await rig.Apis.Cr(Rig.Hangzhou).GetInstanceVpcEndpointAsync(new GetInstanceVpcEndpointRequest { InstanceId = "cri-xxxxxx", ModuleName = "Registry" });

        Assert.Equal((true, "Registry"), (answer.Enable, answer.ModuleName));
        Assert.Equal<string>(["xxxxxx-registry-vpc.cn-hangzhou.cr.aliyuncs.com"], answer.Domains);
        Assert.Equal([("vpc-hz1", "vsw-hz-cr", "10.94.205.198", "RUNNING")], answer.LinkedVpcs.Select(l => (l.VpcId, l.VswitchId, l.Ip, l.Status)));
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task CreateInstanceVpcEndpointLinkedVpc_links_a_vpc_with_the_first_free_address_of_its_vswitch(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);
        var cr = rig.Apis.Cr(Rig.Hangzhou);

        var answer = await cr.CreateInstanceVpcEndpointLinkedVpcAsync(new CreateInstanceVpcEndpointLinkedVpcRequest
        {
            InstanceId = "cri-xxxxxx", VpcId = "vpc-hz3", VswitchId = "vsw-hz3-a", ModuleName = "Registry",
        });

        Assert.Equal((true, "success"), (answer.IsSuccess, answer.Code));
        var linked = (await cr.GetInstanceVpcEndpointAsync(new GetInstanceVpcEndpointRequest { InstanceId = "cri-xxxxxx" })).LinkedVpcs;
        Assert.Contains(("vpc-hz3", "vsw-hz3-a", "10.96.1.3", "RUNNING"), linked.Select(l => (l.VpcId, l.VswitchId, l.Ip, l.Status)));
        Assert.Contains(new VpcEndpoint("vpc-hz3", "vsw-hz3-a", IPAddress.Parse("10.96.1.3")), rig.Server.Snapshot().FindRegistry("cri-xxxxxx")!.VpcEndpoints);
    }
}
