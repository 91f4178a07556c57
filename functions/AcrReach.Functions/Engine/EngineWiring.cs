using AcrReach.Functions.Hosting;

namespace AcrReach.Functions.Engine;

/// <summary>
/// The one place the host gets its engine from (the FC bootstrap and <c>acr-reach serve</c> both call it).
/// </summary>
public static class EngineWiring
{
    // MERGE: the engine (issue 4) and the cloud client live on other branches. After they merge, return the
    // adapter over the real engine here, built from config.Endpoint, config.Regions, config.Queue and
    // config.EnvironmentCredentials. Until then the host runs and answers every engine call with a clear error.
    public static IReachEngine Create(HostConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new EngineNotConnected();
    }
}

/// <summary>Answers every call with <see cref="EngineNotConnectedException"/>: the host's answer says the engine is not wired.</summary>
internal sealed class EngineNotConnected : IReachEngine
{
    public Task<RunReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken) => throw new EngineNotConnectedException();

    public Task<PlanPreview> PlanAsync(ReachScope scope, InvocationContext invocation, CancellationToken cancellationToken) => throw new EngineNotConnectedException();

    public Task<ApplyOutcome> ApplyAsync(string planId, ReachScope scope, InvocationContext invocation, CancellationToken cancellationToken) => throw new EngineNotConnectedException();

    public Task<StatusReport> StatusAsync(InvocationContext invocation, CancellationToken cancellationToken) => throw new EngineNotConnectedException();

    public Task<Explanation> ExplainAsync(ReachScope scope, InvocationContext invocation, CancellationToken cancellationToken) => throw new EngineNotConnectedException();
}

public sealed class EngineNotConnectedException : InvalidOperationException
{
    public EngineNotConnectedException()
        : base("the reconcile engine is not connected to this host build")
    {
    }

    public EngineNotConnectedException(string message)
        : base(message)
    {
    }

    public EngineNotConnectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
