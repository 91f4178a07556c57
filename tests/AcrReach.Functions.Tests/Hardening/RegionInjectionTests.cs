using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.Hardening;

// The outside review put "x@127.0.0.1:PORT/#" as an event's region: with the real endpoints, https://vpc.x@127.0.0.1:PORT/#...
// sends the signed request (and its STS token) to a host of the event's choosing.
public sealed class RegionInjectionTests
{
    [Theory]
    [InlineData("attachment-vpc-created.json", FunctionKind.OnAttachment)]
    [InlineData("registry-created.json", FunctionKind.OnRegistry)]
    public async Task An_event_whose_region_is_not_a_region_id_is_malformed_and_sends_nothing_anywhere(string file, FunctionKind function)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var node = EventFiles.Node(file);
        node["data"]!["acsRegion"] = $"x@127.0.0.1:{port}/#";
        if (node["data"]!["requestParameters"] is JsonObject parameters)
        {
            parameters["RegionId"] = $"x@127.0.0.1:{port}/#";
        }

        // The real engine, on the real endpoints (no override): only the region could steer a request to the listener.
        await using var host = await HostUnderTest.StartAsync(function, engine: EngineWiring.Create);
        using var response = await host.InvokeAsync(node.ToJsonString(), headers: CloudRig.RoleHeaders);

        Assert.Equal("404", response.FcStatus());
        var error = Assert.Single((await response.JsonAsync()).GetProperty("errors").EnumerateArray());
        Assert.Equal("MalformedEvent", error.GetProperty("code").GetString());
        Assert.Contains("is not a region id", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.False(listener.Pending(), "a connection reached the port the event named");
    }

    [Fact]
    public async Task A_region_header_that_is_not_a_region_id_is_refused_before_any_run()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep);

        using var response = await host.InvokeAsync(EventFiles.Read("timer-sweep-report.json"), headers: [("x-fc-region", "evil.example.com/")]);

        Assert.Equal("404", response.FcStatus());
        Assert.Contains("is not a region id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, host.Engine.CallCount);
    }
}
