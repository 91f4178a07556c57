namespace AcrReach.Cli.Tests.Commands;

/// <summary>What a person (or an acceptance check) learns from <c>acr-reach local-cloud --help</c> alone.</summary>
public sealed class LocalCloudHelpTests
{
    [Fact]
    public async Task Help_names_the_default_key_and_every_control_endpoint_with_the_fault_body()
    {
        var run = await CliRun.Invoke("local-cloud", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[default: local-access-key-id]", run.Output, StringComparison.Ordinal);
        Assert.Contains("[default: local-access-key-secret]", run.Output, StringComparison.Ordinal);
        foreach (var endpoint in new[] { "GET /_local/state", "GET /_local/policy", "GET /_local/queues/NAME", "GET /_local/calls", "POST /_local/faults", "PUT /_local/resolve" })
        {
            Assert.Contains(endpoint, run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("""{"action": "CreateRouteEntry" or "*", "count": 2, "code": "TaskConflict", "httpStatus": 400}""", run.Output, StringComparison.Ordinal);
        Assert.Contains("""{"region": "cn-hangzhou", "name": "oss-cn-hangzhou-internal.aliyuncs.com", "address": "100.118.28.99"}""", run.Output, StringComparison.Ordinal);
    }
}
