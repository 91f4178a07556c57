using System.Net;
using AcrReach.Core;
using AcrReach.Cloud.Reconciliation;

namespace AcrReach.Functions.Hosting;

/// <summary>What <c>acr-reach serve</c> asks for; null means "as FC would set it" (the environment).</summary>
/// <param name="EngineFactory">Builds the engine from the configuration; default <see cref="EngineWiring.Create"/>.</param>
public sealed record LocalServeOptions(
    string? Function,
    string? Endpoint,
    int? Port,
    Func<string, string?> Environment,
    Func<HostConfig, IReachEngine>? EngineFactory = null);

/// <summary>Runs the function host on loopback, as on FC but on this machine (against the local cloud with an endpoint).</summary>
public static class LocalServe
{
    /// <summary>
    /// Starts the host, prints <c>listening on http://127.0.0.1:N</c> once it accepts requests, serves until
    /// cancelled. Returns 0, or 1 after one line on <paramref name="error"/> for bad input or a port in use.
    /// </summary>
    public static async Task<int> RunAsync(LocalServeOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        HostConfig config;
        IReachEngine engine;
        try
        {
            config = HostConfig.FromEnvironment(options.Environment, options.Function);
            if (options.Endpoint is { } endpoint)
            {
                config = config with { Endpoint = HostConfig.AbsoluteUri(endpoint, "--endpoint") };
            }

            if (options.Port is { } port)
            {
                config = port is >= 0 and <= 65535
                    ? config with { Port = port }
                    : throw new InvalidInputException("command line", "--port", $"{port} is not a port (0 to 65535)");
            }

            engine = (options.EngineFactory ?? EngineWiring.Create)(config);
        }
        catch (InvalidInputException exception)
        {
            await error.WriteLineAsync(exception.Message);
            return 1;
        }

        using var disposeEngine = engine as IDisposable;
        FunctionHost host;
        try
        {
            host = await FunctionHost.StartAsync(new FunctionHostOptions(config, engine) { BindAddress = IPAddress.Loopback, Output = output }, cancellationToken);
        }
        catch (IOException exception)
        {
            await error.WriteLineAsync($"--port: cannot listen on 127.0.0.1:{config.Port}: {exception.Message}");
            return 1;
        }

        await using (host)
        {
            await output.WriteLineAsync($"listening on {host.LocalAddress.ToString().TrimEnd('/')}");
            await output.FlushAsync(CancellationToken.None);
            if (config.Endpoint is { } cloud && IsLoopback(cloud) && config.Function != FunctionKind.Chatops)
            {
                await RegisterAsync(cloud, config, options.Environment(EnvironmentVariables.FcFunctionName), host.LocalAddress, error, cancellationToken);
            }

            try
            {
                // Ends on SIGTERM (the host's own lifetime) or when the caller cancels (Ctrl+C).
                await host.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            await host.StopAsync(CancellationToken.None);
        }

        return 0;
    }

    /// <summary>
    /// The sweep worker's reserved concurrency in s.yaml and template.yml: at most two shards at once, each with half the
    /// account's per-API limits. A local fan-out runs under the same cap as the deployment.
    /// </summary>
    public const int SweepWorkerReservedConcurrency = 2;

    /// <summary>
    /// Tells the local cloud to forward InvokeFunction of this function here (<c>POST /_local/functions</c>), under its
    /// short name, its deployed name (<c>acr-reach-</c> + the short name) and <c>FC_FUNCTION_NAME</c> when set, with the
    /// deployment's async retries (s.yaml: two). A failure is one line on <paramref name="error"/>: the host still serves.
    /// </summary>
    private static async Task RegisterAsync(Uri cloud, HostConfig config, string? fcFunctionName, Uri self, TextWriter error, CancellationToken cancellationToken)
    {
        var names = new[] { config.Function.Name(), "acr-reach-" + config.Function.Name(), fcFunctionName }
            .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Distinct(StringComparer.Ordinal);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var name in names)
        {
            var reserved = config.Function == FunctionKind.SweepWorker ? SweepWorkerReservedConcurrency : (int?)null;
            var body = System.Text.Json.JsonSerializer.Serialize(new LocalFunctionRegistration(name, self.ToString(), 2, reserved), FunctionsJsonContext.Default.LocalFunctionRegistration);
            try
            {
                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var answer = await http.PostAsync(new Uri(cloud, "/_local/functions"), content, cancellationToken);
                if (!answer.IsSuccessStatusCode)
                {
                    await error.WriteLineAsync($"the local cloud at {cloud} did not register function {name}: HTTP {(int)answer.StatusCode}");
                }
            }
            catch (HttpRequestException exception)
            {
                await error.WriteLineAsync($"the local cloud at {cloud} did not register function {name}: {exception.Message}");
                return;
            }
        }
    }

    private static bool IsLoopback(Uri endpoint) =>
        endpoint.IsLoopback || (IPAddress.TryParse(endpoint.Host, out var address) && IPAddress.IsLoopback(address));
}

/// <summary>The local cloud's <c>POST /_local/functions</c> body (its own type lives in the emulator, which we never reference).</summary>
internal sealed record LocalFunctionRegistration(string Name, string Endpoint, int MaxAsyncRetryAttempts, int? ReservedConcurrency);
