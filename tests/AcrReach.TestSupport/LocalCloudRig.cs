using System.Collections.Immutable;
using System.Text.Json.Nodes;
using AcrReach.Cloud;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Endpoints;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Topology;
using AcrReach.LocalCloud;

namespace AcrReach.TestSupport;

/// <summary>
/// A local cloud seeded from a scenario, in-process over real HTTP, and a client pointed at it: quick retries (the local
/// cloud asks for at most a second), generous rate limits, and the engine every trigger uses.
/// </summary>
public sealed class LocalCloudRig : IAsyncDisposable
{
    public static readonly RetryOptions QuickRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromSeconds(1), MaxRetryAttempts = 8 };

    public static readonly CloudCredentials LocalKey = new(LocalCloudOptions.DefaultAccessKeyId, LocalCloudOptions.DefaultAccessKeySecret);

    /// <summary>The cloud actions that change the network (every write but publishing a run's message).</summary>
    public static readonly ImmutableHashSet<string> NetworkWrites =
        [.. ApiCatalog.Operations.Where(o => o.Access == ApiAccess.Write && o.Product != CloudProduct.Mns).Select(o => o.Action)];

    private LocalCloudRig(LocalCloudServer cloud, CloudClientFactory factory)
    {
        Cloud = cloud;
        Factory = factory;
    }

    public LocalCloudServer Cloud { get; }

    /// <summary>The client; with <c>withKey</c>, it signs with the local cloud's key, else it has no credentials of its own.</summary>
    public CloudClientFactory Factory { get; }

    /// <summary>The client with the local cloud's key, for changes made behind AcrReach's back.</summary>
    public CloudApis Apis => Factory.Create(new StaticCredentialProvider(LocalKey));

    /// <param name="withKey">Give the client the local cloud's key (false: every call must bring its own, as an FC invocation's).</param>
    public static async Task<LocalCloudRig> StartAsync(Account account, Func<LocalCloudOptions, LocalCloudOptions>? configure = null, HttpMessageHandler? handler = null, bool withKey = true)
    {
        var options = new LocalCloudOptions { SettleTime = TimeSpan.FromMilliseconds(30) };
        var cloud = await LocalCloudServer.StartAsync(account, configure is null ? options : configure(options));
        var factory = new CloudClientFactory(
            new CloudOptions
            {
                Endpoint = cloud.Endpoint,
                Credentials = withKey ? new StaticCredentialProvider(LocalKey) : null,
                Retry = QuickRetries,
                RateLimits = new RateLimitOptions { ReadQps = 500, WriteQps = 100, Burst = 20 },
            },
            handler: handler);
        return new LocalCloudRig(cloud, factory);
    }

    public static Task<LocalCloudRig> StartAsync(string scenario = Scenarios.SeedName, Func<LocalCloudOptions, LocalCloudOptions>? configure = null, HttpMessageHandler? handler = null) =>
        StartAsync(Scenarios.Load(scenario), configure, handler);

    /// <summary>The engine over this cloud (the one the CLI and the function host use).</summary>
    public ReachEngine Engine(ReconcilerOptions? options = null) => new(Factory, options);

    /// <summary>A reconciler over this cloud, for tests of one stage (plan by plan id, status).</summary>
    public Reconciler Reconciler(ReconcilerOptions? options = null) => AcrReach.Cloud.Reconciliation.Reconciler.Create(Factory, null, options);

    public Task<ApplyReport> ApplyAsync(ReconcilerOptions? options = null, CancellationToken cancellationToken = default) =>
        Engine(options).ReconcileAsync(new ReconcileRequest(WholeAccount.Instance, "test", ReconcileMode.Repair), RunContext.Default, cancellationToken);

    public Task<ApplyReport> SweepAsync(ReconcilerOptions? options = null) =>
        Engine(options).ReconcileAsync(new ReconcileRequest(WholeAccount.Instance, "test", ReconcileMode.ReportOnly), RunContext.Default, CancellationToken.None);

    /// <summary>Calls that change the network since the counts were last reset.</summary>
    public int NetworkWriteCalls() => Cloud.Calls().Where(c => NetworkWrites.Contains(c.Key)).Sum(c => c.Value);

    /// <summary>Every cloud call since the counts were last reset (the local cloud counts refused ones too).</summary>
    public int AllCalls() => Cloud.Calls().Values.Sum();

    /// <summary>The run messages on a queue, decoded.</summary>
    public IReadOnlyList<JsonNode> Messages(string queue = ReconcilerOptions.DefaultQueue) =>
        [.. Cloud.Messages(queue).Select(m => JsonNode.Parse(m.DecodedBody ?? m.Body)!)];

    public async ValueTask DisposeAsync()
    {
        Factory.Dispose();
        await Cloud.DisposeAsync();
    }
}
