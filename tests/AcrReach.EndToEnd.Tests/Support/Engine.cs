using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using AcrReach.Cloud;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;
using AcrReach.LocalCloud;

namespace AcrReach.EndToEnd.Tests.Support;

/// <summary>
/// A local cloud seeded from a scenario and the engine pointed at it over real HTTP: the client with the local cloud's
/// credentials, quick retries (the local cloud asks for at most a second), and the local cloud's call counts.
/// </summary>
public sealed class Engine : IAsyncDisposable
{
    public static readonly RetryOptions QuickRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromSeconds(1), MaxRetryAttempts = 8 };

    private Engine(LocalCloudServer cloud, CloudClientFactory factory)
    {
        Cloud = cloud;
        Factory = factory;
    }

    public LocalCloudServer Cloud { get; }

    public CloudClientFactory Factory { get; }

    public CloudApis Apis => Factory.Create();

    public static Account Scenario(string name) => ScenarioReader.ReadFile(ScenarioPath(name));

    /// <summary>A scenario of the planner's suite (tests/AcrReach.Core.Tests/Scenarios/Planning).</summary>
    public static string ScenarioPath(string name) => Path.Combine(RepositoryRoot(), "tests", "AcrReach.Core.Tests", "Scenarios", "Planning", name + ".json");

    public static IEnumerable<string> ScenarioNames() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "tests", "AcrReach.Core.Tests", "Scenarios", "Planning"), "*.json")
            .Where(f => !f.EndsWith(".plan.json", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f)!)
            .Order(StringComparer.Ordinal);

    public static async Task<Engine> StartAsync(string scenario = "seed-hangzhou-shanghai", Func<LocalCloudOptions, LocalCloudOptions>? configure = null, HttpMessageHandler? handler = null) =>
        await StartAsync(Scenario(scenario), configure, handler);

    public static async Task<Engine> StartAsync(Account account, Func<LocalCloudOptions, LocalCloudOptions>? configure = null, HttpMessageHandler? handler = null)
    {
        var options = new LocalCloudOptions { SettleTime = TimeSpan.FromMilliseconds(30) };
        var cloud = await LocalCloudServer.StartAsync(account, configure is null ? options : configure(options));
        var factory = new CloudClientFactory(
            new CloudOptions
            {
                Endpoint = cloud.Endpoint,
                Credentials = new StaticCredentialProvider(new CloudCredentials(LocalCloudOptions.DefaultAccessKeyId, LocalCloudOptions.DefaultAccessKeySecret)),
                Retry = QuickRetries,
                RateLimits = new RateLimitOptions { ReadQps = 500, WriteQps = 100, Burst = 20 },
            },
            handler: handler);
        return new Engine(cloud, factory);
    }

    public Reconciler Reconciler(ReconcilerOptions? options = null) =>
        Cloud.Reconciler(Factory, options);

    public Task<ApplyReport> ApplyAsync(ReconcilerOptions? options = null, CancellationToken cancellationToken = default) =>
        Reconciler(options).RunAsync(new ReconcileRequest(WholeAccount.Instance, "test", ReconcileMode.Repair), cancellationToken);

    public Task<ApplyReport> SweepAsync(ReconcilerOptions? options = null) =>
        Reconciler(options).RunAsync(new ReconcileRequest(WholeAccount.Instance, "test", ReconcileMode.ReportOnly));

    /// <summary>Calls of the write actions since the counts were last reset.</summary>
    public int Writes() => Cloud.Calls().Where(c => WriteActions.Contains(c.Key)).Sum(c => c.Value);

    public static readonly ImmutableHashSet<string> WriteActions = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "CreateRouteEntry", "DeleteRouteEntry", "CreateTransitRouterRouteEntry", "DeleteTransitRouterRouteEntry",
        "CreateInstanceVpcEndpointLinkedVpc", "AddZone", "AddZoneRecord", "BindZoneVpc");

    public async ValueTask DisposeAsync()
    {
        Factory.Dispose();
        await Cloud.DisposeAsync();
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}

internal static class LocalCloudExtensions
{
    public static Reconciler Reconciler(this LocalCloudServer cloud, CloudClientFactory factory, ReconcilerOptions? options = null) =>
        Cloud.Reconciliation.Reconciler.Create(factory, null, options ?? new ReconcilerOptions());
}
