using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Vpc;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;

namespace AcrReach.Cloud.Apply;

public sealed partial class Applier
{
    /// <summary>Answers that mean the route is gone already (cloud-apis.md §1.5, §2.4; the TR one per cbn-20170912's model).</summary>
    private static readonly HashSet<string> GoneCodes = new(StringComparer.Ordinal)
    {
        "InvalidRouteEntry.NotFound", "InvalidRouteEntryId.NotFound", "InvalidDestinationCidrBlock.NotFound", "IllegalParam.TransitRouterRouteEntryId",
    };

    /// <summary>
    /// Removes one of AcrReach's routes if it is there, the mirror of <see cref="EnsureAsync"/>: look; absent is
    /// <see cref="StepOutcome.AlreadyAbsent"/>; being created or deleted, wait it out; there with the planned next hop and
    /// AcrReach's mark, delete it (by the id the look found) and look until it is gone; there but changed (another next hop,
    /// no mark), fail without touching it. A concurrent run's delete shows as "not found" or a busy table: look again.
    /// </summary>
    private async Task<StepReport> EnsureAbsentAsync(StepAction step, Removal removal, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.StepTimeout;
        var busyRounds = 0;
        var pauses = 0;
        string? deleteRequest = null;
        while (true)
        {
            var (seen, lookRequest) = await removal.LookAsync(cancellationToken);
            if (seen is null)
            {
                return deleteRequest is null
                    ? new StepReport(step, StepOutcome.AlreadyAbsent, lookRequest, null)
                    : new StepReport(step, StepOutcome.Applied, deleteRequest, null);
            }

            if (!seen.Ours)
            {
                return new StepReport(step, StepOutcome.Failed, lookRequest, new StepError(RouteChangedCode, seen.Description));
            }

            if (seen.Progress == Progress.Done && deleteRequest is null)
            {
                if (_time.GetUtcNow() > deadline)
                {
                    return TimedOut(step, lookRequest);
                }

                try
                {
                    deleteRequest = await removal.DeleteAsync(seen.Id, cancellationToken);
                    continue;
                }
                catch (CloudApiException e) when (GoneCodes.Contains(e.Code))
                {
                    // Deleted by a run going on at the same time: the next look finds it gone.
                    continue;
                }
                catch (CloudApiException e) when (e.IsTransient && ++busyRounds <= _options.MaxBusyRounds)
                {
                    // The table is busy (this route or another is being written): look again after a pause.
                }
            }

            if (_time.GetUtcNow() > deadline)
            {
                return TimedOut(step, lookRequest);
            }

            await PauseAsync(pauses++, cancellationToken);
        }
    }

    public const string RouteChangedCode = "RouteChanged";

    /// <summary>What a look before a removal found: the entry's id, whether it is still the route planned away, how far along.</summary>
    private sealed record Present(string? Id, bool Ours, Progress Progress, string Description);

    private abstract class Removal
    {
        public abstract Task<(Present? Seen, string? RequestId)> LookAsync(CancellationToken cancellationToken);

        public abstract Task<string?> DeleteAsync(string? entryId, CancellationToken cancellationToken);
    }

    private sealed class VpcRouteRemoval(IVpcApi vpc, DeleteVpcRoute action) : Removal
    {
        public override async Task<(Present? Seen, string? RequestId)> LookAsync(CancellationToken cancellationToken)
        {
            var (entry, requestId) = await FindVpcRouteAsync(vpc, action.Region, action.RouteTableId, action.Destination, cancellationToken);
            if (entry is null)
            {
                return (null, requestId);
            }

            var hop = entry.NextHops.NextHop.FirstOrDefault();
            var ours = AcrReachMark.IsMarked(entry.RouteEntryName, entry.Description) && entry.NextHops.NextHop.Length == 1
                && string.Equals(hop?.NextHopType, action.NextHopType, StringComparison.OrdinalIgnoreCase) && hop?.NextHopId == action.NextHopId;
            var progress = entry.Status is "Pending" or "Modifying" ? Progress.Coming : entry.Status == "Deleting" ? Progress.Going : Progress.Done;
            return (new Present(entry.RouteEntryId, ours, progress,
                $"{Cidr.Format(action.Destination)} in {action.RouteTableId} now goes to {hop?.NextHopType} {hop?.NextHopId} ('{entry.RouteEntryName}'): not the route AcrReach planned to remove, left as it is"), requestId);
        }

        public override async Task<string?> DeleteAsync(string? entryId, CancellationToken cancellationToken)
        {
            // By id when the look found one (exact), else by table + destination + next hop (VPC DeleteRouteEntry's other form).
            var answer = await vpc.DeleteRouteEntryAsync(entryId is not null
                ? new DeleteRouteEntryRequest { RegionId = action.Region, RouteEntryId = entryId }
                : new DeleteRouteEntryRequest { RegionId = action.Region, RouteTableId = action.RouteTableId, DestinationCidrBlock = Cidr.Format(action.Destination), NextHopId = action.NextHopId },
                cancellationToken);
            return answer.RequestId;
        }
    }

    private sealed class TransitRouteRemoval(ICbnApi cbn, DeleteTransitRoute action) : Removal
    {
        public override async Task<(Present? Seen, string? RequestId)> LookAsync(CancellationToken cancellationToken)
        {
            var (entry, requestId) = await FindStaticTransitRouteAsync(cbn, action.RouteTableId, action.Destination, cancellationToken);
            if (entry is null)
            {
                return (null, requestId);
            }

            var ours = AcrReachMark.IsMarked(entry.TransitRouterRouteEntryName, entry.TransitRouterRouteEntryDescription)
                && entry.TransitRouterRouteEntryNextHopType == "Attachment" && entry.TransitRouterRouteEntryNextHopId == action.NextHopId;
            var progress = entry.TransitRouterRouteEntryStatus switch
            {
                "Creating" => Progress.Coming,
                "Deleting" => Progress.Going,
                _ => Progress.Done,
            };
            return (new Present(entry.TransitRouterRouteEntryId, ours, progress,
                $"{Cidr.Format(action.Destination)} in {action.RouteTableId} now goes to {entry.TransitRouterRouteEntryNextHopType} {entry.TransitRouterRouteEntryNextHopId} ('{entry.TransitRouterRouteEntryName}'): not the route AcrReach planned to remove, left as it is"),
                requestId);
        }

        public override async Task<string?> DeleteAsync(string? entryId, CancellationToken cancellationToken)
        {
            var answer = await cbn.DeleteTransitRouterRouteEntryAsync(entryId is not null
                ? new DeleteTransitRouterRouteEntryRequest { TransitRouterRouteEntryId = entryId }
                : new DeleteTransitRouterRouteEntryRequest
                {
                    TransitRouterRouteTableId = action.RouteTableId,
                    TransitRouterRouteEntryDestinationCidrBlock = Cidr.Format(action.Destination),
                    TransitRouterRouteEntryNextHopType = "Attachment",
                    TransitRouterRouteEntryNextHopId = action.NextHopId,
                },
                cancellationToken);
            return answer.RequestId;
        }
    }
}
