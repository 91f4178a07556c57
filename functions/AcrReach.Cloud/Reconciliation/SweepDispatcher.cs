using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.Fc;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Paging;
using AcrReach.Cloud.Vpc;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>What the timer asks of a fanned-out sweep: the worker function that runs each shard, the mode, the shard size.</summary>
public sealed record SweepFanOutRequest(string WorkerFunction, ReconcileMode Mode, int MaxNetworksPerShard = SweepSharding.DefaultMaxNetworksPerShard);

/// <summary>One shard handed to the worker: FC's request id for the async invocation, or why it could not be handed over.</summary>
/// <param name="PayloadBytes">The size of the InvokeFunction payload.</param>
/// <param name="Shared">The payload carried the sweep's account-wide readings (else they did not fit, and the shard reads them).</param>
public sealed record ShardDispatch(int Index, string Scope, string? RequestId, RunError? Error, int PayloadBytes = 0, bool Shared = false);

/// <summary>What the timer did: the sweep's id (every shard's message carries it) and each shard's hand-over.</summary>
public sealed record SweepFanOutReport(string SweepId, ImmutableArray<ShardDispatch> Shards, RunError? Error)
{
    public bool Dispatched => Error is null && Shards.All(s => s.Error is null);
}

/// <summary>
/// The timer's side of a fanned-out sweep: the account-wide readings every shard needs (<see cref="SharedReadings"/>:
/// routers, registries and their endpoints, peer, VBR and VPN attachments), a survey far cheaper than discovery (the
/// VPCs of each region counted, and for a region over the shard size the VPC attachments of its transit routers), the
/// shards (<see cref="SweepSharding"/>), and one asynchronous InvokeFunction of the worker per shard, carrying the shared
/// readings when they fit in FC's async payload. FC's async queue retries and delivers each shard; nothing here queues or
/// schedules. Each invocation carries the task id <c>{sweepId}-{index}</c>, so a repeated hand-over of the same sweep is
/// one task to FC.
/// </summary>
public sealed class SweepDispatcher(CloudApis apis, IEndpointLookup lookup, ReconcilerOptions options, TimeProvider time)
{
    /// <summary>FC 3.0's limit on an asynchronous invocation's payload: 128 KB (platform.md, "Limits").</summary>
    public const int MaxAsyncPayloadBytes = 128 * 1024;

    public async Task<SweepFanOutReport> FanOutAsync(SweepFanOutRequest request, string accountId, string region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sweepId = NewSweepId(time.GetUtcNow());
        ImmutableArray<ReconcileScope> scopes;
        SharedReadings shared;
        try
        {
            shared = await new AccountDiscovery(apis, lookup, options.Discovery).ReadSharedAsync(time.GetUtcNow(), cancellationToken);
            var surveys = await SurveyAsync(shared, request.MaxNetworksPerShard, cancellationToken);
            scopes = SweepSharding.Split(surveys, request.MaxNetworksPerShard);
        }
        catch (CloudApiException e)
        {
            return new SweepFanOutReport(sweepId, [], RunError.Of(e));
        }

        var fc = apis.Fc(accountId, region);
        var dispatches = await Task.WhenAll(scopes.Select(async (scope, index) =>
        {
            var shard = SweepShard.Of(sweepId, index + 1, scopes.Length, request.Mode, scope);
            var payload = JsonSerializer.SerializeToUtf8Bytes(shard with { Shared = shared }, SweepJsonContext.Default.SweepShard);
            var carried = payload.Length <= MaxAsyncPayloadBytes;
            if (!carried)
            {
                payload = JsonSerializer.SerializeToUtf8Bytes(shard, SweepJsonContext.Default.SweepShard);
            }

            try
            {
                var answer = await fc.InvokeFunctionAsync(
                    new InvokeFunctionRequest(request.WorkerFunction, payload, InvocationType.Async, AsyncTaskId: $"{sweepId}-{shard.Index.ToString(CultureInfo.InvariantCulture)}"),
                    cancellationToken);
                return new ShardDispatch(shard.Index, scope.Describe(), answer.RequestId ?? string.Empty, null, payload.Length, carried);
            }
            catch (CloudApiException e)
            {
                return new ShardDispatch(shard.Index, scope.Describe(), null, RunError.Of(e), payload.Length, carried);
            }
        }));
        return new SweepFanOutReport(sweepId, [.. dispatches], null);
    }

    /// <summary><c>sweep-yyyyMMddTHHmmssZ-xxxxxx</c>: sortable by time, unique by its random tail.</summary>
    public static string NewSweepId(DateTimeOffset now) =>
        $"sweep-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    /// <summary>
    /// Each region's networks: counted from one page's total (DescribeVpcs answers TotalCount), and for a region over
    /// the shard size listed, with its routers' VPC attachments, to count them per router.
    /// </summary>
    private async Task<ImmutableArray<RegionSurvey>> SurveyAsync(SharedReadings shared, int maxNetworksPerShard, CancellationToken cancellationToken)
    {
        var regions = AccountDiscovery.RegionsOf(shared.Regions, [new AccountDiscovery.Listing(shared.Routers, shared.Instances)]);
        return [.. await Task.WhenAll(regions.Select(async region =>
        {
            var vpc = apis.Vpc(region);
            var first = await vpc.DescribeVpcsAsync(new DescribeVpcsRequest { RegionId = region, PageNumber = 1, PageSize = 1 }, cancellationToken);
            if (first.TotalCount <= maxNetworksPerShard)
            {
                return new RegionSurvey(region, first.TotalCount);
            }

            var vpcs = await vpc.DescribeAllVpcsAsync(new DescribeVpcsRequest { RegionId = region }, cancellationToken).ToImmutableArrayAsync(cancellationToken);
            var ids = vpcs.Select(v => v.VpcId).OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (ids.Count <= maxNetworksPerShard)
            {
                return new RegionSurvey(region, ids.Count);
            }

            var here = shared.Routers.Where(r => r.RegionId == region && r.TransitRouterId is not null).Select(r => r.TransitRouterId!).ToArray();
            var attachments = (await Task.WhenAll(here.Select(router =>
                    apis.Cbn.ListAllTransitRouterVpcAttachmentsAsync(new ListTransitRouterVpcAttachmentsRequest { TransitRouterId = router }, cancellationToken).ToImmutableArrayAsync(cancellationToken))))
                .SelectMany(a => a)
                .Where(a => a.VpcId is not null && ids.Contains(a.VpcId) && a.TransitRouterId is not null)
                .OrderBy(a => a.TransitRouterAttachmentId, StringComparer.Ordinal);
            var routerOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var attachment in attachments)
            {
                routerOf.TryAdd(attachment.VpcId!, attachment.TransitRouterId!);
            }

            var perRouter = routerOf.Values.GroupBy(r => r, StringComparer.Ordinal).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return new RegionSurvey(region, ids.Count, perRouter, ids.Count - routerOf.Count);
        }))];
    }
}
