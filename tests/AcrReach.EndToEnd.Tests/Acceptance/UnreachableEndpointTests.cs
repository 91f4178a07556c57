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

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("cr:ListInstanceRegion: EndpointUnreachable: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("publishing to acr-reach-results failed: EndpointUnreachable: ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
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
