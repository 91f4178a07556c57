using System.Text.Json;
using AcrReach.Core.Scenarios;
using AcrReach.LocalCloud;

namespace AcrReach.Conformance.Tests;

/// <summary>One run of every conformance case against one local cloud, shared by all the tests that report on it.</summary>
public sealed class ConformanceRun : IAsyncLifetime
{
    public Dictionary<string, JsonElement> Results { get; private set; } = [];

    public string Output { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        if (NodeConformance.EnsureInstalled() is { } problem)
        {
            Output = problem;
            return;
        }

        // Long enough that a write made right after another still finds it pending on a busy two-core machine.
        var options = new LocalCloudOptions { SettleTime = TimeSpan.FromMilliseconds(1500) };
        var scenario = Path.Combine(NodeConformance.Directory, "scenario.json");
        await using var cloud = await LocalCloudServer.StartAsync(ScenarioReader.Read(File.ReadAllBytes(scenario), scenario), options);
        var (_, output) = await Task.Run(() => NodeConformance.RunScript([], new Dictionary<string, string>
        {
            ["LOCAL_CLOUD_ENDPOINT"] = cloud.Endpoint.ToString(),
            ["LOCAL_CLOUD_ACCESS_KEY_ID"] = options.AccessKeyId,
            ["LOCAL_CLOUD_ACCESS_KEY_SECRET"] = options.AccessKeySecret,
            ["LOCAL_CLOUD_QUEUE"] = options.QueueName,
            ["LOCAL_CLOUD_ACCOUNT_ID"] = cloud.AccountId,
        }));
        Output = output;
        Results = NodeConformance.Cases(output);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
