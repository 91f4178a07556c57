using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.Paging;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>
/// Waits until the resource an event names is usable: an attachment Attached (it is still Attaching when the event
/// fires, cloud-apis.md §5), a registry RUNNING. Polls with growing pauses on the injected clock, up to a timeout.
/// </summary>
internal sealed class Readiness(CloudApis apis, ReconcilerOptions options, TimeProvider time)
{
    public async Task<(bool Ready, string? Reason)> WaitAsync(ReconcileScope scope, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Func<CancellationToken, Task<string?>>? status = scope switch
        {
            AttachmentNetwork a when a.AttachmentId is not null || (a.Type == AttachmentType.Vpc && a.NetworkId is not null && (a.TransitRouterId ?? a.Region) is not null)
                => token => AttachmentStatusAsync(a, token),
            RegistryNetworks { InstanceId: { } id } r => token => RegistryStatusAsync(id, r.Region, token),
            _ => null,
        };
        if (status is null)
        {
            return (true, null);
        }

        var (ready, what) = scope is AttachmentNetwork ? ("Attached", "attachment") : ("RUNNING", "registry");
        var deadline = time.GetUtcNow() + timeout;
        var pause = options.ReadyPoll;
        string? last = null;
        while (true)
        {
            last = await status(cancellationToken);
            if (last == ready)
            {
                return (true, null);
            }

            if (time.GetUtcNow() + pause > deadline)
            {
                return (false, $"the {what} of {scope.Describe()} was {last ?? "not found"} after waiting {timeout.TotalSeconds:0} s for {ready}");
            }

            options.Progress?.Invoke($"waiting for the {what} to be {ready} (now {last ?? "not found"})");
            await Task.Delay(pause, time, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, options.MaxReadyPoll.Ticks));
        }
    }

    private async Task<string?> AttachmentStatusAsync(AttachmentNetwork scope, CancellationToken cancellationToken)
    {
        var cbn = apis.Cbn;
        IEnumerable<TransitRouterAttachmentItem> found = scope.Type switch
        {
            AttachmentType.Vbr => await cbn.ListAllTransitRouterVbrAttachmentsAsync(new ListTransitRouterVbrAttachmentsRequest { TransitRouterAttachmentId = scope.AttachmentId, TransitRouterId = scope.TransitRouterId }, cancellationToken).ToImmutableArrayAsync(cancellationToken),
            AttachmentType.Vpn => await cbn.ListAllTransitRouterVpnAttachmentsAsync(new ListTransitRouterVpnAttachmentsRequest { TransitRouterAttachmentId = scope.AttachmentId, TransitRouterId = scope.TransitRouterId }, cancellationToken).ToImmutableArrayAsync(cancellationToken),
            AttachmentType.Peer => await cbn.ListAllTransitRouterPeerAttachmentsAsync(new ListTransitRouterPeerAttachmentsRequest { TransitRouterAttachmentId = scope.AttachmentId, TransitRouterId = scope.TransitRouterId }, cancellationToken).ToImmutableArrayAsync(cancellationToken),
            _ => (await cbn.ListAllTransitRouterVpcAttachmentsAsync(new ListTransitRouterVpcAttachmentsRequest
            {
                TransitRouterAttachmentId = scope.AttachmentId,
                TransitRouterId = scope.TransitRouterId,
                RegionId = scope.TransitRouterId is null ? scope.Region : null,
                VpcId = scope.NetworkId,
            }, cancellationToken).ToImmutableArrayAsync(cancellationToken)).Where(a => scope.NetworkId is null || a.VpcId == scope.NetworkId),
        };
        return found.FirstOrDefault(a => scope.AttachmentId is null || a.TransitRouterAttachmentId == scope.AttachmentId)?.Status;
    }

    private async Task<string?> RegistryStatusAsync(string instanceId, string? region, CancellationToken cancellationToken)
    {
        region ??= await RegionOfAsync(instanceId, cancellationToken);
        if (region is null)
        {
            return null;
        }

        try
        {
            return (await apis.Cr(region).GetInstanceAsync(new GetInstanceRequest { InstanceId = instanceId }, cancellationToken)).InstanceStatus;
        }
        catch (OpenApi.CloudApiException e) when (e.Code.Contains("NOT_EXIST", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
    }

    /// <summary>The region of an instance the event did not place: asked of every region Container Registry serves.</summary>
    private async Task<string?> RegionOfAsync(string instanceId, CancellationToken cancellationToken)
    {
        var regions = await apis.Cr(options.Discovery.HomeRegion).ListInstanceRegionAsync(new ListInstanceRegionRequest(), cancellationToken);
        foreach (var region in regions.Regions.Select(r => r.RegionId).OfType<string>())
        {
            var instances = await apis.Cr(region).ListAllInstancesAsync(null, cancellationToken).ToImmutableArrayAsync(cancellationToken);
            if (instances.FirstOrDefault(i => i.InstanceId == instanceId && i.RegionId == region) is not null)
            {
                return region;
            }
        }

        return null;
    }
}
