using System.Collections.Immutable;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;

namespace AcrReach.Cloud.Discovery;

/// <summary>
/// What every shard of a fanned-out sweep would read alike, account-wide and small: the transit routers, the registry
/// instances and their VPC endpoints, and each router's peer, VBR and VPN attachments. The timer reads them once and hands
/// them to each shard with its payload; a shard's discovery starts from them instead of reading them again (the region's
/// VPCs, tables and entries it still reads itself). As the APIs answered them, so discovery maps them exactly as its own reads.
/// </summary>
/// <param name="ReadAt">When the timer read them: a shard that starts later than <see cref="MaxAge"/> after reads afresh.</param>
/// <param name="Regions">The regions configured when they were read (empty: every region); a worker configured otherwise reads afresh.</param>
/// <param name="Routers">Every transit router listed (per CEN), before any region filter.</param>
/// <param name="Instances">Every registry instance of the regions Container Registry was asked about.</param>
public sealed record SharedReadings(
    DateTimeOffset ReadAt,
    ImmutableArray<string> Regions,
    ImmutableArray<TransitRouterItem> Routers,
    ImmutableArray<CrInstanceItem> Instances,
    ImmutableArray<SharedRegistry> Registries,
    ImmutableArray<SharedRouter> RouterAttachments)
{
    /// <summary>
    /// How old the readings may be when a shard starts. A sweep is a periodic look whose every read is minutes old by the
    /// time it plans; past this (a shard retried or queued long after the timer) the shard reads for itself.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(15);

    /// <summary>True when a run starting at <paramref name="now"/>, configured for <paramref name="regions"/>, may start from these readings.</summary>
    public bool UsableAt(DateTimeOffset now, IEnumerable<string> regions) =>
        now - ReadAt <= MaxAge && now >= ReadAt - MaxAge
        && Regions.Order(StringComparer.Ordinal).SequenceEqual(regions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), StringComparer.Ordinal);
}

/// <summary>One registry instance's Registry VPC endpoint (GetInstanceVpcEndpoint).</summary>
public sealed record SharedRegistry(string InstanceId, GetInstanceVpcEndpointResponse Endpoint);

/// <summary>One transit router's peer, VBR and VPN attachments (its VPC attachments are per region: each shard reads its own).</summary>
public sealed record SharedRouter(string TransitRouterId, ImmutableArray<PeerAttachmentItem> Peers, ImmutableArray<VbrAttachmentItem> Vbrs, ImmutableArray<VpnAttachmentItem> Vpns);
