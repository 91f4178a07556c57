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
    /// the paths of the sources its scope names, read until everything planning the scope consults is read. Null (read
    /// the account): the account or every network of a registry, a peer attachment, a prune (removals are decided over
    /// the whole account), a rollback.
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
            AttachedNetworks many => ManyFocus(many, Footprint),
            RegionNetworks { Region: var region } => new RegionFocus(region) { Footprint = Footprint, Shared = request.Shared },
            TransitRouterNetworks { Region: var region } => new RegionFocus(region) { Footprint = Footprint, Shared = request.Shared },
            _ => null,
        };
    }

    /// <summary>The VPCs and data centers of a merged run read together; null (the account) when a peer attachment is among them.</summary>
    private static NetworksFocus? ManyFocus(AttachedNetworks many, Func<DiscoveredAccount, PlanFootprint> footprint)
    {
        var vpcs = ImmutableArray.CreateBuilder<NetworkFocus>();
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
                default:
                    return null;
            }
        }

        return new NetworksFocus(vpcs.ToImmutable(), dataCenters) { Footprint = footprint };
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
                var attachedThere = DataCentersAttachedIn(discovered, region);
                return Narrow(account, rule => rule.From.VpcId is { } vpc ? account.FindVpc(vpc)?.Region == region : attachedThere.Contains(rule.From.DataCenter!));
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

    /// <summary>The attachment's network: its VPC, or its data center; a peer attachment can change every path.</summary>
    private static ScopedAccount FromAttachment(DiscoveredAccount discovered, AttachmentNetwork scope) => NetworkOf(discovered, scope) switch
    {
        { Everything: true } => new(discovered.Account, PlanScope.Everything),
        { Source: { } source } => new(discovered.Account, PlanScope.ForSource(source)),
        _ => Narrow(discovered.Account, _ => false),
    };

    /// <summary>
    /// Every attachment's network together: the rules from those networks (narrowed, as for a region); the whole account
    /// when one of them is a peer attachment.
    /// </summary>
    private static ScopedAccount FromAttachments(DiscoveredAccount discovered, AttachedNetworks scope)
    {
        var networks = scope.Attachments.Select(a => NetworkOf(discovered, a)).ToList();
        if (networks.Any(n => n.Everything))
        {
            return new(discovered.Account, PlanScope.Everything);
        }

        var sources = networks.Select(n => n.Source).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return Narrow(discovered.Account, rule => sources.Contains(rule.From.Name));
    }

    /// <summary>The source network (VPC id, data-center name) behind an attachment; none when it is not found; every network for a peer.</summary>
    private static (string? Source, bool Everything) NetworkOf(DiscoveredAccount discovered, AttachmentNetwork scope)
    {
        var found = discovered.Attachments.FirstOrDefault(a =>
            (scope.AttachmentId is null || a.Id == scope.AttachmentId)
            && (scope.NetworkId is null || a.NetworkId == scope.NetworkId)
            && (scope.Type is null || a.Type == scope.Type)
            && (scope.TransitRouterId is null || a.TransitRouterId == scope.TransitRouterId));
        return found switch
        {
            null when scope.Type == AttachmentType.Vpc && scope.NetworkId is { } vpc => (vpc, false),
            null when scope.Type == AttachmentType.Vpc && RoutedThrough(discovered.Account, scope.AttachmentId) is { } vpc => (vpc, false),
            null => (null, false),
            { Type: AttachmentType.Vpc, NetworkId: { } vpc } => (vpc, false),
            { Type: AttachmentType.Vbr or AttachmentType.Vpn, Name: { } dataCenter } => (dataCenter, false),
            _ => (null, true),
        };
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
