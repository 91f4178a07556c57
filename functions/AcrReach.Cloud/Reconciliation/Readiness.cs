using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.Discovery;
using AcrReach.Cloud.Paging;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Reconciliation;

internal enum ReadyState
{
    Ready,

    /// <summary>Still on its way (Attaching, PENDING, STARTING) when the wait ran out.</summary>
    NotReady,

    /// <summary>Not listed for longer than the grace, or in a state it does not come back from by itself.</summary>
    Gone,
}

/// <summary>
/// Waits until the resource an event names is usable: an attachment Attached (it is still Attaching when the event
/// fires, cloud-apis.md §5), a registry RUNNING. Polls with growing pauses on the injected clock, up to a timeout;
/// gives up early on a resource that is not listed for <see cref="ReconcilerOptions.NotFoundGrace"/> or has ended.
/// </summary>
internal sealed class Readiness(CloudApis apis, ReconcilerOptions options, TimeProvider time)
{
    // ListTransitRouter*Attachments and GetInstance statuses (cloud-apis.md) no event-driven run waits out.
    private static readonly HashSet<string> Ended = new(StringComparer.OrdinalIgnoreCase)
    {
        "Detaching", "Detached", "INIT_ERROR", "STOPPING", "STOPPED", "DELETING", "DELETED",
    };

    public async Task<(ReadyState State, string? Reason)> WaitAsync(ReconcileScope scope, TimeSpan timeout, CancellationToken cancellationToken)
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
            return (ReadyState.Ready, null);
        }

        var (ready, what) = scope is AttachmentNetwork ? ("Attached", "attachment") : ("RUNNING", "registry");
        var started = time.GetUtcNow();
        var deadline = started + timeout;
        var pause = options.ReadyPoll;
        while (true)
        {
            var last = await status(cancellationToken);
            if (last == ready)
            {
                return (ReadyState.Ready, null);
            }

            if (last is not null && Ended.Contains(last))
            {
                return (ReadyState.Gone, $"the {what} of {scope.Describe()} is {last}: nothing to reconcile");
            }

            var now = time.GetUtcNow();
            if (last is null && now - started >= options.NotFoundGrace)
            {
                return (ReadyState.Gone, $"the {what} of {scope.Describe()} was not found after {(now - started).TotalSeconds:0} s: nothing to reconcile");
            }

            if (now + pause > deadline)
            {
                return (ReadyState.NotReady, $"the {what} of {scope.Describe()} was {last ?? "not found"} after waiting {timeout.TotalSeconds:0} s for {ready}");
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
