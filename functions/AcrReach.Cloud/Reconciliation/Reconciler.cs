using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.Notify;
using AcrReach.Cloud.OpenApi;
using AcrReach.Core.Planning;
using AcrReach.Core.Reach;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>
/// The run loop: discover → plan → apply (or only report) → verify → notify, for one scope. Level-based: a trigger only
/// says where to look; the account is always read afresh, so running twice, or for a repeated or reordered event, does
/// no harm. Cheap to make — one per invocation, over that invocation's credentials (<see cref="Create"/>).
/// </summary>
public sealed class Reconciler
{
    public const string ReportOnlyCode = "ReportOnly";

    private readonly CloudApis _apis;
    private readonly IEndpointLookup _lookup;
    private readonly ReconcilerOptions _options;
    private readonly TimeProvider _time;
    private readonly Applier _applier;

    public Reconciler(CloudApis apis, IEndpointLookup lookup, ReconcilerOptions? options = null, TimeProvider? time = null)
    {
        _apis = apis ?? throw new ArgumentNullException(nameof(apis));
        _lookup = lookup ?? throw new ArgumentNullException(nameof(lookup));
        _options = options ?? new ReconcilerOptions();
        _time = time ?? TimeProvider.System;
        _applier = new Applier(apis, _options.Apply, _time);
    }

    /// <summary>
    /// A reconciler over <paramref name="credentials"/> (an FC invocation's; null: the factory's configured ones or the
    /// default chain), looking names up the way <paramref name="factory"/>'s endpoint calls for (the local cloud's
    /// control API for a loopback endpoint, else the network).
    /// </summary>
    public static Reconciler Create(CloudClientFactory factory, ICredentialProvider? credentials, ReconcilerOptions? options = null, HttpClient? lookupHttp = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Reconciler(factory.Create(credentials), LookupFor(factory, lookupHttp), options, factory.Time);
    }

    /// <summary>How names are looked up for <paramref name="factory"/>'s endpoint (the local cloud's control API, or the network).</summary>
    internal static IEndpointLookup LookupFor(CloudClientFactory factory, HttpClient? lookupHttp) =>
        EndpointLookups.For(factory.Options.Endpoint, lookupHttp ?? SharedLookupHttp, factory.Time);

    private static HttpClient SharedLookupHttp { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// Runs once for a scope: waits for its resource when asked, discovers, plans, applies what is missing (or, report-only,
    /// nothing), verifies on freshly read state, and publishes one message. Never throws for a failed step or a cloud
    /// error: the report says what happened. Cancelled: a partial report, nothing verified or published.
    /// </summary>
    /// <param name="timeLimit">How long the run may take: past it no new step starts, and the report (<see
    /// cref="ReconcileOutcome.DeadlineExceeded"/>, the steps so far) is still published. Null: no limit.</param>
    public Task<ApplyReport> RunAsync(ReconcileRequest request, TimeSpan? timeLimit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteAsync(request, prepared: null, timeLimit, cancellationToken);
    }

    /// <summary>Discovers and plans one scope, writing nothing: the plan, and every required path as it is now.</summary>
    public Task<PlannedScope> PlanAsync(ReconcileScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return PlanAsync(new ReconcileRequest(scope, Triggers.Chatops, ReconcileMode.ReportOnly), cancellationToken);
    }

    /// <summary>Discovers and plans a request's scope, writing nothing; with removals when it prunes, or only them for a rollback.</summary>
    public async Task<PlannedScope> PlanAsync(ReconcileRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var discovered = await DiscoverAsync(FirstFocusOf(request), cancellationToken);
        if (discovered.IsPartial && request.Scope is OneNetwork one && !ReachRules.Effective(discovered.Account).Any(r => r.From.Name == one.Network))
        {
            // A network no rule starts at: the answer names every network that has one, which only the account tells.
            discovered = await DiscoverAsync(null, cancellationToken);
        }

        var scoped = Scoping.Apply(discovered, request.Scope);
        var plan = PlanFor(discovered, scoped, request);
        return new PlannedScope(plan, scoped.Verify(), discovered, scoped, _applier.StepsOf(plan, scoped.Account));
    }

    /// <summary>
    /// The plan a request calls for: a rollback's removals only; else the scope's plan, with removals when it prunes —
    /// withheld (the plan says why) when discovery could not read every value.
    /// </summary>
    private static Plan PlanFor(DiscoveredAccount discovered, ScopedAccount scoped, ReconcileRequest request)
    {
        if (request.RollbackOf is { } runId)
        {
            var removals = RouteRemovals.MadeBy(discovered.Account, runId);
            var plan = new Plan(string.Empty, removals, [], []);
            return plan with { PlanId = PlanJson.ComputeId(plan) };
        }

        if (!request.Prune)
        {
            return scoped.Plan();
        }

        var unread = discovered.Notes.FirstOrDefault(n => n.Code == DiscoveryNotes.UnreadableValue);
        return scoped.Plan(new Pruning(unread is null ? null : $"discovery could not read every value ({unread.Message})"));
    }

    /// <summary>
    /// Approval without stored state: recomputes the plan for <paramref name="scope"/> and applies it only if its id is still
    /// <paramref name="planId"/>; otherwise writes nothing and returns the plan as it is now.
    /// </summary>
    public async Task<ApprovedApply> ApplyPlanAsync(string planId, ReconcileRequest request, TimeSpan? timeLimit = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(planId);
        ArgumentNullException.ThrowIfNull(request);
        var planned = await PlanAsync(request, cancellationToken);
        if (planned.Plan.PlanId != planId)
        {
            return new ApprovedApply(false, planned, null);
        }

        var report = await ExecuteAsync(request, planned, timeLimit, cancellationToken);
        return new ApprovedApply(true, planned, report);
    }

    /// <summary>Every reach rule in force and whether it holds now (read-only): the chat's <c>status</c>.</summary>
    public async Task<AccountStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var discovered = await DiscoverAsync(null, cancellationToken);
        var account = discovered.Account;
        var now = Planner.Verify(account);
        var rules = ReachRules.Effective(account)
            .Select(rule =>
            {
                var plan = Planner.Plan(account, new PlanScope(rule.From.Name, rule.Registry));
                var paths = now.Paths.Where(p => p.Source == rule.From.Name && p.Registry == rule.Registry).ToList();
                return new RuleStatus(rule.From.Name, rule.Registry, paths.Count > 0 && paths.All(p => p.Reached) && !plan.HasErrors, plan.Actions.Length, plan.Findings.Count(f => f.Severity == Severity.Error));
            })
            .ToImmutableArray();
        return new AccountStatus(account.AccountId, rules, discovered.Notes);
    }

    /// <summary>
    /// The first read's focus: with the sweep's shared readings when they are fresh and read for the regions this run
    /// reads. A read after writes goes without them (<see cref="Scoping.FocusOf"/> of the request without them): a
    /// registry's endpoint is among what a run may change.
    /// </summary>
    private DiscoveryFocus? FirstFocusOf(ReconcileRequest request) =>
        Scoping.FocusOf(request.Shared is { } shared && !shared.UsableAt(_time.GetUtcNow(), _options.Discovery.Regions) ? request with { Shared = null } : request);

    /// <summary>The account, or with a focus only the paths of its VPC (<see cref="Scoping.FocusOf"/>).</summary>
    private async Task<DiscoveredAccount> DiscoverAsync(DiscoveryFocus? focus, CancellationToken cancellationToken)
    {
        var discovery = new AccountDiscovery(_apis, _lookup, _options.Discovery with { Progress = _options.Discovery.Progress ?? _options.Progress });
        var discovered = await discovery.DiscoverAsync(focus, cancellationToken);

        // With PrivateZone off AcrReach leaves PrivateZone alone, the records it made earlier included: nothing to read.
        return _options.Apply.PrivateZone ? await ZoneReading.AddZonesAsync(_apis.Pvtz, discovered, cancellationToken) : discovered;
    }

    private async Task<ApplyReport> ExecuteAsync(ReconcileRequest request, PlannedScope? prepared, TimeSpan? timeLimit, CancellationToken cancellationToken)
    {
        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        var run = new RunRecord(NewRunId(startedAt), request, _options.Discovery.AccountId ?? "unknown");
        var deadline = startedAt + Max(timeLimit ?? TimeSpan.Zero, TimeSpan.Zero);
        using var overtime = timeLimit is { } limit ? new CancellationTokenSource(Max(limit, TimeSpan.Zero), _time) : new CancellationTokenSource();
        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overtime.Token);
        try
        {
            if (prepared is null && request.ReadyTimeout > TimeSpan.Zero)
            {
                var wait = timeLimit is { } budget ? Min(request.ReadyTimeout, budget) : request.ReadyTimeout;
                var (state, reason, ready) = await WaitUntilReadyAsync(request.Scope, wait, work.Token);
                if (state != ReadyState.Ready)
                {
                    run.Outcome = state == ReadyState.Gone ? ReconcileOutcome.NotFound : ReconcileOutcome.NotReady;
                    run.Error = new RunError(state == ReadyState.Gone ? RunError.NotFoundCode : RunError.NotReadyCode, reason!);
                }
                else if (reason is not null)
                {
                    // Some attachments of a merged run are not ready: the others are reconciled now, and the run still ends
                    // NotReady so that the event is delivered again for the rest.
                    run.Scope = ready;
                    run.Late = new RunError(RunError.NotReadyCode, reason);
                }
            }

            if (run.Outcome is not (ReconcileOutcome.NotReady or ReconcileOutcome.NotFound))
            {
                await PlanApplyVerifyAsync(run, prepared, work.Token);
                if (run.Late is { } late && !run.Outcome.CallsForRetry())
                {
                    (run.Outcome, run.Error) = (ReconcileOutcome.NotReady, late);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            (run.Outcome, run.Error) = (ReconcileOutcome.Cancelled, new RunError(RunError.CancelledCode, "cancelled"));
        }
        catch (OperationCanceledException) when (overtime.IsCancellationRequested)
        {
            (run.Outcome, run.Error) = (ReconcileOutcome.DeadlineExceeded, new RunError(
                RunError.DeadlineExceededCode,
                $"the run's time limit ({timeLimit!.Value.TotalSeconds:0} s, until {deadline.UtcDateTime:HH:mm:ss} UTC) ran out: the steps so far are reported, the rest is left to the next run"));
        }
        catch (CloudApiException e)
        {
            (run.Outcome, run.Error) = (ReconcileOutcome.Failed, RunError.Of(e));
        }
        catch (CredentialsNotFoundException e)
        {
            (run.Outcome, run.Error) = (ReconcileOutcome.Failed, new RunError(RunError.CredentialsNotFoundCode, e.Message));
        }

        var report = run.ToReport(startedAt, _time.GetElapsedTime(started));
        if (report.Outcome == ReconcileOutcome.Cancelled)
        {
            return report;
        }

        var region = _options.QueueRegion ?? report.Regions.FirstOrDefault() ?? _options.Discovery.HomeRegion;
        Progress($"publishing the run's message to {_options.Queue} ({region})");
        var receipt = await new Notifier(_apis, _options.Queue, _options.MaxMessageBytes).PublishAsync(report, report.Account, region, cancellationToken);
        if (receipt.Error is { } error)
        {
            Progress(error);
        }

        return report with { Notification = receipt, Duration = _time.GetElapsedTime(started) };
    }

    /// <summary>
    /// Waits for the scope's resource; for a merged run, for every attachment at once. A merged run is ready when one of its
    /// attachments is: the scope it goes on with is the ready ones, and the reason names the rest.
    /// </summary>
    private async Task<(ReadyState State, string? Reason, ReconcileScope Ready)> WaitUntilReadyAsync(ReconcileScope scope, TimeSpan wait, CancellationToken cancellationToken)
    {
        var readiness = new Readiness(_apis, _options, _time);
        if (scope is not AttachedNetworks many)
        {
            var (state, reason) = await readiness.WaitAsync(scope, wait, cancellationToken);
            return (state, reason, scope);
        }

        var states = await Task.WhenAll(many.Attachments.Select(a => readiness.WaitAsync(a, wait, cancellationToken)));
        var ready = many.Attachments.Where((_, i) => states[i].State == ReadyState.Ready).ToImmutableArray();
        var late = states.Where(s => s.State == ReadyState.NotReady).Select(s => s.Reason).ToList();
        var reasons = late.Count == 0 ? null : $"{late.Count} of {many.Attachments.Length} attachments not ready: {string.Join("; ", late.Take(3))}";
        return ready.IsEmpty
            ? (late.Count > 0 ? ReadyState.NotReady : ReadyState.Gone, reasons ?? string.Join("; ", states.Select(s => s.Reason).Take(3)), scope)
            : (ReadyState.Ready, reasons, ready.Length == 1 ? ready[0] : new AttachedNetworks(ready));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private async Task PlanApplyVerifyAsync(RunRecord run, PlannedScope? prepared, CancellationToken cancellationToken)
    {
        var request = run.Request with { Scope = run.Scope };
        var discovered = prepared?.Discovered ?? await DiscoverAsync(FirstFocusOf(request), cancellationToken);
        var scoped = prepared?.Scoped ?? Scoping.Apply(discovered, request.Scope);
        var plan = prepared?.Plan ?? PlanFor(discovered, scoped, request);
        run.Discovered(discovered, plan);
        if (request.Scope is WholeAccount && !discovered.IsPartial)
        {
            run.Stale = StaleRoutes.Find(discovered.Account);
        }

        Progress($"{plan.PlanId}: {plan.Actions.Length} action(s), {plan.Dns.Length} DNS record(s), {plan.Findings.Count(f => f.Severity == Severity.Error)} error finding(s)");
        if (request.Mode == ReconcileMode.ReportOnly)
        {
            run.Steps.AddRange(_applier.StepsOf(plan, scoped.Account).Select(s => StepReport.Skipped(s, ReportOnlyCode, "report-only run: nothing written")));
            run.Verification = scoped.Verify();
            run.Dns = plan.Dns;
            run.Checked(scoped.Account);
            run.Outcome = plan.Actions.IsEmpty && run.Verification.Reachable && !plan.HasErrors && !run.Notes.Any(n => n.Severity == Severity.Error) ? ReconcileOutcome.InSync : ReconcileOutcome.DriftReported;
            return;
        }

        var applyRun = new ApplyRun(run.RunId, request.Prune);

        for (var round = 1; ; round++)
        {
            if (!plan.Actions.IsEmpty || (_options.Apply.PrivateZone && !plan.Dns.IsEmpty))
            {
                Progress($"applying {plan.PlanId}");
            }

            var steps = await _applier.ApplyAsync(plan, scoped.Account, applyRun, cancellationToken);
            var seen = run.Steps.Select(s => s.Action.Describe()).ToHashSet(StringComparer.Ordinal);
            run.Steps.AddRange(steps.Where(s => !seen.Contains(s.Action.Describe())));
            cancellationToken.ThrowIfCancellationRequested();
            // Verify on state read afresh whenever the plan had work: a step found already there may have been made by a
            // run going on at the same time, after this run read the account.
            if (!steps.Any(s => s.Outcome is StepOutcome.Applied or StepOutcome.AlreadyPresent or StepOutcome.AlreadyAbsent))
            {
                break;
            }

            Progress("reading the account again to verify");
            discovered = await DiscoverAsync(Scoping.FocusOf(request with { Shared = null }), cancellationToken);
            scoped = Scoping.Apply(discovered, request.Scope);
            var next = PlanFor(discovered, scoped, request);
            var newRecords = !next.Dns.ToHashSet().SetEquals(plan.Dns);
            var moreToDo = next.Actions.Any(a => !a.IsRemoval || request.Prune) || (_options.Apply.PrivateZone && newRecords);
            if (moreToDo || newRecords)
            {
                // After a VPC link the plan knows the address the cloud gave it: routes and records for it follow.
                run.FollowUpPlanIds.Add(next.PlanId);
            }

            plan = next;
            if (!moreToDo || steps.Any(s => s.Outcome == StepOutcome.Failed) || round >= _options.MaxRounds)
            {
                break;
            }
        }

        run.Dns = plan.Dns;
        run.Notes = discovered.Notes;
        run.Verification = scoped.Verify();
        run.Checked(scoped.Account);
        var failed = run.Steps.Count(s => s.Outcome == StepOutcome.Failed);
        run.Outcome = failed > 0
            ? failed == run.Steps.Count ? ReconcileOutcome.Failed : ReconcileOutcome.PartiallyApplied
            : request.RollbackOf is null && (!run.Verification.Reachable || plan.HasErrors || run.Plan!.HasErrors || run.Notes.Any(n => n.Severity == Severity.Error)) ? ReconcileOutcome.Blocked
            : run.Steps.Any(s => s.Outcome == StepOutcome.Applied) ? ReconcileOutcome.Repaired
            : ReconcileOutcome.InSync;
    }

    private void Progress(string line) => _options.Progress?.Invoke(line);

    private static string NewRunId(DateTimeOffset at) =>
        $"run-{at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>What a run has found out so far; becomes the report.</summary>
    private sealed class RunRecord(string runId, ReconcileRequest request, string account)
    {
        public string RunId { get; } = runId;

        public ReconcileRequest Request { get; } = request;

        /// <summary>What the run reconciles: the request's scope, less the attachments of a merged run that are not ready.</summary>
        public ReconcileScope Scope { get; set; } = request.Scope;

        /// <summary>Why the run ends NotReady although it reconciled what was ready.</summary>
        public RunError? Late { get; set; }

        public string Account { get; private set; } = account;

        public ImmutableArray<string> Regions { get; private set; } = [];

        public Plan? Plan { get; private set; }

        public List<StepReport> Steps { get; } = [];

        public List<string> FollowUpPlanIds { get; } = [];

        public Verification? Verification { get; set; }

        public ImmutableArray<StaleRoute> Stale { get; set; } = [];

        public ImmutableArray<DnsRecord> Dns { get; set; } = [];

        public ImmutableArray<Finding> Notes { get; set; } = [];

        public ImmutableArray<PathCheck> Checks { get; private set; } = [];

        public ImmutableArray<OnPremisesNeeds> OnPremises { get; private set; } = [];

        public ReconcileOutcome Outcome { get; set; } = ReconcileOutcome.Failed;

        public RunError? Error { get; set; }

        public void Discovered(DiscoveredAccount discovered, Plan plan)
        {
            (Account, Regions, Notes, Plan) = (discovered.Account.AccountId, discovered.Regions, discovered.Notes, plan);
        }

        /// <summary>What verification checked beyond routing: names (PrivateZone records the account has or this run made, the region's resolver) and the data centers' own side.</summary>
        public void Checked(Core.Topology.Account account)
        {
            Checks = PathChecks.Of(account, Verification!, account.PrivateZones.Concat(PathChecks.ZonesOf(Steps)));
            OnPremises = PathChecks.OnPremises(account, Verification!, Dns);
        }

        public ApplyReport ToReport(DateTimeOffset startedAt, TimeSpan duration) => new()
        {
            RunId = RunId,
            PlanId = Plan?.PlanId ?? string.Empty,
            Steps = [.. Steps],
            Verification = Outcome is ReconcileOutcome.Cancelled or ReconcileOutcome.DeadlineExceeded ? null : Verification,
            Outcome = Outcome,
            Mode = Request.Mode,
            Trigger = Request.Trigger,
            Scope = Request.Scope.Describe(),
            Account = Account,
            Regions = Regions,
            Plan = Plan,
            FollowUpPlanIds = [.. FollowUpPlanIds],
            Dns = Dns.IsEmpty ? Plan?.Dns ?? [] : Dns,
            Stale = Stale,
            Notes = Notes,
            StartedAt = startedAt,
            Duration = duration,
            Error = Error,
            Checks = Outcome is ReconcileOutcome.Cancelled or ReconcileOutcome.DeadlineExceeded ? [] : Checks,
            OnPremises = Outcome is ReconcileOutcome.Cancelled or ReconcileOutcome.DeadlineExceeded ? [] : OnPremises,
            SweepId = Request.SweepId,
        };
    }
}

/// <summary>A scope planned, not applied: the plan (with its paths as they will be) and every required path as it is now.</summary>
/// <param name="Steps">What applying the plan would do: its actions, then (with PrivateZone on) a step per zone.</param>
public sealed record PlannedScope(Plan Plan, Verification Now, DiscoveredAccount Discovered, ScopedAccount Scoped, ImmutableArray<StepAction> Steps)
{
    /// <summary>Where the account's reach rules start (VPC ids, data-center names), sorted: to tell a network no rule names.</summary>
    public ImmutableArray<string> Sources =>
        [.. ReachRules.Effective(Discovered.Account).Select(r => r.From.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}

/// <summary>The answer to an apply by plan id: applied (with its report), or refused with the scope as it is planned now.</summary>
public sealed record ApprovedApply(bool Applied, PlannedScope Current, ApplyReport? Report);

/// <summary>A reach rule and whether it holds now: reached, actions still to apply, error findings.</summary>
public sealed record RuleStatus(string Source, string Registry, bool Reachable, int PendingActions, int ErrorFindings);

public sealed record AccountStatus(string AccountId, ImmutableArray<RuleStatus> Rules, ImmutableArray<Finding> Notes);
