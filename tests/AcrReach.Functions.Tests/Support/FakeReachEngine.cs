using System.Collections.Concurrent;
using System.Collections.Immutable;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;
using AcrReach.TestSupport;

namespace AcrReach.Functions.Tests.Support;

/// <summary>
/// A hand-written engine double: records what the host asked, plans with the real planner over an in-memory account
/// (the seed unless set), and answers runs with a settable outcome. It keeps the engine's apply contract (applies only
/// when planning again gives the same id), writes nothing anywhere.
/// </summary>
internal sealed class FakeReachEngine : IReachEngine
{
    private int _runs;

    public ConcurrentQueue<ReconcileRequest> Reconciles { get; } = new();

    /// <summary>The context of each reconcile, in the same order.</summary>
    public ConcurrentQueue<RunContext> ReconcileContexts { get; } = new();

    public ConcurrentQueue<(ReconcileScope Scope, RunContext Context)> Plans { get; } = new();

    public ConcurrentQueue<(string PlanId, ReconcileRequest Request)> ApplyRequests { get; } = new();

    /// <summary>Plans actually applied (planning again gave the same id).</summary>
    public ConcurrentQueue<(string PlanId, ReconcileScope Scope)> Applied { get; } = new();

    public ConcurrentQueue<RunContext> StatusRequests { get; } = new();

    /// <summary>Every call of any kind.</summary>
    public int CallCount => Reconciles.Count + Plans.Count + ApplyRequests.Count + StatusRequests.Count;

    /// <summary>The account plans are made on: change it to change the plan.</summary>
    public Account Account { get; set; } = Scenarios.Seed();

    public ReconcileOutcome Outcome { get; set; } = ReconcileOutcome.Repaired;

    public Exception? Throws { get; set; }

    /// <summary>Runs inside each reconcile before it answers (e.g. to let fake time pass as a wait would).</summary>
    public Action<ReconcileRequest>? DuringReconcile { get; set; }

    public AccountStatus Status { get; set; } = new(
        "1234567890123456",
        [new RuleStatus("vpc-1", "cri-1", true, 0, 0), new RuleStatus("idc-east", "cri-1", false, 3, 1)],
        []);

    /// <summary>The credentials a recorded context carries (null: the engine's default chain).</summary>
    public static CloudCredentials? CredentialsOf(RunContext context) =>
        context.Credentials is { } provider ? provider.GetCredentialsAsync().AsTask().GetAwaiter().GetResult() : null;

    public Task<ApplyReport> ReconcileAsync(ReconcileRequest request, RunContext context, CancellationToken cancellationToken)
    {
        Reconciles.Enqueue(request);
        ReconcileContexts.Enqueue(context);
        DuringReconcile?.Invoke(request);
        ThrowIfAsked();
        return Task.FromResult(Report(request, Planned(request.Scope).Plan));
    }

    public Task<PlannedScope> PlanAsync(ReconcileScope scope, RunContext context, CancellationToken cancellationToken)
    {
        Plans.Enqueue((scope, context));
        ThrowIfAsked();
        return Task.FromResult(Planned(scope));
    }

    public Task<ApprovedApply> ApplyPlanAsync(string planId, ReconcileRequest request, RunContext context, CancellationToken cancellationToken)
    {
        ApplyRequests.Enqueue((planId, request));
        ThrowIfAsked();
        var current = Planned(request.Scope);
        if (current.Plan.PlanId != planId)
        {
            return Task.FromResult(new ApprovedApply(false, current, null));
        }

        Applied.Enqueue((planId, request.Scope));
        return Task.FromResult(new ApprovedApply(true, current, Report(request, current.Plan)));
    }

    public Task<AccountStatus> StatusAsync(RunContext context, CancellationToken cancellationToken)
    {
        StatusRequests.Enqueue(context);
        ThrowIfAsked();
        return Task.FromResult(Status);
    }

    /// <summary>Fan-outs asked for, with the context each came with.</summary>
    public ConcurrentQueue<(SweepFanOutRequest Request, RunContext Context)> FanOuts { get; } = new();

    /// <summary>The shards a fan-out reports as handed over (default: one per region of the account).</summary>
    public Func<SweepFanOutRequest, SweepFanOutReport>? FanOutAnswer { get; set; }

    public Task<SweepFanOutReport> FanOutSweepAsync(SweepFanOutRequest request, RunContext context, CancellationToken cancellationToken)
    {
        FanOuts.Enqueue((request, context));
        ThrowIfAsked();
        return Task.FromResult(FanOutAnswer?.Invoke(request) ?? new SweepFanOutReport(
            "sweep-test",
            [.. Account.Vpcs.Select(v => v.Region).Distinct().Order(StringComparer.Ordinal).Select((region, i) => new ShardDispatch(i + 1, $"region {region}", $"fc-{i + 1}", null))],
            null));
    }

    /// <summary>The scope planned as the engine would: the account narrowed to the scope, planned and verified.</summary>
    public PlannedScope Planned(ReconcileScope scope)
    {
        var discovered = new DiscoveredAccount(Account, [.. Account.Vpcs.Select(v => v.Region).Distinct()], [], [], [], []);
        var scoped = Scoping.Apply(discovered, scope);
        var plan = scoped.Plan();
        return new PlannedScope(plan, scoped.Verify(), discovered, scoped, [.. plan.Actions.Select(StepAction.Of)]);
    }

    private ApplyReport Report(ReconcileRequest request, Plan plan)
    {
        var steps = plan.Actions.Select((action, index) => new StepReport(
            StepAction.Of(action),
            Outcome is ReconcileOutcome.Failed or ReconcileOutcome.PartiallyApplied && index == 0 ? StepOutcome.Failed : StepOutcome.Applied,
            $"req-{index}",
            null));
        return new ApplyReport
        {
            RunId = $"run-{Interlocked.Increment(ref _runs):D4}",
            PlanId = plan.PlanId,
            Steps = [.. steps],
            Verification = new Verification(Outcome != ReconcileOutcome.Failed, []),
            Notification = new NotificationReceipt(ReconcilerOptions.DefaultQueue, "msg-0001"),
            Outcome = Outcome,
            Mode = request.Mode,
            Trigger = request.Trigger,
            Scope = request.Scope.Describe(),
            Account = Account.AccountId,
            Plan = plan,
            StartedAt = DateTimeOffset.UnixEpoch,
            Duration = TimeSpan.FromSeconds(1),
        };
    }

    private void ThrowIfAsked()
    {
        if (Throws is { } exception)
        {
            throw exception;
        }
    }
}
