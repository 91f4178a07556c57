using System.Collections.Immutable;
using System.Text.Json.Nodes;
using AcrReach.Cloud;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Endpoints;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Planning;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;
using AcrReach.Functions.Hosting;
using AcrReach.LocalCloud;
using AcrReach.TestSupport;

namespace AcrReach.Functions.Tests.Support;

/// <summary>
/// The host with the real engine (<see cref="ReachEngine"/>) over a local cloud, all in-process and over real
/// HTTP: events go to the host as FC sends them, with the function role's credentials in the <c>x-fc-*</c> headers
/// (the engine's client has no credentials of its own, so every cloud call is signed with the request's).
/// </summary>
internal sealed class CloudRig : IAsyncDisposable
{
    public const string Queue = HostConfig.DefaultQueue;

    /// <summary>The local cloud's key, as FC would hand over the role's STS credentials (any token is accepted for it).</summary>
    public static readonly ImmutableArray<(string Name, string Value)> RoleHeaders =
    [
        ("x-fc-access-key-id", LocalCloudOptions.DefaultAccessKeyId),
        ("x-fc-access-key-secret", LocalCloudOptions.DefaultAccessKeySecret),
        ("x-fc-security-token", "local-sts-token"),
        ("x-fc-region", "cn-hangzhou"),
        ("x-fc-account-id", "1234567890123456"),
    ];

    private CloudRig(LocalCloudServer cloud, CloudClientFactory factory)
    {
        Cloud = cloud;
        Factory = factory;
    }

    public LocalCloudServer Cloud { get; }

    public CloudClientFactory Factory { get; }

    public HostUnderTest Host { get; private set; } = null!;

    /// <summary>The client with the local cloud's key, for changes made behind AcrReach's back.</summary>
    public CloudApis Apis => Factory.Create(new StaticCredentialProvider(LocalCloudRig.LocalKey));

    /// <summary>The seed scenario (vpc-sh2 in Shanghai must reach cri-xxxxxx in Hangzhou).</summary>
    public static Account Seed() => Scenarios.Seed();

    /// <summary>A scenario of the planner's suite (tests/AcrReach.Core.Tests/Scenarios/Planning).</summary>
    public static Account Scenario(string name) => Scenarios.Load(name);

    public static async Task<CloudRig> StartAsync(
        FunctionKind function,
        Account? account = null,
        Func<HostConfig, HostConfig>? configure = null,
        Func<ReconcilerOptions, ReconcilerOptions>? runOptions = null,
        Func<LocalCloudOptions, LocalCloudOptions>? cloudOptions = null)
    {
        var settled = new LocalCloudOptions { SettleTime = TimeSpan.FromMilliseconds(30) };
        var cloud = await LocalCloudServer.StartAsync(account ?? Seed(), cloudOptions?.Invoke(settled) ?? settled);
        var factory = new CloudClientFactory(new CloudOptions
        {
            Endpoint = cloud.Endpoint,
            Retry = LocalCloudRig.QuickRetries,
            RateLimits = new RateLimitOptions { ReadQps = 500, WriteQps = 100, Burst = 20 },
        });
        var rig = new CloudRig(cloud, factory);
        var quickPolls = new ReconcilerOptions { ReadyPoll = TimeSpan.FromMilliseconds(20), MaxReadyPoll = TimeSpan.FromMilliseconds(100) };
        var runs = runOptions?.Invoke(quickPolls) ?? quickPolls;
        rig.Host = await HostUnderTest.StartAsync(
            function,
            config => configure?.Invoke(config with { Endpoint = cloud.Endpoint }) ?? config with { Endpoint = cloud.Endpoint },
            config => new ReachEngine(factory, EngineWiring.Options(config, runs)));
        return rig;
    }

    /// <summary>POST /invoke as FC sends an event, with the role's credentials (or <paramref name="headers"/> instead).</summary>
    public Task<HttpResponseMessage> InvokeAsync(string body, string requestId = "req-0001", IEnumerable<(string Name, string Value)>? headers = null) =>
        Host.InvokeAsync(body, requestId, headers ?? RoleHeaders);

    /// <summary>
    /// A correctly signed robot message, forwarded by the HTTP trigger with the role's credentials. The host's clock moves
    /// on a second first: a robot signs each message with its own timestamp (the same pair twice is a replay).
    /// </summary>
    public Task<HttpResponseMessage> ChatAsync(string content, string requestId = "chat-0001")
    {
        Host.Time.Advance(TimeSpan.FromSeconds(1));
        var request = Robot.Signed(Host, content, requestId: requestId);
        foreach (var (name, value) in RoleHeaders)
        {
            request.Headers.Add(name, value);
        }

        return Host.Client.SendAsync(request);
    }

    /// <summary>Calls that change the network since the counts were last reset.</summary>
    public int NetworkWriteCalls() => Cloud.Calls().Where(c => LocalCloudRig.NetworkWrites.Contains(c.Key)).Sum(c => c.Value);

    /// <summary>Every cloud call since the counts were last reset (the local cloud counts refused ones too).</summary>
    public int AllCalls() => Cloud.Calls().Values.Sum();

    /// <summary>The run messages on the results queue, decoded.</summary>
    public IReadOnlyList<JsonNode> Messages() => [.. Cloud.Messages(Queue).Select(m => JsonNode.Parse(m.DecodedBody ?? m.Body)!)];

    /// <summary>Routes carrying AcrReach's mark, as <c>table destination -> next hop</c>, sorted.</summary>
    public IReadOnlyList<string> MarkedRoutes()
    {
        var account = Cloud.Snapshot();
        return [.. account.Vpcs.SelectMany(v => v.RouteTables).SelectMany(t => t.Entries.Where(e => AcrReachMark.IsMarked(e.Name, e.Description)).Select(e => $"{t.Id} {Core.Addressing.Cidr.Format(e.Destination)} -> {e.NextHopId}"))
            .Concat(account.TransitRouters.SelectMany(r => r.RouteTables).SelectMany(t => t.Entries.Where(e => AcrReachMark.IsMarked(e.Name, e.Description)).Select(e => $"{t.Id} {Core.Addressing.Cidr.Format(e.Destination)} -> {e.NextHopId}")))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Nothing left to plan on the cloud as it is, and every required path reached.</summary>
    public void AssertConverged()
    {
        var account = Cloud.Snapshot();
        Assert.Empty(Planner.Plan(account).Actions);
        Assert.True(Planner.Verify(account).Reachable);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Factory.Dispose();
        await Cloud.DisposeAsync();
    }

    /// <summary>A recorded-shape event with its made-up ids replaced by the scenario's.</summary>
    public static string Event(string file, params (string Recorded, string Actual)[] ids) =>
        ids.Aggregate(EventFiles.Read(file), (text, id) => text.Replace(id.Recorded, id.Actual, StringComparison.Ordinal));

    /// <summary>attachment-vpc-created.json about the seed's consumer: vpc-sh2 attached to tr-sh as tr-attach-sh2.</summary>
    public static string SeedAttachmentEvent(string file = "attachment-vpc-created.json") =>
        Event(file, ("tr-attach-uf6vpc0001abcd", "tr-attach-sh2"), ("vpc-uf6consumer0001", "vpc-sh2"), ("tr-uf6a1b2c3d4e5f6g7h8i", "tr-sh"));
}
