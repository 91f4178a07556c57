using System.Net;
using AcrReach.Core;
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
    public async Task Bad_scenario_file_is_InvalidInputException_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "accountId": "1", "vpcs": [{ "id": "v", "region": "r", "cidrs": ["10.0.0.1/16"] }] }""");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => LocalCloudServer.StartAsync(path));
        File.Delete(path);

        Assert.Equal("$.vpcs[0].cidrs[0]", error.JsonPath);
        Assert.Equal(path, error.File);
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
