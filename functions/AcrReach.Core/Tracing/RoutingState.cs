using System.Collections.Immutable;
using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Tracing;

/// <summary>
/// An account indexed for tracing (every look-up by id is a hash probe, route tables are precomputed on first use),
/// plus the routes and VPC links a plan adds on top of it. The planner traces, adds, and traces again here without
/// copying the account.
/// </summary>
internal sealed class RoutingState
{
    private static readonly IPNetwork[] ImplicitServices = [Cidr.CloudServices];

    private readonly Dictionary<string, Vpc> _vpcs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Vpc> _vpcByTable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TransitRouter> _routers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TransitRouter> _routerByTable = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Router, string Attachment), TransitRouteTable> _associations = [];
    private readonly Dictionary<string, (TransitRouter Router, Attachment Attachment)> _ownedAttachments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(TransitRouter Router, Attachment Attachment)>> _vpcAttachments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(TransitRouter Router, Attachment Attachment)>> _dataCenterAttachments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Registry> _registries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DataCenter> _dataCenters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RouteLookup> _lookups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<VpcEndpoint>> _plannedLinks = new(StringComparer.Ordinal);

    public RoutingState(Account account, PlanFootprint? footprint = null)
    {
        Account = account;
        Footprint = footprint;
        foreach (var vpc in account.Vpcs)
        {
            _vpcs[vpc.Id] = vpc;
            foreach (var table in vpc.RouteTables)
            {
                _vpcByTable[table.Id] = vpc;
            }
        }

        foreach (var router in account.TransitRouters)
        {
            _routers[router.Id] = router;
            foreach (var table in router.RouteTables)
            {
                _routerByTable[table.Id] = router;
                foreach (var attachment in table.Associations)
                {
                    _associations.TryAdd((router.Id, attachment), table);
                }
            }

            foreach (var attachment in router.Attachments)
            {
                switch (attachment.Type)
                {
                    case AttachmentType.Vpc:
                        _ownedAttachments[attachment.Id] = (router, attachment);
                        Append(_vpcAttachments, attachment.VpcId!, (router, attachment));
                        break;
                    case AttachmentType.Vbr or AttachmentType.Vpn:
                        _ownedAttachments[attachment.Id] = (router, attachment);
                        Append(_dataCenterAttachments, attachment.DataCenter!, (router, attachment));
                        break;
                    default:
                        break;
                }
            }
        }

        foreach (var list in _vpcAttachments.Values.Concat(_dataCenterAttachments.Values))
        {
            list.Sort(static (a, b) => string.CompareOrdinal(a.Attachment.Id, b.Attachment.Id));
        }

        foreach (var registry in account.Registries)
        {
            _registries[registry.InstanceId] = registry;
        }

        foreach (var dataCenter in account.DataCenters)
        {
            _dataCenters[dataCenter.Name] = dataCenter;
        }

        BlocksInUse100 = [.. account.Vpcs.SelectMany(v => v.Cidrs.Select(c => (Block: c, Owner: v.Id)))
            .Concat(account.DataCenters.SelectMany(d => d.Cidrs.Select(c => (Block: c, Owner: d.Name))))
            .Where(b => b.Block.Overlaps(Cidr.Block100))
            .OrderBy(b => b.Block, Comparer<IPNetwork>.Create(Cidr.Compare)).ThenBy(b => b.Owner, StringComparer.Ordinal)];
    }

    public Account Account { get; }

    /// <summary>Where look-ups beyond the sources are recorded, when asked (path-scoped discovery).</summary>
    public PlanFootprint? Footprint { get; }

    /// <summary>VPC and data-center blocks that 100.0.0.0/8 would capture, with their owners.</summary>
    public ImmutableArray<(IPNetwork Block, string Owner)> BlocksInUse100 { get; }

    public Vpc? Vpc(string id) => _vpcs.GetValueOrDefault(id);

    public Vpc? VpcOfTable(string routeTableId) => _vpcByTable.GetValueOrDefault(routeTableId);

    public TransitRouter? Router(string id) => _routers.GetValueOrDefault(id);

    public TransitRouter? RouterOfTable(string routeTableId) => _routerByTable.GetValueOrDefault(routeTableId);

    public Registry? Registry(string instanceId) => _registries.GetValueOrDefault(instanceId);

    public DataCenter? DataCenter(string name)
    {
        Footprint?.DataCenter(name);
        return _dataCenters.GetValueOrDefault(name);
    }

    /// <summary>A VPC, VBR or VPN attachment with the router it belongs to (peer attachments sit on two routers).</summary>
    public (TransitRouter Router, Attachment Attachment)? OwnedAttachment(string attachmentId) =>
        _ownedAttachments.TryGetValue(attachmentId, out var owned) ? owned : null;

    /// <summary>The VPC's transit-router attachments, by id.</summary>
    public IReadOnlyList<(TransitRouter Router, Attachment Attachment)> VpcAttachments(string vpcId) =>
        _vpcAttachments.TryGetValue(vpcId, out var list) ? list : [];

    /// <summary>The data center's VBR and VPN attachments, by id.</summary>
    public IReadOnlyList<(TransitRouter Router, Attachment Attachment)> DataCenterAttachments(string name)
    {
        Footprint?.DataCenter(name);
        return _dataCenterAttachments.TryGetValue(name, out var list) ? list : [];
    }

    /// <summary>The transit-router route table traffic entering on <paramref name="attachmentId"/> is looked up in.</summary>
    public TransitRouteTable? AssociatedTable(string routerId, string attachmentId)
    {
        Footprint?.Association(routerId, attachmentId);
        return _associations.GetValueOrDefault((routerId, attachmentId));
    }

    /// <summary>A router's attachment a route leads to.</summary>
    public Attachment? NextHop(TransitRouter router, string attachmentId)
    {
        Footprint?.Attachment(router.Id, attachmentId);
        return router.FindAttachment(attachmentId);
    }

    /// <summary>The longest-prefix match in a transit-router table (with the routes planned so far).</summary>
    public MatchedRoute? TransitMatch(TransitRouteTable table, IPNetwork destination)
    {
        Footprint?.TransitLookUp(table.Id, destination);
        return TransitLookup(table).Match(destination);
    }

    public RouteLookup VpcLookup(Vpc vpc, RouteTable table)
    {
        if (_lookups.TryGetValue(table.Id, out var lookup))
        {
            return lookup;
        }

        // Every VPC route table routes its vSwitch CIDRs and the cloud-services block locally, listed or not;
        // a listed entry with the same destination wins.
        var entries = table.Entries;
        var implicitLocals = vpc.VSwitches.Select(s => s.Cidr).Concat(ImplicitServices).Where(c => !Listed(entries, c)).ToArray();
        var destinations = new IPNetwork[entries.Length + implicitLocals.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            destinations[i] = entries[i].Destination;
        }

        implicitLocals.CopyTo(destinations, entries.Length);
        lookup = new RouteLookup(destinations, i => i < entries.Length
            ? new MatchedRoute(entries[i].Destination, entries[i].NextHopType, entries[i].NextHopId, RouteProvenance.Existing)
            : new MatchedRoute(implicitLocals[i - entries.Length], VpcNextHopTypes.Local, null, RouteProvenance.Implicit));
        return _lookups[table.Id] = lookup;
    }

    public RouteLookup TransitLookup(TransitRouteTable table)
    {
        if (_lookups.TryGetValue(table.Id, out var lookup))
        {
            return lookup;
        }

        var entries = table.Entries;
        lookup = new RouteLookup([.. entries.Select(e => e.Destination)], i => new MatchedRoute(
            entries[i].Destination,
            entries[i].NextHopType.ToString(),
            entries[i].NextHopId,
            entries[i].Origin == RouteOrigin.Propagated ? RouteProvenance.Propagated : RouteProvenance.Existing));
        return _lookups[table.Id] = lookup;
    }

    /// <summary>Adds a planned route to a table (VPC or transit router); the next look-up sees it.</summary>
    public void Plan(string routeTableId, IPNetwork destination, string nextHopType, string nextHopId)
    {
        var lookup = VpcOfTable(routeTableId) is { } vpc
            ? VpcLookup(vpc, vpc.FindRouteTable(routeTableId)!)
            : TransitLookup(RouterOfTable(routeTableId)!.RouteTables.First(t => t.Id == routeTableId));
        lookup.AddPlanned(new MatchedRoute(destination, nextHopType, nextHopId, RouteProvenance.Planned));
    }

    /// <summary>Adds a planned VPC link to a registry.</summary>
    public void PlanLink(string instanceId, VpcEndpoint endpoint) => Append(_plannedLinks, instanceId, endpoint);

    /// <summary>The registry's VPC endpoints: the existing ones in their listed order, then the planned links.</summary>
    public IEnumerable<(VpcEndpoint Endpoint, bool Planned)> Endpoints(Registry registry)
    {
        foreach (var endpoint in registry.VpcEndpoints)
        {
            yield return (endpoint, false);
        }

        if (_plannedLinks.TryGetValue(registry.InstanceId, out var planned))
        {
            foreach (var endpoint in planned)
            {
                yield return (endpoint, true);
            }
        }
    }

    private static bool Listed(ImmutableArray<RouteEntry> entries, IPNetwork destination)
    {
        foreach (var entry in entries)
        {
            if (entry.Destination == destination)
            {
                return true;
            }
        }

        return false;
    }

    private static void Append<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
