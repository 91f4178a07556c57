using AcrReach.TestSupport;
using System.Net;
using System.Net.Sockets;
using AcrReach.EndToEnd.Tests.Support;

namespace AcrReach.EndToEnd.Tests.Acceptance;

public sealed class UnreachableEndpointTests
{
    [Fact]
    public async Task Apply_against_an_endpoint_nobody_listens_on_says_so_without_a_stack_trace_and_exits_non_zero()
    {
        var endpoint = $"http://127.0.0.1:{ClosedPort()}/";

        var run = await CliRun.Invoke("apply", "--endpoint", endpoint);

        // Nothing was read, nothing written: a failed run (2), not "only the message was lost" (3).
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cr:ListInstanceRegion: EndpointUnreachable: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("publishing to acr-reach-results failed: EndpointUnreachable: ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_with_a_key_the_cloud_refuses_names_the_code_and_says_what_to_check()
    {
        await using var engine = await LocalCloudRig.StartAsync(configure: options => options with { AccessKeyId = "a-key-nobody-has", AccessKeySecret = "its-secret" });

        var run = await CliRun.Invoke("apply", "--endpoint", engine.Cloud.Endpoint.ToString());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("InvalidAccessKeyId", run.Output, StringComparison.Ordinal);
        Assert.Contains("hint: the access key was refused: check ALIBABA_CLOUD_ACCESS_KEY_ID", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, engine.NetworkWriteCalls());
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_against_a_dead_endpoint_hints_at_the_endpoint()
    {
        var run = await CliRun.Invoke("apply", "--endpoint", $"http://127.0.0.1:{ClosedPort()}/");

        Assert.Contains("hint: nothing answers at the endpoint: check --endpoint", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_against_a_dead_endpoint_exits_2_not_3()
    {
        var run = await CliRun.Invoke("sweep", "--endpoint", $"http://127.0.0.1:{ClosedPort()}/");

        Assert.Equal(2, run.ExitCode);
    }

    /// <summary>A loopback port that was free a moment ago and has no listener now.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
