using System.Net;
using System.Net.Sockets;

namespace AcrReach.Cli.Tests.Commands;

/// <summary><c>local-cloud</c> and <c>serve</c> report bad input at start as every command does: one line, exit 1.</summary>
public sealed class LocalCloudBadInputTests
{
    private static void OneLine(CliRun run, string expected)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("listening on", run.Output, StringComparison.Ordinal);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scenario_with_a_null_vpc_names_the_file_and_the_path()
    {
        var path = CliRun.TempScenario("""{ "accountId": "1", "vpcs": [null] }""");

        var run = await CliRun.Invoke("local-cloud", "--scenario", path, "--port", "0");

        OneLine(run, $"{path}: $.vpcs[0]: ");
    }

    [Fact]
    public async Task A_scenario_with_a_duplicate_key_names_the_key()
    {
        var path = CliRun.TempScenario("""{ "accountId": "1", "accountId": "2" }""");

        var run = await CliRun.Invoke("local-cloud", "--scenario", path, "--port", "0");

        OneLine(run, $"{path}: $.accountId: duplicate key 'accountId'");
    }

    [Fact]
    public async Task A_missing_scenario_file_is_one_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"acr-reach-missing-{Guid.NewGuid():N}.json");

        var run = await CliRun.Invoke("local-cloud", "--scenario", path, "--port", "0");

        OneLine(run, $"{path}: $: cannot read the file");
    }

    [Fact]
    public async Task A_port_in_use_is_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await CliRun.Invoke("local-cloud", "--scenario", CliRun.Scenario("seed-hangzhou-shanghai"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        OneLine(run, $"--port: cannot listen on 127.0.0.1:{port}");
    }

    [Fact]
    public async Task A_port_out_of_range_is_one_line()
    {
        var run = await CliRun.Invoke("local-cloud", "--scenario", CliRun.Scenario("seed-hangzhou-shanghai"), "--port", "70000");

        OneLine(run, "--port");
    }

    [Fact]
    public async Task Serve_with_a_bad_endpoint_is_one_line()
    {
        var run = await CliRun.Invoke("serve", "--function", "sweep", "--endpoint", "not a url", "--port", "0");

        OneLine(run, "--endpoint");
    }

    [Fact]
    public async Task Serve_with_a_port_out_of_range_is_one_line()
    {
        var run = await CliRun.Invoke("serve", "--function", "sweep", "--port", "70000");

        OneLine(run, "--port");
    }
}
