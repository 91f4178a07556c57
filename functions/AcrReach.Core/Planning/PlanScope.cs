using AcrReach.Core.Topology;

namespace AcrReach.Core.Planning;

/// <summary>
/// Narrows a plan to some reach rules: those from one source (a VPC id or data-center name) and/or toward one
/// registry. chatops <c>plan &lt;vpc|dc&gt; [registry]</c>; on-attachment reconciles one network; on-registry every
/// network whose rule names one registry.
/// </summary>
public sealed record PlanScope(string? Source = null, string? Registry = null)
{
    public static readonly PlanScope Everything = new();

    public static PlanScope ForSource(string vpcIdOrDataCenter) => new(vpcIdOrDataCenter);

    public static PlanScope ForRegistry(string instanceId) => new(null, instanceId);

    public bool Includes(ReachRule rule) =>
        (Source is null || rule.From.Name == Source) && (Registry is null || rule.Registry == Registry);
}
