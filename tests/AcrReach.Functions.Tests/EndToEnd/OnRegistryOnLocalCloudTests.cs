using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.EndToEnd;

/// <summary>on-registry with the real engine on the local cloud, over real HTTP.</summary>
public sealed class OnRegistryOnLocalCloudTests
{
    [Theory]
    [InlineData("registry-created.json")]
    [InlineData("registry-vpc-endpoint-linked.json")]
    public async Task Makes_every_network_whose_policy_names_the_registry_reach_it(string file)
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnRegistry);

        using var response = await rig.InvokeAsync(CloudRig.Event(file, ("cri-hz0registry0001", "cri-xxxxxx")));

        Assert.Equal("200", response.FcStatus());
        var report = await response.RunReportAsync();
        Assert.Equal("Repaired", report.GetProperty("outcome").GetString());
        Assert.Equal(OnAttachmentOnLocalCloudTests.SeedRoutes, rig.MarkedRoutes());
        rig.AssertConverged();
        var message = Assert.Single(rig.Messages());
        Assert.Equal("on-registry", (string?)message["trigger"]);
        Assert.Equal("registry cri-xxxxxx in cn-hangzhou", (string?)message["scope"]);
    }

    [Fact]
    public async Task Handles_the_same_event_twice_with_no_write_the_second_time()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnRegistry);
        var body = CloudRig.Event("registry-created.json", ("cri-hz0registry0001", "cri-xxxxxx"));

        using var first = await rig.InvokeAsync(body, "r-1");
        rig.Cloud.ResetCalls();
        using var second = await rig.InvokeAsync(body, "r-2");

        Assert.Equal(["200", "200"], new[] { first.FcStatus(), second.FcStatus() });
        Assert.Equal(0, rig.NetworkWriteCalls());
        Assert.Equal("InSync", (await second.RunReportAsync()).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Reconciles_every_registry_of_the_region_when_the_event_names_none()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnRegistry);

        using var response = await rig.InvokeAsync(CloudRig.Event("registry-created-no-id.json", ("cn-beijing", "cn-hangzhou")));

        Assert.Equal("200", response.FcStatus());
        Assert.Equal("every registry in cn-hangzhou", Assert.Single((await response.JsonAsync()).GetProperty("runs").EnumerateArray()).GetProperty("scope").GetString());
        Assert.Equal(OnAttachmentOnLocalCloudTests.SeedRoutes, rig.MarkedRoutes());
    }
}
