using System.Net;
using AcrReach.Functions.Chat;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core;
using AcrReach.Functions.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AcrReach.Functions.Hosting;

/// <summary>How to run the host: its configuration, the engine it drives, where it listens and logs.</summary>
public sealed record FunctionHostOptions(HostConfig Config, IReachEngine Engine)
{
    /// <summary>FC needs 0.0.0.0 (127.0.0.1 fails with FunctionNotStarted); <c>acr-reach serve</c> uses loopback.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    public TextWriter Output { get; init; } = Console.Out;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// The HTTP server FC 3.0's custom runtime talks to (platform.md §3): <c>POST /invoke</c> for events,
/// <c>POST /initialize</c>, and for the chat function every other request as it came. Every answer carries
/// <c>x-fc-status</c>; every invocation is framed by FC's log markers on stdout.
/// </summary>
public sealed class FunctionHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FunctionHost(WebApplication app, int port, JsonLog log)
    {
        _app = app;
        Port = port;
        Log = log;
    }

    /// <summary>The port bound (the real one when 0 was asked for).</summary>
    public int Port { get; }

    /// <summary>The host's structured log (stdout on FC).</summary>
    public JsonLog Log { get; }

    /// <summary>The loopback address of the host, for local callers.</summary>
    public Uri LocalAddress => new($"http://127.0.0.1:{Port}");

    public static async Task<FunctionHost> StartAsync(FunctionHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = options.Config;
        var log = new JsonLog(options.Output, options.Time, config.Function.Name());

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new JsonLoggerProvider(log));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // BodyReader enforces the configured limits (up to FC's 32 MB) and answers them; Kestrel's own 30 MB
            // default would cut in first with an exception, and it counts bytes it buffered ahead of the reader.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(options.BindAddress, config.Port);
        });

        var app = builder.Build();
        var invoker = new Invoker(config, options.Engine, log, options.Time);
        app.MapPost("/initialize", invoker.InitializeAsync);
        if (config.Function == FunctionKind.Chatops)
        {
            app.Map("/{**path}", invoker.ChatAsync);
        }
        else
        {
            app.MapPost("/invoke", invoker.InvokeAsync);
            app.Map("/{**path}", Invoker.NotFoundAsync);
        }

        await app.StartAsync(cancellationToken);
        return new FunctionHost(app, BoundPort(app), log);
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static int BoundPort(WebApplication app)
    {
        var addresses = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()?.Addresses
            : null;
        var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no bound address");
        return BindingAddress.Parse(address).Port;
    }

    /// <summary>The request handlers; each answers with x-fc-status and frames the work with FC's markers.</summary>
    private sealed class Invoker(HostConfig config, IReachEngine engine, JsonLog log, TimeProvider time)
    {
        private readonly EventRunner _events = new(engine, config, log, time);
        private readonly SweepFanOutFunction _fanOut = new(engine, config, log, time);
        private readonly ChatOpsFunction _chat = new(engine, config, new RobotSignature(config.ChatAppSecret, config.ChatSignatureWindow, time), log, time);

        public Task InitializeAsync(HttpContext context) =>
            FramedAsync(context, "Initialize", static (_, _, _) => Task.FromResult(new InvocationResult(StatusCodes.Status200OK, true, [])));

        public Task InvokeAsync(HttpContext context) => FramedAsync(context, "Invoke", async (request, invocation, cancellationToken) =>
        {
            var body = await BodyReader.ReadAsync(request, config.MaxEventBytes, cancellationToken);
            if (body is null)
            {
                log.Warning(invocation.RequestId, "event.too-large", $"body over {config.MaxEventBytes} bytes refused");
                return EventRunner.Refused(invocation, "PayloadTooLarge", $"the event body is over {config.MaxEventBytes} bytes: refused, as it will be on every retry");
            }

            var readings = EventFunctions.Read(config.Function, body, config);
            if (config.Function == FunctionKind.Sweep && config.SweepWorker is { } worker && readings is [Events.ReconcileReading sweep])
            {
                return await _fanOut.RunAsync(sweep, worker, invocation, cancellationToken);
            }

            return await _events.RunAsync(readings, invocation, cancellationToken);
        });

        public Task ChatAsync(HttpContext context) => FramedAsync(context, "Invoke", _chat.HandleAsync);

        public static Task NotFoundAsync(HttpContext context) =>
            InvocationResult.FunctionError("NotFound", $"{context.Request.Method} {context.Request.Path} is not served: events arrive as POST /invoke")
                .WriteAsync(context.Response, context.RequestAborted);

        private async Task FramedAsync(
            HttpContext context,
            string marker,
            Func<HttpRequest, InvocationContext, CancellationToken, Task<InvocationResult>> handle)
        {
            InvocationContext invocation;
            try
            {
                invocation = FcHeaders.ReadInvocation(context.Request, config, time.GetUtcNow());
            }
            catch (InvalidInputException exception)
            {
                log.Warning(null, "invoke.refused", exception.Message);
                await InvocationResult.FunctionError("MalformedRequest", exception.Message).WriteAsync(context.Response, context.RequestAborted);
                return;
            }

            log.Marker($"FC {marker} Start RequestId: {invocation.RequestId}");
            try
            {
                InvocationResult result;
                try
                {
                    result = await handle(context.Request, invocation, context.RequestAborted);
                }
                catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
                {
                    log.Error(invocation.RequestId, "invoke.crashed", exception.Message, ("exception", exception.GetType().FullName));
                    result = InvocationResult.FunctionError("InternalError", exception.Message) with { HttpStatus = StatusCodes.Status500InternalServerError };
                }

                await result.WriteAsync(context.Response, context.RequestAborted);
            }
            finally
            {
                log.Marker($"FC {marker} End RequestId: {invocation.RequestId}");
            }
        }
    }
}
