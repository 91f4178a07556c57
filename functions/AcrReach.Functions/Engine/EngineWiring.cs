using AcrReach.Functions.Hosting;

namespace AcrReach.Functions.Engine;

/// <summary>
/// The one place the host gets its engine from (the FC bootstrap and <c>acr-reach serve</c> both call it).
/// </summary>
public static class EngineWiring
{
    /// <summary>The real engine over the cloud <paramref name="config"/> names (its endpoint, regions, queue, policy).</summary>
    /// <exception cref="Core.InvalidInputException">The policy file cannot be read.</exception>
    public static IReachEngine Create(HostConfig config) => ReconcilerEngine.Create(config);
}
