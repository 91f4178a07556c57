using System.Net;
using System.Text;
using System.Text.Json;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Functions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AcrReach.Functions.Tests.Support;

/// <summary>
/// The real host on a loopback port, driven over real HTTP, with its stdout captured. Its engine is a recording double
/// unless one is given (the real engine over a local cloud: <see cref="CloudRig"/>).
/// </summary>
internal sealed class HostUnderTest : IAsyncDisposable
{
    public const string ChatSecret = "SECtestRobotAppSecret0123456789abcdef";

    private readonly StringWriter _output = new();
    private FunctionHost? _host;

    private IReachEngine? _engine;

    private HostUnderTest(FakeTimeProvider time)
    {
        Time = time;
    }

    /// <summary>The recording double (only when no engine was given).</summary>
    public FakeReachEngine Engine => _engine as FakeReachEngine ?? throw new InvalidOperationException("this host runs a real engine");

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; } = new();

    public Uri Address => _host!.LocalAddress;

    /// <summary>What the host printed: FC markers and JSON log lines.</summary>
    public IReadOnlyList<string> OutputLines
    {
        get
        {
            lock (_output)
            {
                return _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
        }
    }

    /// <param name="engine">Builds the engine from the host's configuration; null: a <see cref="FakeReachEngine"/>.</param>
    public static async Task<HostUnderTest> StartAsync(FunctionKind function, Func<HostConfig, HostConfig>? configure = null, Func<HostConfig, IReachEngine>? engine = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 4, 0, 0, TimeSpan.Zero));
        var host = new HostUnderTest(time);
        var config = new HostConfig { Function = function, Port = 0, ChatAppSecret = ChatSecret, Region = "cn-hangzhou", AccountId = "1234567890123456" };
        config = configure?.Invoke(config) ?? config;
        host._engine = engine?.Invoke(config) ?? new FakeReachEngine();
        host._host = await FunctionHost.StartAsync(new FunctionHostOptions(config, host._engine)
        {
            BindAddress = IPAddress.Loopback,
            Output = TextWriter.Synchronized(host._output),
            Time = time,
        });
        return host;
    }

    public Task<HttpResponseMessage> InvokeAsync(string body, string requestId = "req-0001", IEnumerable<(string Name, string Value)>? headers = null) =>
        InvokeAsync(Encoding.UTF8.GetBytes(body), requestId, headers);

    public Task<HttpResponseMessage> InvokeAsync(byte[] body, string requestId = "req-0001", IEnumerable<(string Name, string Value)>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Address, "/invoke")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/octet-stream");
        request.Headers.Add("x-fc-request-id", requestId);
        request.Headers.Add("x-fc-control-path", "/invoke");
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.Add(name, value);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

internal static class Responses
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The engine's report of the one run an event answer names.</summary>
    public static async Task<JsonElement> RunReportAsync(this HttpResponseMessage response) =>
        Assert.Single((await response.JsonAsync()).GetProperty("runs").EnumerateArray()).GetProperty("report");

    public static string FcStatus(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-fc-status", out var values) ? string.Join(",", values) : "(missing)";
}
