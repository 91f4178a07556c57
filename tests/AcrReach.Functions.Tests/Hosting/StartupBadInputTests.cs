using System.Net;
using System.Net.Sockets;
using AcrReach.Functions.Hosting;

namespace AcrReach.Functions.Tests.Hosting;

/// <summary>
/// Bad configuration found at start, by <c>acr-reach serve</c> (exit 1) and by the FC <c>bootstrap</c> (non-zero): one
/// line on stderr naming the variable or file, never a stack trace.
/// </summary>
public sealed class StartupBadInputTests
{
    public static TheoryData<string, string, string> BadEnvironments() => new()
    {
        { "ACR_REACH_MAX_SCOPES", "fifty", "ACR_REACH_MAX_SCOPES" },
        { "ACR_REACH_REGIONS", "cn-hangzhou,x@127.0.0.1:1/#", "ACR_REACH_REGIONS" },
        { "ACR_REACH_REGIONS", "cn-\u202ehangzhou", "ACR_REACH_REGIONS" },
        { "FC_REGION", "cn-hangzhou/../x", "FC_REGION" },
        { "FC_ACCOUNT_ID", "123\u200b4", "FC_ACCOUNT_ID" },
        { "ACR_REACH_POLICY_FILE", PolicyFile("""{ "dataCenters": [null] }"""), "$.dataCenters[0]" },
        { "ACR_REACH_POLICY_FILE", PolicyFile("""{ "policy": { "ossRouteScope": "Address", "ossRouteScope": "PublishedRanges" } }"""), "duplicate key 'ossRouteScope'" },
        { "ACR_REACH_POLICY_FILE", "/nonexistent/acr-reach-policy.json", "cannot read the file" },
    };

    [Theory]
    [MemberData(nameof(BadEnvironments))]
    public async Task Serve_refuses_bad_configuration_with_one_line_and_exit_code_1(string variable, string value, string expected)
    {
        var environment = new Dictionary<string, string> { [variable] = value };
        var error = new StringWriter();

        // A host that wrongly starts is stopped, so the test fails instead of serving forever.
        using var soon = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        // The real engine wiring: the policy file is read as on FC.
        var exitCode = await LocalServe.RunAsync(new LocalServeOptions("sweep", null, 0, name => environment.GetValueOrDefault(name)), TextWriter.Null, error, soon.Token);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadEnvironments))]
    public async Task Bootstrap_refuses_bad_configuration_with_one_line_and_a_failing_exit_code(string variable, string value, string expected)
    {
        var environment = new Dictionary<string, string> { ["FC_FUNCTION_NAME"] = "acr-reach-sweep", ["FC_CUSTOM_LISTEN_PORT"] = "0", [variable] = value };
        var error = new StringWriter();

        // A host that wrongly starts is stopped, so the test fails instead of serving forever.
        using var soon = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var exitCode = await Program.RunAsync(name => environment.GetValueOrDefault(name), TextWriter.Null, error, soon.Token);

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("acr-reach function host: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_says_in_one_line_when_its_port_is_taken()
    {
        using var taken = new TcpListener(IPAddress.Any, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var environment = new Dictionary<string, string> { ["FC_FUNCTION_NAME"] = "acr-reach-sweep", ["FC_CUSTOM_LISTEN_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var error = new StringWriter();

        // A host that wrongly starts is stopped, so the test fails instead of serving forever.
        using var soon = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var exitCode = await Program.RunAsync(name => environment.GetValueOrDefault(name), TextWriter.Null, error, soon.Token);

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("acr-reach function host: ", line, StringComparison.Ordinal);
        Assert.Contains($"{port}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    private static string PolicyFile(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"acr-reach-policy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
