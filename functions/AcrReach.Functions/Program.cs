using AcrReach.Core;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Functions.Hosting;

namespace AcrReach.Functions;

/// <summary>The <c>bootstrap</c> FC's custom runtime starts: one binary, the function chosen by configuration.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        _ = args;
        HostConfig config;
        IReachEngine engine;
        try
        {
            config = HostConfig.FromEnvironment(Environment.GetEnvironmentVariable);
            engine = EngineWiring.Create(config);
        }
        catch (InvalidInputException exception)
        {
            await Console.Error.WriteLineAsync($"acr-reach function host: {exception.Message}");
            return 1;
        }

        using (engine as IDisposable)
        {
            await using var host = await FunctionHost.StartAsync(new FunctionHostOptions(config, engine));
            host.Log.Info(null, "host.started", $"{config.Function.Name()} listening on 0.0.0.0:{host.Port}");
            await host.WaitForShutdownAsync();
        }

        return 0;
    }
}
