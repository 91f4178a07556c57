using System.Net;
using System.Text.RegularExpressions;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;
using AcrReach.LocalCloud;
using AcrReach.TestSupport;

namespace AcrReach.Functions.Tests.Hosting;

/// <summary>What <c>acr-reach serve</c> runs (the CLI command only parses its options into these).</summary>
public sealed partial class LocalServeTests
{
    [Fact]
    public async Task Prints_the_listening_line_once_ready_serves_the_function_and_stops_when_cancelled()
    {
        var engine = new FakeReachEngine();
        HostConfig? seen = null;
        var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var options = new LocalServeOptions("sweep", "http://127.0.0.1:18080", 0, _ => null, config =>
        {
            seen = config;
            return engine;
        });

        var serving = LocalServe.RunAsync(options, TextWriter.Synchronized(output), TextWriter.Null, stop.Token);
        var address = await ListeningAddressAsync(output, serving);
        using var client = new HttpClient();
        using var response = await client.PostAsync(new Uri(address, "/invoke"), new StringContent(EventFiles.Read("timer-sweep-repair.json")));
        await stop.CancelAsync();

        Assert.Equal(0, await serving);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(engine.Reconciles);
        Assert.Equal(FunctionKind.Sweep, seen!.Function);
        Assert.Equal(new Uri("http://127.0.0.1:18080"), seen.Endpoint);
        Assert.Single(output.ToString().Split('\n'), line => line.StartsWith("listening on ", StringComparison.Ordinal));
        Assert.Equal($"listening on http://127.0.0.1:{address.Port}", output.ToString().Split('\n')[0]);
    }

    [Fact]
    public async Task Serves_a_function_with_the_real_engine_against_a_local_cloud()
    {
        await using var cloud = await LocalCloudServer.StartAsync(CloudRig.Seed(), new LocalCloudOptions { SettleTime = TimeSpan.FromMilliseconds(30) });
        var environment = new Dictionary<string, string>
        {
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = LocalCloudOptions.DefaultAccessKeyId,
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = LocalCloudOptions.DefaultAccessKeySecret,
        };
        var output = new StringWriter();
        using var stop = new CancellationTokenSource();

        // What `acr-reach serve --endpoint URL --function sweep --port 0` runs; the engine is the one FC gets.
        var serving = LocalServe.RunAsync(new LocalServeOptions("sweep", cloud.Endpoint.ToString(), 0, name => environment.GetValueOrDefault(name)), TextWriter.Synchronized(output), TextWriter.Null, stop.Token);
        var address = await ListeningAddressAsync(output, serving);
        using var client = new HttpClient();
        using var report = await client.PostAsync(new Uri(address, "/invoke"), new StringContent(EventFiles.Read("timer-sweep-report.json")));
        using var repair = await client.PostAsync(new Uri(address, "/invoke"), new StringContent(EventFiles.Read("timer-sweep-repair.json")));
        await stop.CancelAsync();

        Assert.Equal(0, await serving);
        Assert.Equal(("200", "DriftReported"), (report.FcStatus(), (await report.RunReportAsync()).GetProperty("outcome").GetString()));
        Assert.Equal(("200", "Repaired"), (repair.FcStatus(), (await repair.RunReportAsync()).GetProperty("outcome").GetString()));
        Assert.Equal(2, cloud.Messages(HostConfig.DefaultQueue).Count);
        Assert.Empty(Core.Planning.Planner.Plan(cloud.Snapshot()).Actions);
    }

    [Fact]
    public async Task Takes_the_function_from_the_environment_as_on_function_compute()
    {
        HostConfig? seen = null;
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var environment = new Dictionary<string, string> { ["FC_FUNCTION_NAME"] = "acr-reach-chatops", ["ACR_REACH_CHAT_APP_SECRET"] = "SECx" };
        var options = new LocalServeOptions(null, null, 0, name => environment.GetValueOrDefault(name), config =>
        {
            seen = config;
            return new FakeReachEngine();
        });

        var serving = LocalServe.RunAsync(options, TextWriter.Synchronized(output), TextWriter.Null, stop.Token);
        await ListeningAddressAsync(output, serving);
        await stop.CancelAsync();

        Assert.Equal(0, await serving);
        Assert.Equal(FunctionKind.Chatops, seen!.Function);
        Assert.Equal("SECx", seen.ChatAppSecret);
    }

    [Theory]
    [InlineData(null, null, 0, "FC_FUNCTION_NAME: is not set")]
    [InlineData("sweep", "not a url", 0, "--endpoint")]
    [InlineData("sweep", null, 70000, "--port")]
    public async Task Refuses_bad_input_with_one_line_and_exit_code_1(string? function, string? endpoint, int port, string expected)
    {
        var error = new StringWriter();

        var exitCode = await LocalServe.RunAsync(new LocalServeOptions(function, endpoint, port, _ => null, _ => new FakeReachEngine()), TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Says_so_when_the_port_is_taken()
    {
        await using var first = await HostUnderTest.StartAsync(FunctionKind.Sweep);
        var error = new StringWriter();

        var exitCode = await LocalServe.RunAsync(new LocalServeOptions("sweep", null, first.Address.Port, _ => null, _ => new FakeReachEngine()), TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains($"cannot listen on 127.0.0.1:{first.Address.Port}", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_served_against_a_local_cloud_registers_itself_and_receives_async_invocations()
    {
        await using var cloud = await LocalCloudServer.StartAsync(CloudRig.Seed(), new LocalCloudOptions { SettleTime = TimeSpan.FromMilliseconds(30) });
        var engine = new FakeReachEngine();
        var output = new StringWriter();
        var errors = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = LocalServe.RunAsync(new LocalServeOptions("sweep-worker", cloud.Endpoint.ToString(), 0, _ => null, _ => engine), TextWriter.Synchronized(output), TextWriter.Synchronized(errors), stop.Token);
        await ListeningAddressAsync(output, serving);
        for (var i = 0; i < 250 && !await RegisteredAsync(cloud, "acr-reach-sweep-worker"); i++)
        {
            await Task.Delay(20);
        }

        using var factory = new AcrReach.Cloud.CloudClientFactory(new AcrReach.Cloud.CloudOptions { Endpoint = cloud.Endpoint, Credentials = new AcrReach.Cloud.Credentials.StaticCredentialProvider(LocalCloudRig.LocalKey) });
        var shard = """{"sweepId":"sweep-local","index":1,"count":1,"mode":"ReportOnly","region":"cn-shanghai"}"""u8.ToArray();
        var answer = await factory.Create().Fc(cloud.AccountId, "cn-hangzhou").InvokeFunctionAsync(new AcrReach.Cloud.Fc.InvokeFunctionRequest("acr-reach-sweep-worker", shard));
        for (var i = 0; i < 250 && engine.Reconciles.IsEmpty; i++)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await serving);
        Assert.Equal(202, answer.StatusCode);
        var request = Assert.Single(engine.Reconciles);
        Assert.Equal(("sweep-local", "region cn-shanghai"), (request.SweepId, request.Scope.Describe()));
        Assert.Equal(string.Empty, errors.ToString());
    }

    [Fact]
    public async Task A_worker_served_against_a_local_cloud_runs_under_the_deployments_reserved_concurrency()
    {
        await using var cloud = await LocalCloudServer.StartAsync(CloudRig.Seed(), new LocalCloudOptions { SettleTime = TimeSpan.FromMilliseconds(30) });
        var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = LocalServe.RunAsync(new LocalServeOptions("sweep-worker", cloud.Endpoint.ToString(), 0, _ => null, _ => new FakeReachEngine()), TextWriter.Synchronized(output), TextWriter.Null, stop.Token);
        await ListeningAddressAsync(output, serving);
        for (var i = 0; i < 250 && !await RegisteredAsync(cloud, "acr-reach-sweep-worker"); i++)
        {
            await Task.Delay(20);
        }

        using var client = new HttpClient();
        var functions = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri(cloud.Endpoint, "/_local/functions"))).RootElement.GetProperty("functions").EnumerateArray().ToList();
        await stop.CancelAsync();
        await serving;

        var deployed = (int)AcrReach.Functions.Tests.Deploy.DeploymentFiles.DevsFunctions[FunctionKind.SweepWorker]["concurrencyConfig"]!["reservedConcurrency"]!;
        var worker = functions.Single(f => f.GetProperty("name").GetString() == "acr-reach-sweep-worker");
        Assert.Equal(deployed, worker.GetProperty("reservedConcurrency").GetInt32());
    }

    [Fact]
    public async Task Other_functions_served_against_a_local_cloud_reserve_no_concurrency()
    {
        await using var cloud = await LocalCloudServer.StartAsync(CloudRig.Seed(), new LocalCloudOptions { SettleTime = TimeSpan.FromMilliseconds(30) });
        var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = LocalServe.RunAsync(new LocalServeOptions("on-attachment", cloud.Endpoint.ToString(), 0, _ => null, _ => new FakeReachEngine()), TextWriter.Synchronized(output), TextWriter.Null, stop.Token);
        await ListeningAddressAsync(output, serving);
        for (var i = 0; i < 250 && !await RegisteredAsync(cloud, "acr-reach-on-attachment"); i++)
        {
            await Task.Delay(20);
        }

        using var client = new HttpClient();
        var functions = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri(cloud.Endpoint, "/_local/functions"))).RootElement.GetProperty("functions").EnumerateArray().ToList();
        await stop.CancelAsync();
        await serving;

        var attachment = functions.Single(f => f.GetProperty("name").GetString() == "acr-reach-on-attachment");
        Assert.False(attachment.TryGetProperty("reservedConcurrency", out _));
    }

    private static async Task<bool> RegisteredAsync(LocalCloudServer cloud, string name)
    {
        using var client = new HttpClient();
        return (await client.GetStringAsync(new Uri(cloud.Endpoint, "/_local/functions"))).Contains($"\"{name}\"", StringComparison.Ordinal);
    }

    private static async Task<Uri> ListeningAddressAsync(StringWriter output, Task<int> serving)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!timeout.IsCancellationRequested)
        {
            if (ListeningLine().Match(output.ToString()) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }

            Assert.False(serving.IsCompleted, $"serve ended early: {output}");
            await Task.Delay(20, CancellationToken.None);
        }

        throw new TimeoutException("no listening line");
    }

    [GeneratedRegex(@"^listening on (http://127\.0\.0\.1:\d+)$", RegexOptions.Multiline)]
    private static partial Regex ListeningLine();
}
