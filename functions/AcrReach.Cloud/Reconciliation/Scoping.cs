using System.Collections.Immutable;
using AcrReach.Cloud.Discovery;
using AcrReach.Core.Planning;
using AcrReach.Core.Reach;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>An account narrowed to a scope: plan and verify it with <see cref="PlanScope"/>.</summary>
public sealed record ScopedAccount(Account Account, PlanScope PlanScope)
{
    /// <summary>False when the account's rules were narrowed for the scope: a rule left out would look removed, so no removals.</summary>
    public bool CanPrune { get; init; } = true;

    public Plan Plan() => Planner.Plan(Account, PlanScope);

    /// <summary>The plan with removals (<paramref name="pruning"/> non-null and the scope allows them), else <see cref="Plan()"/>.</summary>
    public Plan Plan(Pruning? pruning) => pruning is not null && CanPrune ? Planner.Plan(Account, PlanScope, pruning) : Plan();

    public Verification Verify() => Planner.Verify(Account, PlanScope);
}

/// <summary>
/// Turns a run's scope into what the planner takes. A scope the planner's <see cref="PlanScope"/> expresses (one source,
/// one registry) uses it; a wider one (a region, the registries of a region) narrows the account's rules instead: the
/// rules in force (tags included) become the policy's, filtered, and the VPC tags are dropped.
/// </summary>
public static class Scoping
{
    public static ScopedAccount Apply(DiscoveredAccount discovered, ReconcileScope scope)
    {
        ArgumentNullException.ThrowIfNull(discovered);
        var scoped = ApplyToWhole(discovered, scope);
        return discovered.IsPartial ? scoped with { CanPrune = false } : scoped;
    }

    /// <summary>
    /// What discovery may read instead of the account for a request (<see cref="AccountDiscovery.DiscoverAsync(DiscoveryFocus?, CancellationToken)"/>):
    /// the paths of the sources its scope names, read until everything planning the scope consults is read; for a peer
    /// attachment, whose paths cannot be picked before reading, the networks of the two regions it joins. Null (read the
    /// account): the account or every network of a registry, a prune (removals are decided over the whole account), a
    /// rollback.
    /// </summary>
    public static DiscoveryFocus? FocusOf(ReconcileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Prune || request.RollbackOf is not null)
        {
            return null;
        }

        var scope = request.Scope;
        PlanFootprint Footprint(DiscoveredAccount discovered)
        {
            var scoped = ApplyToWhole(discovered, scope);
            return Planner.Footprint(scoped.Account, scoped.PlanScope);
        }

        return scope switch
        {
            OneNetwork { Network: var network, Registry: var registry } when IsVpcId(network) => new NetworkFocus(network, null, registry) { Footprint = Footprint },
            OneNetwork => new DataCenterFocus(scope.Describe()) { Footprint = Footprint },
            AttachmentNetwork { Type: AttachmentType.Vpc or null, NetworkId: { } vpc, Region: var region } when IsVpcId(vpc) => new NetworkFocus(vpc, region) { Footprint = Footprint },
            AttachmentNetwork { Type: AttachmentType.Vbr or AttachmentType.Vpn } => new DataCenterFocus(scope.Describe()) { Footprint = Footprint },
            AttachmentNetwork { Type: AttachmentType.Peer } peer => new PeerFocus(scope.Describe())
            {
                Footprint = Footprint,
                Regions = discovered => PeerRegions(discovered, peer),
                Rules = discovered => ApplyToWhole(discovered, peer).Account.Policy.Reach,
            },
            AttachedNetworks many => ManyFocus(many, Footprint),
            RegionNetworks { Region: var region } => new RegionFocus(region) { Footprint = Footprint, Shared = request.Shared },
            TransitRouterNetworks { Region: var region } => new RegionFocus(region) { Footprint = Footprint, Shared = request.Shared },
            _ => null,
        };
    }

    /// <summary>
    /// The VPCs and data centers of a merged run read together, and the regions of its peer attachments; null (the
    /// account) when an attachment names no network.
    /// </summary>
    private static NetworksFocus? ManyFocus(AttachedNetworks many, Func<DiscoveredAccount, PlanFootprint> footprint)
    {
        var vpcs = ImmutableArray.CreateBuilder<NetworkFocus>();
        var peers = ImmutableArray.CreateBuilder<AttachmentNetwork>();
        var dataCenters = false;
        foreach (var attachment in many.Attachments)
        {
            switch (attachment)
            {
                case { Type: AttachmentType.Vpc or null, NetworkId: { } vpc, Region: var region } when IsVpcId(vpc):
                    vpcs.Add(NetworkFocus.For(vpc, region));
                    break;
                case { Type: AttachmentType.Vbr or AttachmentType.Vpn }:
                    dataCenters = true;
                    break;
                case { Type: AttachmentType.Peer }:
                    peers.Add(attachment);
                    break;
                default:
                    return null;
            }
        }

        var peerFocus = peers.Count == 0 ? null : new PeerFocus($"{peers.Count} peer attachment(s)")
        {
            Footprint = footprint,
            Regions = discovered => [.. peers.SelectMany(p => PeerRegions(discovered, p)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Rules = discovered => ApplyToWhole(discovered, many).Account.Policy.Reach,
        };
        return new NetworksFocus(vpcs.ToImmutable(), dataCenters) { Footprint = footprint, Peers = peerFocus };
    }

    private static bool IsVpcId(string network) => network.StartsWith("vpc-", StringComparison.Ordinal);

    private static ScopedAccount ApplyToWhole(DiscoveredAccount discovered, ReconcileScope scope)
    {
        var account = discovered.Account;
        switch (scope)
        {
            case WholeAccount:
                return new(account, PlanScope.Everything);
            case OneNetwork one:
                return new(account, new PlanScope(one.Network, one.Registry));
            case RegistryNetworks { InstanceId: { } id }:
                return new(account, PlanScope.ForRegistry(id));
            case RegistryNetworks { Region: { } region }:
                return Narrow(account, rule => account.FindRegistry(rule.Registry)?.Region == region);
            case RegistryNetworks:
                return new(account, PlanScope.Everything);
            case RegionNetworks { Region: var region }:
                return Narrow(account, FromRegions(discovered, [region]));
            case TransitRouterNetworks shard:
                var router = RouterOfEachNetwork(discovered, shard.Region);
                return Narrow(account, rule =>
                    (rule.From.VpcId is { } vpcId ? account.FindVpc(vpcId)?.Region == shard.Region : router.ContainsKey(rule.From.DataCenter!))
                    && router.GetValueOrDefault(rule.From.Name) == shard.TransitRouterId);
            case AttachmentNetwork attachment:
                return FromAttachment(discovered, attachment);
            case AttachedNetworks many:
                return FromAttachments(discovered, many);
            default:
                throw new ArgumentOutOfRangeException(nameof(scope), scope, "unknown scope");
        }
    }

    /// <summary>
    /// The attachment's network: its VPC, or its data center; for a peer attachment, which can change any path between the
    /// regions it joins, every network of both regions (the issue's fallback: "the affected regions, not the account").
    /// </summary>
    private static ScopedAccount FromAttachment(DiscoveredAccount discovered, AttachmentNetwork scope) => NetworkOf(discovered, scope) switch
    {
        { Everything: true } => new(discovered.Account, PlanScope.Everything),
        { Regions: { } regions } => Narrow(discovered.Account, FromRegions(discovered, regions)),
        { Source: { } source } => new(discovered.Account, PlanScope.ForSource(source)),
        _ => Narrow(discovered.Account, _ => false),
    };

    /// <summary>Every attachment's network together: the rules from those networks and from the regions of the peers among them (narrowed, as for a region).</summary>
    private static ScopedAccount FromAttachments(DiscoveredAccount discovered, AttachedNetworks scope)
    {
        var networks = scope.Attachments.Select(a => NetworkOf(discovered, a)).ToList();
        if (networks.Any(n => n.Everything))
        {
            return new(discovered.Account, PlanScope.Everything);
        }

        var sources = networks.Select(n => n.Source).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var inRegions = FromRegions(discovered, [.. networks.SelectMany(n => n.Regions ?? [])]);
        return Narrow(discovered.Account, rule => sources.Contains(rule.From.Name) || inRegions(rule));
    }

    /// <summary>
    /// The source network (VPC id, data-center name) behind an attachment, or for a peer the regions it joins; none when
    /// it is not found; every network when it is found but names none.
    /// </summary>
    private static (string? Source, ImmutableArray<string>? Regions, bool Everything) NetworkOf(DiscoveredAccount discovered, AttachmentNetwork scope)
    {
        if (scope.Type == AttachmentType.Peer)
        {
            return (null, PeerRegions(discovered, scope), false);
        }

        var found = discovered.Attachments.FirstOrDefault(a =>
            (scope.AttachmentId is null || a.Id == scope.AttachmentId)
            && (scope.NetworkId is null || a.NetworkId == scope.NetworkId)
            && (scope.Type is null || a.Type == scope.Type)
            && (scope.TransitRouterId is null || a.TransitRouterId == scope.TransitRouterId));
        return found switch
        {
            null when scope.Type == AttachmentType.Vpc && scope.NetworkId is { } vpc => (vpc, null, false),
            null when scope.Type == AttachmentType.Vpc && RoutedThrough(discovered.Account, scope.AttachmentId) is { } vpc => (vpc, null, false),
            null => (null, null, false),
            { Type: AttachmentType.Vpc, NetworkId: { } vpc } => (vpc, null, false),
            { Type: AttachmentType.Vbr or AttachmentType.Vpn, Name: { } dataCenter } => (dataCenter, null, false),
            { Type: AttachmentType.Peer } => (null, PeerRegions(discovered, scope with { Type = AttachmentType.Peer }), false),
            _ => (null, null, true),
        };
    }

    /// <summary>
    /// The regions of the two routers a peer attachment joins, ordered; none when no peer attachment matches. Each side's
    /// listing may show it (with the routers the other way round), so the routers the event names match either end.
    /// </summary>
    internal static ImmutableArray<string> PeerRegions(DiscoveredAccount discovered, AttachmentNetwork scope)
    {
        ArgumentNullException.ThrowIfNull(discovered);
        ArgumentNullException.ThrowIfNull(scope);
        string[] ends = [.. new[] { scope.TransitRouterId, scope.NetworkId }.OfType<string>()];
        var peers = discovered.Attachments.Where(a =>
            a.Type == AttachmentType.Peer
            && (scope.AttachmentId is null || a.Id == scope.AttachmentId)
            && ends.All(end => end == a.TransitRouterId || end == a.NetworkId));
        string? RegionOf(string? router) =>
            router is null ? null : discovered.Account.TransitRouters.FirstOrDefault(t => t.Id == router)?.Region ?? discovered.Attachments.FirstOrDefault(a => a.TransitRouterId == router)?.Region;
        return [.. peers.SelectMany(a => new[] { a.Region, RegionOf(a.NetworkId) }).OfType<string>().Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The rules from a network of one of <paramref name="regions"/>: its VPCs, and the data centers attached there.</summary>
    private static Func<ReachRule, bool> FromRegions(DiscoveredAccount discovered, ImmutableArray<string> regions)
    {
        var account = discovered.Account;
        var attachedThere = regions.SelectMany(region => DataCentersAttachedIn(discovered, region)).ToHashSet(StringComparer.Ordinal);
        return rule => rule.From.VpcId is { } vpc ? account.FindVpc(vpc)?.Region is { } region && regions.Contains(region) : attachedThere.Contains(rule.From.DataCenter!);
    }

    /// <summary>
    /// The VPC a deleted VPC attachment belonged to, known only by its id (a deletion's record names no VPC): the one VPC
    /// whose route tables still send something to it — a VPC routes toward a transit router through its own attachment.
    /// </summary>
    private static string? RoutedThrough(Account account, string? attachmentId)
    {
        if (attachmentId is null)
        {
            return null;
        }

        var vpcs = account.Vpcs.Where(v => v.RouteTables.Any(t => t.Entries.Any(e => e.NextHopId == attachmentId))).Select(v => v.Id).ToList();
        return vpcs.Count == 1 ? vpcs[0] : null;
    }

    /// <summary>The transit router of the region each network (VPC id, data-center name) is attached to: the first attachment by id.</summary>
    internal static Dictionary<string, string> RouterOfEachNetwork(DiscoveredAccount discovered, string region)
    {
        var router = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attachment in discovered.Attachments.Where(a => a.Region == region).OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var network = attachment.Type switch
            {
                AttachmentType.Vpc => attachment.NetworkId,
                AttachmentType.Vbr or AttachmentType.Vpn => attachment.Name,
                _ => null,
            };
            if (network is not null)
            {
                router.TryAdd(network, attachment.TransitRouterId);
            }
        }

        return router;
    }

    private static HashSet<string> DataCentersAttachedIn(DiscoveredAccount discovered, string region) =>
        [.. discovered.Attachments.Where(a => a.Type is AttachmentType.Vbr or AttachmentType.Vpn && a.Region == region && a.Name is not null).Select(a => a.Name!)];

    private static ScopedAccount Narrow(Account account, Func<ReachRule, bool> keep)
    {
        var rules = ReachRules.Effective(account).Where(keep).ToImmutableArray();
        var untagged = account.Vpcs.Select(v => v.Tags.ContainsKey(ReachRules.TagKey) ? v with { Tags = v.Tags.Remove(ReachRules.TagKey) } : v).ToImmutableArray();
        return new(account with { Vpcs = untagged, Policy = account.Policy with { Reach = rules } }, PlanScope.Everything) { CanPrune = false };
    }
}
