using System.Collections.Immutable;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.OpenApi;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Apply;

/// <summary>
/// Executes a plan against the cloud, idempotently: every change is made only if absent — looked for before it is made
/// (deterministic ClientTokens, so two runs at once make it once), or, for a VPC's new routes, written together in one
/// CreateRouteEntries call whose answer says per route whether it existed — one write at a time per VPC and per
/// transit-router route table (parallel across them), each waited for until it is in force. A destination that is
/// already routed elsewhere is a failed step (RouteConflict), never overwritten; nothing is modified, and only the
/// plan's removals (AcrReach's own routes, when the run prunes) are deleted.
/// Returns one step per action, in the plan's order (then the PrivateZone steps), partial when cancelled; a failed
/// step never throws.
/// </summary>
public sealed partial class Applier
{
    public const string RouteConflictCode = FindingCodes.RouteConflict;
    public const string DnsConflictCode = "DnsConflict";
    public const string CancelledCode = "Cancelled";
    public const string TimeoutCode = "Timeout";
    public const string PruneNotAskedCode = "PruneNotAsked";

    /// <summary>The route is there with the right next hop but does not forward, and waiting will not change that.</summary>
    public const string RouteNotActiveCode = "RouteNotActive";

    private readonly CloudApis _apis;
    private readonly ApplierOptions _options;
    private readonly TimeProvider _time;

    // How soon after its create each kind of change was first seen in force, least so far: the next create of that kind
    // is first looked at a little before that instead of at once and on the short schedule, which on a cloud that takes a
    // second to put a route in force spares about five looks per write (a burst of writes would otherwise spend most of
    // its calls on looks) and lands the look closer to the moment the route is in force.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, TimeSpan> _inForceAfter = new();

    public Applier(CloudApis apis, ApplierOptions? options = null, TimeProvider? time = null)
    {
        _apis = apis ?? throw new ArgumentNullException(nameof(apis));
        _options = options ?? new ApplierOptions();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The steps a plan takes, before any is run: its actions, then (with PrivateZone on) one step per zone.</summary>
    public ImmutableArray<StepAction> StepsOf(Plan plan, Account account)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(account);
        var steps = plan.Actions.Select(StepAction.Of);
        return _options.PrivateZone ? [.. steps.Concat(PrivateZonePlanning.For(plan, account).Select(StepAction.Of))] : [.. steps];
    }

    public Task<ImmutableArray<StepReport>> ApplyAsync(Plan plan, Account account, CancellationToken cancellationToken = default) =>
        ApplyAsync(plan, account, ApplyRun.Anonymous, cancellationToken);

    /// <summary>
    /// Applies <paramref name="plan"/> as part of <paramref name="run"/>: the routes it makes name the run in their mark,
    /// and its removals run only when the run prunes (otherwise each is a skipped step: reported, not done).
    /// </summary>
    public async Task<ImmutableArray<StepReport>> ApplyAsync(Plan plan, Account account, ApplyRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var steps = StepsOf(plan, account);
        var reports = new StepReport[steps.Length];
        using var parallel = new SemaphoreSlim(_options.MaxParallelTables);
        var lanes = steps.Select((step, index) => (Step: step, Index: index)).GroupBy(p => LaneOf(p.Step), StringComparer.Ordinal);
        await Task.WhenAll(lanes.Select(async lane =>
        {
            var entered = false;
            try
            {
                await parallel.WaitAsync(cancellationToken);
                entered = true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }

            try
            {
                // A VPC's new routes go out together (CreateRouteEntries), where the first of them stands in the lane.
                var vpcRoutes = lane.Where(p => p.Step.Plan is CreateVpcRoute).ToList();
                foreach (var (step, index) in lane)
                {
                    if (entered && step.Plan is CreateVpcRoute)
                    {
                        if (index == vpcRoutes[0].Index)
                        {
                            var batch = await EnsureVpcRoutesAsync([.. vpcRoutes.Select(p => p.Step)], run, account, cancellationToken);
                            foreach (var (report, at) in batch.Zip(vpcRoutes.Select(p => p.Index)))
                            {
                                reports[at] = report;
                            }
                        }

                        continue;
                    }

                    reports[index] = !entered ? NotStarted(step)
                        : step.Plan is { IsRemoval: true } && !run.Prune ? StepReport.Skipped(step, PruneNotAskedCode, "a removal is only reported unless pruning is asked for (--prune)")
                        : await RunAsync(step, run, account, cancellationToken);
                }
            }
            finally
            {
                if (entered)
                {
                    parallel.Release();
                }
            }
        }));
        return [.. reports];
    }

    /// <summary>Steps in one lane run one after another: a VPC takes one route write at a time, a transit-router table too.</summary>
    private static string LaneOf(StepAction step) => (step.Plan, step.Zone) switch
    {
        (CreateVpcRoute v, _) => "vpc:" + v.VpcId,
        (CreateTransitRoute t, _) => "tr-table:" + t.RouteTableId,
        (DeleteVpcRoute v, _) => "vpc:" + v.VpcId,
        (DeleteTransitRoute t, _) => "tr-table:" + t.RouteTableId,
        (LinkVpcEndpoint l, _) => "registry:" + l.InstanceId,
        (DeleteZoneRecord r, _) => "zone:" + r.ZoneName,
        (UnbindZoneVpc u, _) => "zone:" + u.ZoneName,
        (_, { } z) => "zone:" + z.ZoneName,
        _ => "other",
    };

    /// <summary>One step, with the credentials of the account that owns what it changes (a member's role for a member's VPC).</summary>
    private async Task<StepReport> RunAsync(StepAction step, ApplyRun run, Account account, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return NotStarted(step);
        }

        StepReport report;
        try
        {
            report = (step.Plan, step.Zone) switch
            {
                (CreateVpcRoute v, _) => await EnsureAsync(step, new VpcRouteChange(_apis.For(account, v.VpcId).Vpc(v.Region), v, AcrReachMark.Describe(v.Reason, run.RunId)), cancellationToken),
                (CreateTransitRoute t, _) => await EnsureAsync(step, new TransitRouteChange(_apis.For(account, t.TransitRouterId).Cbn, t, AcrReachMark.Describe(t.Reason, run.RunId)), cancellationToken),
                (DeleteVpcRoute v, _) => await EnsureAbsentAsync(step, new VpcRouteRemoval(_apis.For(account, v.VpcId).Vpc(v.Region), v), cancellationToken),
                (DeleteTransitRoute t, _) => await EnsureAbsentAsync(step, new TransitRouteRemoval(_apis.For(account, t.TransitRouterId).Cbn, t), cancellationToken),
                (LinkVpcEndpoint l, _) => await EnsureAsync(step, new VpcLinkChange(_apis.For(account, l.InstanceId).Cr(l.Region), l), cancellationToken),
                (DeleteZoneRecord r, _) => await EnsureRecordAbsentAsync(step, r, cancellationToken),
                (UnbindZoneVpc u, _) => await EnsureUnboundAsync(step, u, cancellationToken),
                (_, { } z) => await EnsureZoneAsync(step, z, cancellationToken),
                _ => throw new InvalidOperationException($"no way to apply {step.Describe()}"),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            report = new StepReport(step, StepOutcome.Failed, null, new StepError(CancelledCode, "the run was cancelled during this step; a later run sees whether its change was made"));
        }
        catch (CloudApiException e)
        {
            report = new StepReport(step, StepOutcome.Failed, e.RequestId, new StepError(e.Code, e.ServiceMessage));
        }
        catch (CredentialsNotFoundException e)
        {
            report = new StepReport(step, StepOutcome.Failed, null, new StepError("CredentialsNotFound", e.Message));
        }

        _options.Progress?.Invoke(report);
        return report;
    }

    private static StepReport NotStarted(StepAction step) =>
        StepReport.Skipped(step, CancelledCode, "the run was cancelled before this step");

    /// <summary>
    /// Makes one change if it is absent, the one way for routes and VPC links: look; if it is there with the same next hop,
    /// wait until it is in force; if it is there with another, fail (never overwrite); if it is being deleted, wait it out;
    /// if absent, create it with the change's ClientToken and look again. "Already exists" answers mean look again.
    /// </summary>
    private async Task<StepReport> EnsureAsync(StepAction step, Change change, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.StepTimeout;
        var generation = 1;
        var busyRounds = 0;
        var looksSinceCreate = 0;
        var pauses = 0;
        string? createRequest = null;
        var created = false;
        var createdAt = DateTimeOffset.MinValue;
        while (true)
        {
            var lookedAt = _time.GetUtcNow();
            var (seen, lookRequest) = await change.LookAsync(cancellationToken);
            if (seen is not null)
            {
                if (!seen.Matches && seen.Progress != Progress.Going)
                {
                    return new StepReport(step, StepOutcome.Failed, lookRequest, new StepError(RouteConflictCode, seen.Description));
                }

                if (seen.Progress == Progress.Stuck)
                {
                    return new StepReport(step, StepOutcome.Failed, lookRequest, new StepError(RouteNotActiveCode, seen.Description));
                }

                if (seen.Matches && seen.Progress == Progress.Done)
                {
                    if (created)
                    {
                        Learn(change.GetType(), lookedAt - createdAt);
                    }

                    return created
                        ? new StepReport(step, StepOutcome.Applied, createRequest, null)
                        : new StepReport(step, StepOutcome.AlreadyPresent, lookRequest, null);
                }

                looksSinceCreate = 0;
            }
            else
            {
                if (created && ++looksSinceCreate >= _options.LooksBeforeNewToken)
                {
                    // The create succeeded, yet nothing shows: the token was answered with an earlier result that is gone.
                    (generation, created, looksSinceCreate) = (generation + 1, false, 0);
                }

                if (!created)
                {
                    if (_time.GetUtcNow() > deadline)
                    {
                        return TimedOut(step, lookRequest);
                    }

                    try
                    {
                        createRequest = await change.CreateAsync(generation, cancellationToken);
                        created = true;
                        createdAt = _time.GetUtcNow();
                        if (_inForceAfter.TryGetValue(change.GetType(), out var learned))
                        {
                            // A little short of it: a first write that was slow by chance must not slow every later look.
                            await Task.Delay(learned * 0.9, _time, cancellationToken);
                        }

                        continue;
                    }
                    catch (CloudApiException e) when (change.IsDuplicate(e.Code))
                    {
                        // Someone made it between our look and our create (or the list does not show it yet): look again.
                    }
                    catch (CloudApiException e) when (e.Code == "IdempotentParameterMismatch")
                    {
                        generation++;
                        continue;
                    }
                    catch (CloudApiException e) when (e.IsTransient && ++busyRounds <= _options.MaxBusyRounds)
                    {
                        // The client already retried with back-off; the table is still busy. Look again after a pause.
                    }
                }
            }

            if (_time.GetUtcNow() > deadline)
            {
                return TimedOut(step, lookRequest);
            }

            await PauseAsync(pauses++, cancellationToken);
        }
    }

    /// <summary>Keeps the least time a kind of change took to be seen in force (a busy moment does not slow later looks).</summary>
    private void Learn(Type kind, TimeSpan took)
    {
        if (took > TimeSpan.Zero && took <= _options.MaxPollInterval * 4)
        {
            _inForceAfter.AddOrUpdate(kind, took, (_, least) => took < least ? took : least);
        }
    }

    private StepReport TimedOut(StepAction step, string? requestId) =>
        new(step, StepOutcome.Failed, requestId, new StepError(TimeoutCode, $"not in force within {_options.StepTimeout.TotalSeconds:0} s; a later run picks it up"));

    private Task PauseAsync(int pause, CancellationToken cancellationToken) =>
        Task.Delay(PollSchedule.Pause(pause, _options.PollInterval, _options.MaxPollInterval), _time, cancellationToken);

    private enum Progress
    {
        /// <summary>In force: Available, Active, RUNNING.</summary>
        Done,

        /// <summary>On its way: Pending, Creating, CREATING.</summary>
        Coming,

        /// <summary>Being deleted: wait until it is gone.</summary>
        Going,

        /// <summary>Present but not in force, and not on its way to it (a transit route Rejected, Standby or Prohibited).</summary>
        Stuck,
    }

    /// <summary>What a look found: whether it is the change asked for (same next hop), how far along, and what it is.</summary>
    private sealed record Seen(bool Matches, Progress Progress, string Description);

    /// <summary>One change the applier can look for and make.</summary>
    private abstract class Change
    {
        public abstract Task<(Seen? Seen, string? RequestId)> LookAsync(CancellationToken cancellationToken);

        /// <summary>Makes the change; returns the request id.</summary>
        public abstract Task<string?> CreateAsync(int generation, CancellationToken cancellationToken);

        /// <summary>An answer meaning "it exists already": look again to see whether it is ours or a conflict.</summary>
        public abstract bool IsDuplicate(string code);
    }
}

/// <summary>The run a plan is applied for: its id goes into the mark of every route it makes; removals only when it prunes.</summary>
public sealed record ApplyRun(string? RunId, bool Prune)
{
    public static readonly ApplyRun Anonymous = new(null, false);
}
