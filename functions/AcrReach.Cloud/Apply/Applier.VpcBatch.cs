using System.Collections.Immutable;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Vpc;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Apply;

public sealed partial class Applier
{
    /// <summary>Destinations looked at in one DescribeRouteEntryList call (DestCidrBlockList): well inside a page of 100.</summary>
    private const int DestinationsPerLook = 20;

    /// <summary>
    /// "The destination already exists" from CreateRouteEntries, per entry: the SDK model's example FailedCode
    /// (aliyun/alibabacloud-typescript-sdk vpc-20160428 CreateRouteEntriesResponseBody), and CreateRouteEntry's codes in
    /// case the batch answers with those (cloud-apis.md §1.5).
    /// </summary>
    private static readonly ImmutableHashSet<string> BatchDuplicates = ImmutableHashSet.Create(
        StringComparer.Ordinal, "VPC_ROUTE_ENTRY_CIDR_BLOCK_DUPLICATE", "InvalidCIDRBlock.Duplicate", "InvalidRouteEntry.Duplicate", "RouterEntryConflict.Duplicated", "RouteConflict.AlreadyExist");

    /// <summary>
    /// Makes a VPC's absent routes with as few writes as the cloud allows: CreateRouteEntries takes up to 50 routes of one
    /// VPC, across its tables, in one call, and the VPC takes one write at a time either way, so one call and one wait
    /// replace a write and a wait per route. No look before the write: the plan was made from the tables just read, and the
    /// batch reports an existing destination per entry, which a look then settles as a route already present (same next
    /// hop) or a conflict (another). After the write, one look per table (by destination list) until every route is in
    /// force. The answer names a failed entry by destination and next hop only, which two tables of the VPC can share, so
    /// the look decides which table's route is missing: a route that shows with an id the batch answered is Applied, one
    /// that shows with another id was there already. Each step keeps its own outcome and the batch's request id.
    /// </summary>
    /// <returns>One report per step, in the order given.</returns>
    private async Task<StepReport[]> EnsureVpcRoutesAsync(IReadOnlyList<StepAction> steps, ApplyRun run, Account account, CancellationToken cancellationToken)
    {
        var routes = steps.Select(s => new BatchRoute(s, (CreateVpcRoute)s.Plan!, AcrReachMark.Describe(s.Plan!.Reason, run.RunId))).ToArray();
        if (cancellationToken.IsCancellationRequested)
        {
            return [.. routes.Select(r => NotStarted(r.Step))];
        }

        try
        {
            var first = routes[0].Action;
            var vpc = _apis.For(account, first.VpcId).Vpc(first.Region);
            var deadline = _time.GetUtcNow() + _options.StepTimeout;
            foreach (var chunk in routes.Chunk(CreateRouteEntriesRequest.MaxEntries))
            {
                await EnsureBatchAsync(vpc, chunk, deadline, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Settle(routes, r => new StepReport(r.Step, StepOutcome.Failed, r.WriteRequest, new StepError(CancelledCode, "the run was cancelled during this step; a later run sees whether its change was made")));
        }
        catch (CloudApiException e)
        {
            Settle(routes, r => new StepReport(r.Step, StepOutcome.Failed, e.RequestId, new StepError(e.Code, e.ServiceMessage)));
        }
        catch (CredentialsNotFoundException e)
        {
            Settle(routes, r => new StepReport(r.Step, StepOutcome.Failed, null, new StepError("CredentialsNotFound", e.Message)));
        }

        foreach (var route in routes.Where(r => r.Report is not null))
        {
            _options.Progress?.Invoke(route.Report!);
        }

        // The routes the batch refused where a single write may not: one at a time, each the way a single route is made.
        foreach (var route in routes.Where(r => r.Report is null))
        {
            route.Report = await RunAsync(route.Step, run, account, cancellationToken);
        }

        return [.. routes.Select(r => r.Report!)];
    }

    /// <summary>Reports every route still open (a run cancelled or a call refused past retrying), leaving those to be written singly open.</summary>
    private static void Settle(IEnumerable<BatchRoute> routes, Func<BatchRoute, StepReport> report)
    {
        foreach (var route in routes.Where(r => r.Report is null && !r.WriteSingly))
        {
            route.Report = report(route);
        }
    }

    /// <summary>One call's worth of routes (at most 50): written together, then looked at table by table until each is settled.</summary>
    private async Task EnsureBatchAsync(IVpcApi vpc, BatchRoute[] routes, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var ours = new HashSet<string>(StringComparer.Ordinal);
        var refused = new Dictionary<(string Destination, string? NextHop), Queue<FailedRouteEntry>>();
        var busyRounds = 0;
        var pauses = 0;
        var writtenAt = DateTimeOffset.MinValue;
        while (routes.Where(r => r.Report is null && !r.WriteSingly).ToList() is { Count: > 0 } open)
        {
            if (_time.GetUtcNow() > deadline)
            {
                foreach (var route in open)
                {
                    route.Report = TimedOut(route.Step, route.WriteRequest);
                }

                return;
            }

            var toWrite = open.Where(r => r.NeedsWrite).ToList();
            if (toWrite.Count > 0)
            {
                CreateRouteEntriesResponse answer;
                try
                {
                    answer = await vpc.CreateRouteEntriesAsync(new CreateRouteEntriesRequest
                    {
                        RegionId = toWrite[0].Action.Region,
                        RouteEntries = [.. toWrite.Select(r => r.Entry)],
                    }, cancellationToken);
                }
                catch (CloudApiException e) when (e.IsTransient && ++busyRounds <= _options.MaxBusyRounds)
                {
                    // The client already retried with back-off; the VPC is still busy (TaskConflict, another write in progress).
                    await PauseAsync(pauses++, cancellationToken);
                    continue;
                }
                catch (CloudApiException e) when (!e.IsTransient)
                {
                    foreach (var route in toWrite)
                    {
                        route.Report = new StepReport(route.Step, StepOutcome.Failed, e.RequestId, new StepError(e.Code, e.ServiceMessage));
                    }

                    continue;
                }

                writtenAt = _time.GetUtcNow();
                ours.UnionWith(answer.RouteEntryIds);
                foreach (var failed in answer.FailedRouteEntries)
                {
                    var key = (Canonical(failed.DstCidrBlock), failed.NextHop);
                    if (!refused.TryGetValue(key, out var queue))
                    {
                        refused[key] = queue = new Queue<FailedRouteEntry>();
                    }

                    queue.Enqueue(failed);
                }

                foreach (var route in toWrite)
                {
                    (route.NeedsWrite, route.WriteRequest, route.LooksSinceWrite) = (false, answer.RequestId, 0);
                }

                if (_inForceAfter.TryGetValue(typeof(BatchRoute), out var learned))
                {
                    // A little short of it, as for single writes: a first batch that was slow by chance must not slow every later look.
                    await Task.Delay(learned * 0.9, _time, cancellationToken);
                }
            }

            var lookedAt = _time.GetUtcNow();
            var looks = await Task.WhenAll(open.Where(r => r.Report is null && !r.NeedsWrite)
                .GroupBy(r => r.Action.RouteTableId, StringComparer.Ordinal)
                .SelectMany(table => table.Chunk(DestinationsPerLook))
                .Select(async group => (Routes: group, Answer: await vpc.DescribeRouteEntryListAsync(new DescribeRouteEntryListRequest
                {
                    RegionId = group[0].Action.Region,
                    RouteTableId = group[0].Action.RouteTableId,
                    DestCidrBlockList = [.. group.Select(r => Cidr.Format(r.Action.Destination))],
                    MaxResult = 100,
                }, cancellationToken))));
            foreach (var (group, look) in looks)
            {
                foreach (var route in group)
                {
                    var entry = look.RouteEntrys.RouteEntry.FirstOrDefault(e => Cidr.TryParseCanonical(e.DestinationCidrBlock, out var d, out _) && d == route.Action.Destination);
                    Decide(route, entry, look.RequestId, ours, refused);
                    if (route.Report?.Outcome == StepOutcome.Applied)
                    {
                        Learn(typeof(BatchRoute), lookedAt - writtenAt);
                    }
                }
            }

            if (open.Any(r => r.Report is null && !r.WriteSingly))
            {
                await PauseAsync(pauses++, cancellationToken);
            }
        }
    }

    /// <summary>What one look at one route's destination means for it.</summary>
    private void Decide(BatchRoute route, RouteEntryItem? entry, string? lookRequest, HashSet<string> ours, Dictionary<(string, string?), Queue<FailedRouteEntry>> refused)
    {
        var action = route.Action;
        if (entry is not null)
        {
            var hop = entry.NextHops.NextHop.FirstOrDefault();
            var matches = string.Equals(hop?.NextHopType, action.NextHopType, StringComparison.OrdinalIgnoreCase) && hop?.NextHopId == action.NextHopId
                && entry.NextHops.NextHop.Length == 1;
            var seen = RouteSeen(matches, entry.Status, "Pending", action.RouteTableId, action.Destination, hop?.NextHopType, hop?.NextHopId, entry.RouteEntryName, $"{action.NextHopType} {action.NextHopId}");
            (route.Report, route.BeingDeleted) = seen switch
            {
                { Progress: Progress.Going } => (null, true),
                { Matches: false } => (new StepReport(route.Step, StepOutcome.Failed, lookRequest, new StepError(RouteConflictCode, seen.Description)), false),
                { Progress: Progress.Done } => (entry.RouteEntryId is { } id && ours.Contains(id)
                    ? new StepReport(route.Step, StepOutcome.Applied, route.WriteRequest, null)
                    : new StepReport(route.Step, StepOutcome.AlreadyPresent, lookRequest, null), false),
                _ => (null, false),
            };
            route.LooksSinceWrite = 0;
            return;
        }

        // Absent. Refused by the batch (the first refusal of its destination and next hop not yet taken by another table's
        // route): a duplicate that has gone since is written again; anything else is this step's failure, except a
        // destination inside 100.64.0.0/10, which the batch's documentation refuses and CreateRouteEntry's allows
        // (cloud-apis.md §1.4): that one is made with a single write.
        if (refused.TryGetValue((Cidr.Format(action.Destination), action.NextHopId), out var queue) && queue.TryDequeue(out var failed))
        {
            if (BatchDuplicates.Contains(failed.FailedCode ?? string.Empty))
            {
                route.NeedsWrite = true;
            }
            else if (Cidr.CloudServices.Contains(action.Destination.BaseAddress) && action.Destination != Cidr.CloudServices)
            {
                route.WriteSingly = true;
            }
            else
            {
                route.Report = new StepReport(route.Step, StepOutcome.Failed, route.WriteRequest, new StepError(failed.FailedCode ?? "UnknownError", failed.FailedMessage ?? string.Empty));
            }

            return;
        }

        // Gone after being deleted, or written and still not listed after a few looks: write it again.
        if (route.BeingDeleted || ++route.LooksSinceWrite >= _options.LooksBeforeNewToken)
        {
            (route.NeedsWrite, route.BeingDeleted) = (true, false);
        }
    }

    private static string Canonical(string? destination) =>
        destination is not null && Cidr.TryParseCanonical(destination.Contains('/', StringComparison.Ordinal) ? destination : destination + "/32", out var network, out _)
            ? Cidr.Format(network)
            : destination ?? string.Empty;

    /// <summary>One route of a batch and where it stands.</summary>
    private sealed class BatchRoute(StepAction step, CreateVpcRoute action, string description)
    {
        public StepAction Step { get; } = step;

        public CreateVpcRoute Action { get; } = action;

        public CreateRouteEntriesRouteEntry Entry { get; } = new()
        {
            RouteTableId = action.RouteTableId,
            DstCidrBlock = Cidr.Format(action.Destination),
            NextHop = action.NextHopId,
            NextHopType = action.NextHopType,
            Name = AcrReachMark.Name,
            Description = description,
        };

        public StepReport? Report { get; set; }

        public bool NeedsWrite { get; set; } = true;

        public string? WriteRequest { get; set; }

        public int LooksSinceWrite { get; set; }

        public bool BeingDeleted { get; set; }

        /// <summary>The batch refused it where CreateRouteEntry may not: made on its own after the batch.</summary>
        public bool WriteSingly { get; set; }
    }
}
