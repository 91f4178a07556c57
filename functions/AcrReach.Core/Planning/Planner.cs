using AcrReach.Core.Topology;

namespace AcrReach.Core.Planning;

/// <summary>
/// The registry-access procedure as a pure function: for every reach rule, trace each required path hop by hop;
/// where it breaks, propose the smallest safe route at the first broken hop, add it, trace again; stop on a finding
/// no route can fix. Same account in, byte-identical plan out.
/// </summary>
public static class Planner
{
    public static Plan Plan(Account account, PlanScope? scope = null) =>
        new PlanningSession(account, fix: true).Plan(scope ?? PlanScope.Everything);

    /// <summary>
    /// As <see cref="Plan(Account, PlanScope?)"/>, and with <paramref name="pruning"/> also the removals of AcrReach's own
    /// routes that no rule's path uses (<see cref="RouteRemovals"/>). Without pruning, or with nothing to remove, the plan
    /// is byte for byte the one without.
    /// </summary>
    public static Plan Plan(Account account, PlanScope? scope, Pruning? pruning)
    {
        ArgumentNullException.ThrowIfNull(account);
        scope ??= PlanScope.Everything;
        var plan = Plan(account, scope);
        if (pruning is null)
        {
            return plan;
        }

        var full = scope == PlanScope.Everything ? plan : Plan(account, PlanScope.Everything);
        return RouteRemovals.AddTo(plan, full, account, scope, pruning);
    }

    /// <summary>
    /// What planning and verifying <paramref name="scope"/> consult of the account beyond its sources (see
    /// <see cref="PlanFootprint"/>): a reader of part of the account reads until all of it was read.
    /// </summary>
    public static PlanFootprint Footprint(Account account, PlanScope scope)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(scope);
        var footprint = new PlanFootprint();
        new PlanningSession(account, fix: true, footprint).Plan(scope);
        new PlanningSession(account, fix: false, footprint).Verify(scope);
        return footprint;
    }

    /// <summary>Traces every required path on the account as it is, fixing nothing: the verify step.</summary>
    public static Verification Verify(Account account, PlanScope? scope = null) =>
        new PlanningSession(account, fix: false).Verify(scope ?? PlanScope.Everything);
}
