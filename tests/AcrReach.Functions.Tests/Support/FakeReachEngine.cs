using System.Collections.Concurrent;
using System.Collections.Immutable;
using AcrReach.Functions.Engine;

namespace AcrReach.Functions.Tests.Support;

/// <summary>
/// A hand-written engine double: records what the host asked and answers from settable values. It keeps the
/// port's apply contract (applies only when the recomputed plan id matches), nothing more.
/// </summary>
internal sealed class FakeReachEngine : IReachEngine
{
    private int _runs;

    public ConcurrentQueue<ReconcileRequest> Reconciles { get; } = new();

    public ConcurrentQueue<(ReachScope Scope, InvocationContext Invocation)> Plans { get; } = new();

    public ConcurrentQueue<(string PlanId, ReachScope Scope)> ApplyRequests { get; } = new();

    /// <summary>Plans actually applied (the recomputed id matched).</summary>
    public ConcurrentQueue<(string PlanId, ReachScope Scope)> Applied { get; } = new();

    public ConcurrentQueue<InvocationContext> StatusRequests { get; } = new();

    public ConcurrentQueue<ReachScope> Explains { get; } = new();

    /// <summary>Every call of any kind, in order.</summary>
    public int CallCount => Reconciles.Count + Plans.Count + ApplyRequests.Count + StatusRequests.Count + Explains.Count;

    public RunOutcome Outcome { get; set; } = RunOutcome.Repaired;

    public Exception? Throws { get; set; }

    /// <summary>Runs inside each reconcile before it answers (e.g. to let fake time pass as a wait would).</summary>
    public Action<ReconcileRequest>? DuringReconcile { get; set; }

    /// <summary>The plan each scope has now; unknown scopes get <see cref="DefaultPlan"/>.</summary>
    public ConcurrentDictionary<ReachScope, PlanPreview> CurrentPlans { get; } = new();

    public PlanPreview DefaultPlan { get; set; } = new("plan0001", false, 2, "CreateVpcRoute vtb-1 100.103.9.188/32 -> tr-attach-1\nCreateTransitRoute vtb-tr-1 100.0.0.0/8 -> tr-attach-2");

    public StatusReport Status { get; set; } = new([new NetworkStatus("vpc-1", "cri-1", true, 0, 0), new NetworkStatus("idc-east", "cri-1", false, 3, 1)]);

    public Task<RunReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        Reconciles.Enqueue(request);
        DuringReconcile?.Invoke(request);
        ThrowIfAsked();
        return Task.FromResult(Report(PlanFor(request.Scope).PlanId));
    }

    public Task<PlanPreview> PlanAsync(ReachScope scope, InvocationContext invocation, CancellationToken cancellationToken)
    {
        Plans.Enqueue((scope, invocation));
        ThrowIfAsked();
        return Task.FromResult(PlanFor(scope));
    }

    public Task<ApplyOutcome> ApplyAsync(string planId, ReachScope scope, InvocationContext invocation, CancellationToken cancellationToken)
    {
        ApplyRequests.Enqueue((planId, scope));
        ThrowIfAsked();
        var current = PlanFor(scope);
        if (current.PlanId != planId)
        {
            return Task.FromResult(ApplyOutcome.Refused(current));
        }

        Applied.Enqueue((planId, scope));
        return Task.FromResult(ApplyOutcome.Done(current, Report(planId)));
    }

    public Task<StatusReport> StatusAsync(InvocationContext invocation, CancellationToken cancellationToken)
    {
        StatusRequests.Enqueue(invocation);
        ThrowIfAsked();
        return Task.FromResult(Status);
    }

    public Task<Explanation> ExplainAsync(ReachScope scope, InvocationContext invocation, CancellationToken cancellationToken)
    {
        Explains.Enqueue(scope);
        ThrowIfAsked();
        return Task.FromResult(new Explanation($"vpc-1 -> 10.0.0.198: vtb-1 10.0.0.0/8 -> tr-attach-1\nvtb-tr-1: no route to 10.0.0.198 (breaks here)"));
    }

    private PlanPreview PlanFor(ReachScope scope) => CurrentPlans.TryGetValue(scope, out var plan) ? plan : DefaultPlan;

    private RunReport Report(string planId) =>
        new($"run-{Interlocked.Increment(ref _runs):D4}", planId, Outcome, 2, 1, Outcome is RunOutcome.Failed or RunOutcome.PartiallyApplied ? 1 : 0, 0, [], Outcome != RunOutcome.Failed, "msg-0001");

    private void ThrowIfAsked()
    {
        if (Throws is { } exception)
        {
            throw exception;
        }
    }
}
