using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using AcrReach.Core.Planning;
using AcrReach.Functions.Hosting;
using AcrReach.LocalCloud;

namespace AcrReach.Cli.Tests.Commands;

public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_runs_the_function_host_against_a_local_cloud_end_to_end()
    {
        await using var cloud = await LocalCloudServer.StartAsync(InputFiles.ReadScenario(CliRun.Scenario("seed-hangzhou-shanghai")), new LocalCloudOptions { SettleTime = TimeSpan.FromMilliseconds(30) });
        var output = new StringWriter { NewLine = "\n" };
        using var stop = new CancellationTokenSource();
        var serving = Program.BuildRoot()
            .Parse(["serve", "--endpoint", cloud.Endpoint.ToString(), "--function", "sweep", "--port", "0"])
            .InvokeAsync(new InvocationConfiguration { Output = TextWriter.Synchronized(output), Error = TextWriter.Null }, stop.Token);

        var address = await ListeningAddressAsync(output, serving);
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "/invoke"))
        {
            Content = new StringContent("""{"triggerTime":"2026-11-20T04:00:00Z","triggerName":"compliance-sweep","payload":"repair"}"""),
        };

        // As on FC, each invocation carries the function role's credentials.
        request.Headers.Add("x-fc-access-key-id", LocalCloudOptions.DefaultAccessKeyId);
        request.Headers.Add("x-fc-access-key-secret", LocalCloudOptions.DefaultAccessKeySecret);
        using var response = await client.SendAsync(request);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        await stop.CancelAsync();

        Assert.Equal(0, await serving);
        Assert.Equal("200", Assert.Single(response.Headers.GetValues("x-fc-status")));
        Assert.Equal("Repaired", answer.RootElement.GetProperty("runs")[0].GetProperty("report").GetProperty("outcome").GetString());
        Assert.Empty(Planner.Plan(cloud.Snapshot()).Actions);
        Assert.Single(cloud.Messages("acr-reach-results"));
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
