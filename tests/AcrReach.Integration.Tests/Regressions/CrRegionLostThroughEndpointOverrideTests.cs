using AcrReach.Cloud.Cr;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Paging;
using AcrReach.Integration.Tests.Support;

namespace AcrReach.Integration.Tests.Regressions;

/// <summary>
/// Bug: CR is regional by endpoint only (its requests named no region), so through one endpoint override every
/// region's CR client reached the same local cloud without saying which region it meant: Shanghai's ListInstance
/// answered Hangzhou's registry too, and a Shanghai client could read and link a Hangzhou instance. Fixed in the
/// client: every CR call carries RegionId (as alibaba-cloud-sdk-go sends on every RPC call).
/// </summary>
public sealed class CrRegionLostThroughEndpointOverrideTests
{
    [Fact]
    public async Task Each_regions_cr_client_lists_only_that_regions_instances()
    {
        await using var rig = await Rig.StartAsync();

        var hangzhou = await rig.Apis.Cr(Rig.Hangzhou).ListAllInstancesAsync().ToImmutableArrayAsync();
        var shanghai = await rig.Apis.Cr(Rig.Shanghai).ListAllInstancesAsync().ToImmutableArrayAsync();

        Assert.Equal(["cri-xxxxxx"], hangzhou.Select(i => i.InstanceId));
        Assert.Equal(["cri-shanghai"], shanghai.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task A_cr_client_of_another_region_cannot_read_or_link_the_instance()
    {
        await using var rig = await Rig.StartAsync();
        var before = rig.State();
        var shanghai = rig.Apis.Cr(Rig.Shanghai);

        var read = await Assert.ThrowsAsync<CloudApiException>(() => shanghai.GetInstanceVpcEndpointAsync(new GetInstanceVpcEndpointRequest { InstanceId = "cri-xxxxxx" }));
        var link = await Assert.ThrowsAsync<CloudApiException>(() => shanghai.CreateInstanceVpcEndpointLinkedVpcAsync(new CreateInstanceVpcEndpointLinkedVpcRequest
        {
            InstanceId = "cri-xxxxxx", VpcId = "vpc-hz3", VswitchId = "vsw-hz3-a",
        }));

        Assert.Equal(("INSTANCE_NOT_EXIST", "INSTANCE_NOT_EXIST"), (read.Code, link.Code));
        Assert.Equal(before, rig.State());
    }
}
