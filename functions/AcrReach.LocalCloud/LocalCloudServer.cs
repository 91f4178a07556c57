using System.Net;
using AcrReach.Core.Topology;
using AcrReach.LocalCloud.Control;
using AcrReach.LocalCloud.Fc;
using AcrReach.LocalCloud.Http;
using AcrReach.LocalCloud.Mns;
using AcrReach.LocalCloud.Signing;
using AcrReach.LocalCloud.State;
using AcrReach.LocalCloud.Traffic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AcrReach.LocalCloud;

/// <summary>
/// The local cloud: one Kestrel server on 127.0.0.1 answering VPC, CBN, CR, PrivateZone and MNS from a scenario, with
/// the control API under <c>/_local/</c>. Start it in-process for tests and the demo:
/// <code>await using var cloud = await LocalCloudServer.StartAsync(account, new LocalCloudOptions { SettleTime = TimeSpan.Zero });</code>
/// </summary>
public sealed class LocalCloudServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CloudState _state;
    private readonly MnsQueues _queues;
    private readonly TrafficShaper _shaper;
    private readonly CallCounter _calls;
    private readonly AccessKeys _keys;
    private readonly LocalFunctions _functions;

    private LocalCloudServer(WebApplication app, CloudState state, MnsQueues queues, TrafficShaper shaper, CallCounter calls, LocalCloudOptions options, AccessKeys keys, LocalFunctions functions)
    {
        _keys = keys;
        _functions = functions;
        _app = app;
        _state = state;
        _queues = queues;
        _shaper = shaper;
        _calls = calls;
        Options = options;
    }

    /// <summary>Where to send requests, e.g. <c>http://127.0.0.1:41234/</c> (every product and MNS share it).</summary>
    public Uri Endpoint { get; private set; } = null!;

    public int Port => Endpoint.Port;

    public LocalCloudOptions Options { get; }

    public string AccountId => _state.AccountId;

    public static async Task<LocalCloudServer> StartAsync(Account account, LocalCloudOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        options ??= new LocalCloudOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(LocalCloudServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;

            // The generated SDKs send an RPC call's parameters in the query: fifty flattened CreateRouteEntries entries
            // make a request line of about 15 KB, past Kestrel's 8 KB default.
            kestrel.Limits.MaxRequestLineSize = 64 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 96 * 1024;
        });
        var app = builder.Build();

        var time = options.TimeProvider;
        var state = new CloudState(account, time, options.SettleTime);
        var queues = new MnsQueues(time, [options.QueueName]);
        var shaper = new TrafficShaper(options);
        var calls = new CallCounter();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<LocalCloudServer>();
        var keys = new AccessKeys(
            account.AccountId,
            options.AccessKeyId,
            options.AccessKeySecret,
            account.Members.Where(m => !options.MissingRoles.Contains(m.AccountId)).Select(m => m.RoleArn),
            time,
            options.StsCredentialLifetime);
        foreach (var (id, (secret, owner)) in options.AccountKeys)
        {
            keys.Add(new AccessKey(id, secret, owner));
        }

        var authenticator = new OpenApiAuthenticator(keys, time);
        var openApi = new OpenApiEndpoint(state, keys, authenticator, shaper, calls, logger);
        var homeRegion = account.Vpcs.Select(v => v.Region).FirstOrDefault() ?? "cn-hangzhou";
        var mnsHost = $"http://{account.AccountId}.mns.{homeRegion}.aliyuncs.com";
        var functions = new LocalFunctions(options, account.AccountId, homeRegion);
        var fc = new FunctionEndpoint(functions, authenticator, shaper, calls, state, account.AccountId, homeRegion);
        var mns = new MnsEndpoint(queues, new MnsAuthenticator(options.AccessKeyId, options.AccessKeySecret, time), shaper, calls, time, mnsHost);
        var control = new ControlEndpoint(state, queues, shaper, calls, keys, functions);
        app.Run(context =>
            ControlEndpoint.Handles(context.Request.Path) ? control.HandleAsync(context)
            : MnsEndpoint.Handles(context.Request.Path) ? mns.HandleAsync(context)
            : FunctionEndpoint.Handles(context.Request.Path) ? fc.HandleAsync(context)
            : openApi.HandleAsync(context));

        var server = new LocalCloudServer(app, state, queues, shaper, calls, options, keys, functions);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority) + "/");
        return server;
    }

    /// <summary>The current state as an account (what <c>GET /_local/state</c> serializes).</summary>
    public Account Snapshot()
    {
        lock (_state.Gate)
        {
            _state.Advance();
            return _state.ToAccount();
        }
    }

    /// <summary>Calls received per API action since start or the last <see cref="ResetCalls"/>.</summary>
    public IReadOnlyDictionary<string, int> Calls() => _calls.Snapshot();

    public void ResetCalls()
    {
        _calls.Reset();
        _shaper.RateLimited.Reset();
    }

    /// <summary>Calls refused per API action for going over its QPS limit, since start or the last <see cref="ResetCalls"/>.</summary>
    public IReadOnlyDictionary<string, int> RateLimited() => _shaper.RateLimited.Snapshot();

    /// <summary>Every write accepted so far, in order, with the account whose credentials made it.</summary>
    public IReadOnlyList<WriteRecord> Writes()
    {
        lock (_state.Gate)
        {
            return [.. _state.Writes];
        }
    }

    /// <summary>Makes every temporary credential issued so far expire now; returns how many.</summary>
    public int ExpireTemporaryCredentials() => _keys.ExpireAll();

    public void AddFault(ScriptedFault fault) => _shaper.Schedule(fault);

    /// <summary>Every message received on the queue, oldest first; empty for an unknown queue.</summary>
    public IReadOnlyList<QueuedMessage> Messages(string queue) => _queues.Messages(queue) ?? [];

    /// <summary>Makes <c>InvokeFunction</c> of <see cref="LocalFunction.Name"/> forward to its host (what <c>POST /_local/functions</c> does).</summary>
    public void RegisterFunction(LocalFunction function) => _functions.Register(function);

    /// <summary>Every function invocation received, oldest first, with its attempts so far.</summary>
    public IReadOnlyList<InvocationRecord> Invocations() => _functions.Invocations();

    /// <summary>Every finished attempt of an async invocation, with how long it waited for an instance and how long it ran.</summary>
    public IReadOnlyList<InvocationAttempt> InvocationAttempts() => _functions.Attempts();

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM) — what <c>acr-reach local-cloud</c> waits on.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdownAsync(_app, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _functions.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
