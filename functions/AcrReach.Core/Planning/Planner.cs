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

    /// <summary>Traces every required path on the account as it is, fixing nothing: the verify step.</summary>
    public static Verification Verify(Account account, PlanScope? scope = null) =>
        new PlanningSession(account, fix: false).Verify(scope ?? PlanScope.Everything);
}
