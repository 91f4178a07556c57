using AcrReach.Cloud;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.OpenApi;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;
using AcrReach.LocalCloud;
using Microsoft.Extensions.Time.Testing;

namespace AcrReach.Integration.Tests.Support;

/// <summary>
/// The real client (<see cref="CloudClientFactory"/>) against an in-process <see cref="LocalCloudServer"/> over real
/// HTTP on loopback: one per test. By default the local cloud settles at once and has no QPS limits, and the client
/// retries a few times with tiny delays and has no client-side rate limit, so only what a test turns on happens.
/// </summary>
public sealed class Rig : IAsyncDisposable
{
    public const string Hangzhou = "cn-hangzhou";
    public const string Shanghai = "cn-shanghai";

    /// <summary>Retries fast enough for a test suite, and enough of them to ride out a few refusals.</summary>
    public static readonly RetryOptions FastRetries = new()
    {
        MaxRetryAttempts = 4,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    public static readonly RetryOptions NoRetries = FastRetries with { MaxRetryAttempts = 0 };

    public static readonly CloudCredentials AccessKey = new(LocalCloudOptions.DefaultAccessKeyId, LocalCloudOptions.DefaultAccessKeySecret);

    public static readonly CloudCredentials StsToken = new(LocalCloudOptions.DefaultAccessKeyId, LocalCloudOptions.DefaultAccessKeySecret, "CAIS-sts-token-for-tests");

    private Rig(LocalCloudServer server, CloudClientFactory factory, FakeTimeProvider? clock)
    {
        Server = server;
        Factory = factory;
        Clock = clock;
        Apis = factory.Create();
    }

    public LocalCloudServer Server { get; }

    public CloudClientFactory Factory { get; }

    public CloudApis Apis { get; }

    /// <summary>The local cloud's clock, when the test asked for a fake one (it starts at the real time, so signatures stay in their window).</summary>
    public FakeTimeProvider? Clock { get; }

    /// <summary>The small two-region scenario most tests use.</summary>
    public static Account TwoRegions()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Support", "two-regions.json");
        return ScenarioReader.Read(File.ReadAllBytes(path), path);
    }

    /// <summary>A fake clock for the local cloud, starting now.</summary>
    public static FakeTimeProvider FakeClock() => new(TimeProvider.System.GetUtcNow());

    public static async Task<Rig> StartAsync(
        Account? account = null,
        Func<LocalCloudOptions, LocalCloudOptions>? cloud = null,
        Func<CloudOptions, CloudOptions>? client = null,
        HttpMessageHandler? handler = null)
    {
        var cloudOptions = new LocalCloudOptions
        {
            SettleTime = TimeSpan.Zero,
            Qps = new Dictionary<string, int> { ["*"] = 0 },
        };
        cloudOptions = cloud?.Invoke(cloudOptions) ?? cloudOptions;
        var server = await LocalCloudServer.StartAsync(account ?? TwoRegions(), cloudOptions);
        var clientOptions = new CloudOptions
        {
            Endpoint = server.Endpoint,
            Credentials = new StaticCredentialProvider(AccessKey),
            Retry = FastRetries,
            RateLimits = new RateLimitOptions { Enabled = false },
        };
        clientOptions = client?.Invoke(clientOptions) ?? clientOptions;
        var factory = new CloudClientFactory(clientOptions, handler: handler);
        return new Rig(server, factory, cloudOptions.TimeProvider as FakeTimeProvider);
    }

    /// <summary>Another set of APIs on the same factory, calling with other credentials.</summary>
    public CloudApis With(CloudCredentials credentials) => Factory.Create(new StaticCredentialProvider(credentials));

    /// <summary>How many calls of <paramref name="action"/> the local cloud received (refused ones included).</summary>
    public int Calls(string action) => Server.Calls().GetValueOrDefault(action);

    /// <summary>The local cloud's state as a scenario document: equal strings mean nothing changed.</summary>
    public string State() => ScenarioWriter.Write(Server.Snapshot());

    /// <summary>Moves the fake clock past the settle time so asynchronous operations complete.</summary>
    public void Settle()
    {
        var clock = Clock ?? throw new InvalidOperationException("this rig runs on the real clock");
        clock.Advance(Server.Options.SettleTime + TimeSpan.FromMilliseconds(1));
    }

    public async ValueTask DisposeAsync()
    {
        Factory.Dispose();
        await Server.DisposeAsync();
    }
}
