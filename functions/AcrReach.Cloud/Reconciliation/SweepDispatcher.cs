using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.Fc;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Paging;
using AcrReach.Cloud.Vpc;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>What the timer asks of a fanned-out sweep: the worker function that runs each shard, the mode, the shard size.</summary>
public sealed record SweepFanOutRequest(string WorkerFunction, ReconcileMode Mode, int MaxNetworksPerShard = SweepSharding.DefaultMaxNetworksPerShard);

/// <summary>One shard handed to the worker: FC's request id for the async invocation, or why it could not be handed over.</summary>
public sealed record ShardDispatch(int Index, string Scope, string? RequestId, RunError? Error);

/// <summary>What the timer did: the sweep's id (every shard's message carries it) and each shard's hand-over.</summary>
public sealed record SweepFanOutReport(string SweepId, ImmutableArray<ShardDispatch> Shards, RunError? Error)
{
    public bool Dispatched => Error is null && Shards.All(s => s.Error is null);
}

/// <summary>
/// The timer's side of a fanned-out sweep: a survey far cheaper than discovery (the regions, the VPCs of each, and for a
/// region over the shard size the VPC attachments of its transit routers), the shards (<see cref="SweepSharding"/>), and
/// one asynchronous InvokeFunction of the worker per shard. FC's async queue retries and delivers each shard; nothing
/// here queues or schedules. Each invocation carries the task id <c>{sweepId}-{index}</c>, so a repeated hand-over of the
/// same sweep is one task to FC.
/// </summary>
public sealed class SweepDispatcher(CloudApis apis, ReconcilerOptions options, TimeProvider time)
{
    public async Task<SweepFanOutReport> FanOutAsync(SweepFanOutRequest request, string accountId, string region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sweepId = NewSweepId(time.GetUtcNow());
        ImmutableArray<ReconcileScope> scopes;
        try
        {
            var surveys = await SurveyAsync(request.MaxNetworksPerShard, cancellationToken);
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
            var payload = JsonSerializer.SerializeToUtf8Bytes(shard, SweepJsonContext.Default.SweepShard);
            try
            {
                var answer = await fc.InvokeFunctionAsync(
                    new InvokeFunctionRequest(request.WorkerFunction, payload, InvocationType.Async, AsyncTaskId: $"{sweepId}-{shard.Index.ToString(CultureInfo.InvariantCulture)}"),
                    cancellationToken);
                return new ShardDispatch(shard.Index, scope.Describe(), answer.RequestId ?? string.Empty, null);
            }
            catch (CloudApiException e)
            {
                return new ShardDispatch(shard.Index, scope.Describe(), null, RunError.Of(e));
            }
        }));
        return new SweepFanOutReport(sweepId, [.. dispatches], null);
    }

    /// <summary><c>sweep-yyyyMMddTHHmmssZ-xxxxxx</c>: sortable by time, unique by its random tail.</summary>
    public static string NewSweepId(DateTimeOffset now) =>
        $"sweep-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    private async Task<ImmutableArray<RegionSurvey>> SurveyAsync(int maxNetworksPerShard, CancellationToken cancellationToken)
    {
        var configured = options.Discovery.Regions.Distinct(StringComparer.Ordinal).ToImmutableArray();
        var routers = await apis.Cbn.ListAllTransitRoutersPerCenAsync(cancellationToken).ToImmutableArrayAsync(cancellationToken);
        var regions = configured;
        if (regions.IsEmpty)
        {
            // As discovery reads: every region holding a transit router or a registry.
            var home = apis.Cr(options.Discovery.HomeRegion);
            var crRegions = (await home.ListInstanceRegionAsync(new ListInstanceRegionRequest(), cancellationToken)).Regions.Select(r => r.RegionId).OfType<string>().Where(r => r.Length > 0).Distinct(StringComparer.Ordinal);
            var withRegistry = await Task.WhenAll(crRegions.Select(async r =>
                (await apis.Cr(r).ListAllInstancesAsync(null, cancellationToken).ToImmutableArrayAsync(cancellationToken)).Any(i => i.RegionId == r) ? r : null));
            regions = [.. routers.Select(r => r.RegionId).Concat(withRegistry).OfType<string>().Where(r => r.Length > 0).Distinct(StringComparer.Ordinal)];
        }

        return [.. await Task.WhenAll(regions.Select(async region =>
        {
            var vpcs = await apis.Vpc(region).DescribeAllVpcsAsync(new DescribeVpcsRequest { RegionId = region }, cancellationToken).ToImmutableArrayAsync(cancellationToken);
            var ids = vpcs.Select(v => v.VpcId).OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (ids.Count <= maxNetworksPerShard)
            {
                return new RegionSurvey(region, ids.Count);
            }

            var here = routers.Where(r => r.RegionId == region && r.TransitRouterId is not null).Select(r => r.TransitRouterId!).ToArray();
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
