namespace AcrReach.Cloud.Reconciliation;

/// <summary>
/// The engine every trigger drives — the CLI's commands and the function host's events, timer and chat alike: discover,
/// plan, apply (or only report), verify, notify. Level-based: a request only says where to look, the account is always
/// read afresh, so the same request twice does no harm.
/// </summary>
/// <remarks>
/// Contract every implementation keeps: <see cref="ReconcileAsync"/> never throws for a failed step, a cloud error or the
/// deadline (the report says so) — it throws only for a bug or when <paramref name="cancellationToken"/> is cancelled
/// (a partial report is returned, nothing published); <see cref="ApplyPlanAsync"/> applies only when planning again gives
/// the same plan id, and otherwise writes nothing (approval without stored state).
/// </remarks>
public interface IReachEngine
{
    /// <summary>Discover, plan, apply (or only report), verify and publish one message, for one scope.</summary>
    Task<ApplyReport> ReconcileAsync(ReconcileRequest request, RunContext context, CancellationToken cancellationToken);

    /// <summary>Discover and plan one scope, writing nothing: the plan and every required path as it is now.</summary>
    Task<PlannedScope> PlanAsync(ReconcileScope scope, RunContext context, CancellationToken cancellationToken);

    /// <summary>As <see cref="PlanAsync(ReconcileScope, RunContext, CancellationToken)"/> for a request: with its removals when it prunes (chat <c>prune</c>).</summary>
    Task<PlannedScope> PlanAsync(ReconcileRequest request, RunContext context, CancellationToken cancellationToken) =>
        PlanAsync((request ?? throw new ArgumentNullException(nameof(request))).Scope, context, cancellationToken);

    /// <summary>Plan <paramref name="request"/>'s scope again and run it only if the plan's id is still <paramref name="planId"/>.</summary>
    Task<ApprovedApply> ApplyPlanAsync(string planId, ReconcileRequest request, RunContext context, CancellationToken cancellationToken);

    /// <summary>Every reach rule in force and whether it holds now (read-only).</summary>
    Task<AccountStatus> StatusAsync(RunContext context, CancellationToken cancellationToken);

    /// <summary>
    /// The timer's side of a fanned-out sweep: splits the account into shards and hands each to the worker function through
    /// Function Compute's asynchronous invocation. Never throws for a cloud error: the report says which shards were handed over.
    /// </summary>
    Task<SweepFanOutReport> FanOutSweepAsync(SweepFanOutRequest request, RunContext context, CancellationToken cancellationToken);
}
