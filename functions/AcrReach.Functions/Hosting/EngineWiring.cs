using AcrReach.Cloud;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Scenarios;

namespace AcrReach.Functions.Hosting;

/// <summary>The one place the host gets its engine from (the FC bootstrap and <c>acr-reach serve</c> both call it).</summary>
public static class EngineWiring
{
    /// <summary>The engine over the cloud <paramref name="config"/> names: its endpoint, regions, queue, policy and PrivateZone setting.</summary>
    /// <exception cref="Core.InvalidInputException">The policy file cannot be read.</exception>
    public static ReachEngine Create(HostConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return ReachEngine.StartBuilding(new CloudOptions { Endpoint = config.Endpoint, Regions = config.Regions }, Options(config));
    }

    /// <summary>How the host's runs are done: the configuration's queue, regions, policy and PrivateZone setting over the defaults.</summary>
    /// <exception cref="Core.InvalidInputException">The policy file cannot be read.</exception>
    public static ReconcilerOptions Options(HostConfig config, ReconcilerOptions? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var policy = config.PolicyFile is { } path ? InputFiles.ReadPolicy(path) : PolicySettings.None;
        defaults ??= new ReconcilerOptions();
        return defaults with
        {
            Queue = config.Queue,
            Discovery = defaults.Discovery with { Regions = config.Regions, Policy = policy, AccountId = config.AccountId, HomeRegion = config.Region ?? defaults.Discovery.HomeRegion },
            Apply = defaults.Apply with { PrivateZone = config.PrivateZone },
        };
    }
}
