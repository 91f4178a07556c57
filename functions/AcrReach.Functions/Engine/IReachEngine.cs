namespace AcrReach.Functions.Engine;

/// <summary>
/// The port the function host drives: the engine (discover, plan, apply, verify, notify) seen from a trigger.
/// The host only says where to look and on whose credentials; every method re-reads the cloud's state
/// (level-based), so calling it twice for the same event does no harm.
/// </summary>
/// <remarks>
/// The real engine is <see cref="ReconcilerEngine"/> (see <see cref="EngineWiring"/>); tests use a recording double.
/// Contract every implementation keeps:
/// <list type="bullet">
/// <item><see cref="ReconcileAsync"/>: with <see cref="ReconcileRequest.ReadyTimeout"/> above zero, first waits
/// (up to that long) until the resource the scope names is ready (attachment Attached, registry RUNNING), else
/// returns <see cref="RunOutcome.NotReady"/>; in <see cref="ReconcileMode.ReportOnly"/> it writes nothing to
/// the network; it publishes the run's message to the queue. It never throws for a failed step (the report
/// says so); it throws for a bug or an unusable request.</item>
/// <item><see cref="ApplyAsync"/>: recomputes the plan for the scope and applies it only when the recomputed
/// plan id equals <c>planId</c>; otherwise writes nothing and returns the recomputed plan
/// (<see cref="ApplyOutcome.Refused"/>): approval without stored state.</item>
/// </list>
/// </remarks>
public interface IReachEngine
{
    /// <summary>Discover, plan, apply (or only report), verify and notify for one scope.</summary>
    Task<RunReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken);

    /// <summary>Plan one scope without writing anything; the plan id is a hash of the plan's content.</summary>
    Task<PlanPreview> PlanAsync(ReachScope scope, InvocationContext invocation, CancellationToken cancellationToken);

    /// <summary>Recompute the plan for <paramref name="scope"/> and apply it only if its id is still <paramref name="planId"/>.</summary>
    Task<ApplyOutcome> ApplyAsync(string planId, ReachScope scope, InvocationContext invocation, CancellationToken cancellationToken);

    /// <summary>Every network the policy names, whether it reaches its registries now (read-only).</summary>
    Task<StatusReport> StatusAsync(InvocationContext invocation, CancellationToken cancellationToken);

    /// <summary>Each required path of a network hop by hop, and where it breaks (read-only).</summary>
    Task<Explanation> ExplainAsync(ReachScope scope, InvocationContext invocation, CancellationToken cancellationToken);
}
