using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AcrReach.Cloud;
using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Topology;
using AcrReach.Functions.Hosting;
using AcrReach.LocalCloud;

namespace AcrReach.Sweep.Benchmarks;

/// <summary>
/// A local cloud serving an account with latency on every call and its per-API QPS limits, and function hosts (the real
/// FC host, in this process, over loopback HTTP) whose engine paces each API at 90% of the cloud's limit. Invocations
/// carry the role's credentials in the x-fc-* headers, as FC sends them.
/// </summary>
internal sealed class BenchRig : IAsyncDisposable
{
    private readonly List<FunctionHost> _hosts = [];
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private BenchRig(LocalCloudServer cloud, CloudClientFactory factory) => (Cloud, Factory) = (cloud, factory);

    public LocalCloudServer Cloud { get; }

    public CloudClientFactory Factory { get; }

    public static IReadOnlyDictionary<string, int> ServerQps => LocalCloudOptions.DefaultQps;

    public static async Task<BenchRig> StartAsync(Account account, int latencyMs, TimeSpan settle)
    {
        var cloud = await LocalCloudServer.StartAsync(account, new LocalCloudOptions { LatencyMs = latencyMs, SettleTime = settle, AsyncRetryDelay = TimeSpan.FromSeconds(1) });
        var factory = new CloudClientFactory(new CloudOptions
        {
            Endpoint = cloud.Endpoint,
            RateLimits = new RateLimitOptions
            {
                Burst = 2,
                PerAction = ApiCatalog.Operations.Where(o => ServerQps.ContainsKey(o.Action)).ToImmutableDictionary(o => o.RamAction, o => ServerQps[o.Action] * 0.9),
            },
        });
        return new BenchRig(cloud, factory);
    }

    /// <summary>The FC host of <paramref name="function"/> on a free loopback port, its engine over this rig's client.</summary>
    public async Task<Uri> StartHostAsync(FunctionKind function, Func<HostConfig, HostConfig>? configure = null)
    {
        var config = new HostConfig { Function = function, Port = 0, Endpoint = Cloud.Endpoint, Region = "cn-hangzhou", AccountId = Cloud.AccountId };
        config = configure?.Invoke(config) ?? config;
        var trace = Environment.GetEnvironmentVariable("ACR_REACH_BENCH_TRACE") is { Length: > 0 } ? new TimedLines(Console.Error) : null;
        var engine = new ReachEngine(Factory, EngineWiring.Options(config, new ReconcilerOptions { Discovery = new DiscoveryOptions { MaxConcurrentCallsPerApi = 8 }, Progress = trace is null ? null : trace.WriteLine }));
        var host = await FunctionHost.StartAsync(new FunctionHostOptions(config, engine) { BindAddress = IPAddress.Loopback, Output = trace ?? TextWriter.Null });
        _hosts.Add(host);
        return host.LocalAddress;
    }

    /// <summary>POST /invoke as FC sends an event: the answer (x-fc-status, body) and the time it took.</summary>
    public async Task<(string FcStatus, JsonNode Body, TimeSpan Elapsed)> InvokeAsync(Uri host, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "/invoke")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in new[]
        {
            ("x-fc-request-id", Guid.NewGuid().ToString("D")),
            ("x-fc-control-path", "/invoke"),
            ("x-fc-access-key-id", LocalCloudOptions.DefaultAccessKeyId),
            ("x-fc-access-key-secret", LocalCloudOptions.DefaultAccessKeySecret),
            ("x-fc-security-token", "local-sts-token"),
            ("x-fc-region", "cn-hangzhou"),
            ("x-fc-account-id", Cloud.AccountId),
        })
        {
            request.Headers.Add(name, value);
        }

        var stopwatch = Stopwatch.StartNew();
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        stopwatch.Stop();
        var status = response.Headers.TryGetValues("x-fc-status", out var values) ? values.First() : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (status, JsonNode.Parse(text) ?? new JsonObject(), stopwatch.Elapsed);
    }

    /// <summary>An ActionTrail record of CreateTransitRouterVpcAttachment for <paramref name="vpc"/>, as EventBridge delivers it.</summary>
    public static JsonObject AttachmentEvent(Account account, string vpc)
    {
        var (router, attachment) = BenchAccounts.AttachmentOf(account, vpc);
        return new JsonObject
        {
            ["id"] = $"bench-{vpc}",
            ["source"] = "acs.cen",
            ["specversion"] = "1.0",
            ["type"] = "cen:ActionTrail:ApiCall",
            ["aliyunregionid"] = router.Region,
            ["data"] = new JsonObject
            {
                ["eventName"] = "CreateTransitRouterVpcAttachment",
                ["acsRegion"] = router.Region,
                ["requestParameters"] = new JsonObject { ["RegionId"] = router.Region, ["TransitRouterId"] = router.Id, ["VpcId"] = vpc },
                ["responseElements"] = new JsonObject { ["TransitRouterAttachmentId"] = attachment.Id },
            },
        };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        _http.Dispose();
        Factory.Dispose();
        await Cloud.DisposeAsync();
    }
}

/// <summary>The host's log lines with the seconds since the rig started in front (ACR_REACH_BENCH_TRACE=1): where an event's time goes.</summary>
internal sealed class TimedLines(TextWriter inner) : TextWriter
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public override Encoding Encoding => inner.Encoding;

    public override void WriteLine(string? value) => inner.WriteLine($"[{_clock.Elapsed.TotalSeconds,8:0.000}] {value}");

    public override void Write(char value) => inner.Write(value);
}
