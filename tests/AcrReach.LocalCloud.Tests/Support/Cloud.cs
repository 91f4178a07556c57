using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;
using Microsoft.Extensions.Time.Testing;

namespace AcrReach.LocalCloud.Tests.Support;

/// <summary>A local cloud on a fake clock, seeded from the two-region scenario, with a signed client: one per test.</summary>
public sealed class Cloud : IAsyncDisposable
{
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    private Cloud(LocalCloudServer server, FakeTimeProvider time)
    {
        Server = server;
        Time = time;
        Client = new CloudClient(server, time);
    }

    public LocalCloudServer Server { get; }

    public FakeTimeProvider Time { get; }

    public CloudClient Client { get; }

    public static Account Scenario()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Support", "two-regions.json");
        return ScenarioReader.Read(File.ReadAllBytes(path), path);
    }

    public static async Task<Cloud> StartAsync(Func<LocalCloudOptions, LocalCloudOptions>? configure = null, Account? account = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
        var options = new LocalCloudOptions { TimeProvider = time, SettleTime = Settle };
        var server = await LocalCloudServer.StartAsync(account ?? Scenario(), configure is null ? options : configure(options));
        return new Cloud(server, time);
    }

    /// <summary>Lets the asynchronous operations started so far settle.</summary>
    public void Wait() => Time.Advance(Settle + TimeSpan.FromMilliseconds(1));

    public CloudClient ClientWith(string? accessKeyId = null, string? secret = null) =>
        new(Server, Time) { AccessKeyId = accessKeyId ?? LocalCloudOptions.DefaultAccessKeyId, Secret = secret ?? LocalCloudOptions.DefaultAccessKeySecret };

    public string State() => ScenarioWriter.Write(Server.Snapshot());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
