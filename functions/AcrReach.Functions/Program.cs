using AcrReach.Core;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Functions.Hosting;

namespace AcrReach.Functions;

/// <summary>The <c>bootstrap</c> FC's custom runtime starts: one binary, the function chosen by configuration.</summary>
public static class Program
{
    public static Task<int> Main(string[] args)
    {
        _ = args;
        return RunAsync(Environment.GetEnvironmentVariable, Console.Out, Console.Error, CancellationToken.None);
    }

    /// <summary>Reads the configuration from <paramref name="environment"/>, starts the host, serves until shut down.</summary>
    public static async Task<int> RunAsync(Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        HostConfig config;
        IReachEngine engine;
        try
        {
            config = HostConfig.FromEnvironment(environment);
            engine = EngineWiring.Create(config);
        }
        catch (InvalidInputException exception)
        {
            await error.WriteLineAsync($"acr-reach function host: {OneLine(exception.Message)}");
            return 1;
        }

        using (engine as IDisposable)
        {
            FunctionHost host;
            try
            {
                host = await FunctionHost.StartAsync(new FunctionHostOptions(config, engine) { Output = output }, cancellationToken);
            }
            catch (IOException exception)
            {
                // FC reads the first lines of stderr into the start failure it reports: one line, no stack trace.
                await error.WriteLineAsync($"acr-reach function host: {EnvironmentVariables.FcListenPort}: cannot listen on 0.0.0.0:{config.Port}: {OneLine(exception.Message)}");
                return 1;
            }

            await using (host)
            {
                host.Log.Info(null, "host.started", $"{config.Function.Name()} listening on 0.0.0.0:{host.Port}");
                await host.WaitForShutdownAsync(cancellationToken);
            }
        }

        return 0;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
