using System.Net;
using AcrReach.LocalCloud.Tests.Support;

namespace AcrReach.LocalCloud.Tests;

public sealed class LocalCloudServerTests
{
    [Fact]
    public async Task Port_zero_picks_a_free_loopback_port_and_two_clouds_run_side_by_side()
    {
        await using var first = await LocalCloudServer.StartAsync(Cloud.Scenario());
        await using var second = await LocalCloudServer.StartAsync(Cloud.Scenario());

        Assert.Equal("127.0.0.1", first.Endpoint.Host);
        Assert.NotEqual(0, first.Port);
        Assert.NotEqual(first.Port, second.Port);
        Assert.Equal("1234567890123456", first.AccountId);
    }

    [Fact]
    public async Task Configured_credentials_replace_the_defaults()
    {
        await using var cloud = await Cloud.StartAsync(o => o with { AccessKeyId = "my-id", AccessKeySecret = "my-secret" });

        var defaults = await cloud.Client.Acs3(CloudClient.Vpc, "DescribeVpcs", Params.P("RegionId", "cn-hangzhou"));
        var configured = await cloud.ClientWith("my-id", "my-secret").Acs3(CloudClient.Vpc, "DescribeVpcs", Params.P("RegionId", "cn-hangzhou"));

        Assert.Equal("InvalidAccessKeyId.NotFound", defaults.Code);
        Assert.Equal(HttpStatusCode.OK, configured.Status);
    }
}
