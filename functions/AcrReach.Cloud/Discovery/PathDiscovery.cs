using System.Collections.Immutable;
using System.Net;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.Paging;
using AcrReach.Cloud.Vpc;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Reach;
using AcrReach.Core.Scenarios;

namespace AcrReach.Cloud.Discovery;

/// <summary>
/// Reads what one source VPC's paths can touch, and nothing else: the VPC (filtered list calls), the registries its rules
/// name (every instance is listed, constant in the number of VPCs), the VPCs holding their endpoints, every
/// transit router's peer attachments (the router graph), and then, round by round, what the planner's footprint asks for
/// that was not read yet: the table associated with an attachment a path enters on, the entries of a transit-router table
/// that contain a destination looked up there (<c>SupernetOfMatchCidrs</c>), a next-hop attachment and its VPC. When a
/// round asks for nothing new, the plan of the scope is the whole account's: nothing else was consulted. Where the
/// planner needs the whole account (every block in 100.0.0.0/8, a data center), the answer is null: read the account.
/// A region (a sweep shard) or a peer attachment (the two regions it joins) starts from every VPC of its regions instead.
/// </summary>
internal sealed class PathDiscovery
{
    /// <summary>A path crosses a handful of tables; a footprint still growing after this many rounds reads the account.</summary>
    private const int MaxRounds = 16;

    /// <summary>CIDRs in one RouteFilter of ListTransitRouterRouteEntries (the API documents no maximum).</summary>
    private const int MaxFilterValues = 20;

    private readonly AccountDiscovery _discovery;
    private readonly CloudApis _apis;
    private readonly Dictionary<string, VpcRead> _vpcs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<VpcRead?>> _reads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RouterRead> _routers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _associationsRead = new(StringComparer.Ordinal);
    private readonly HashSet<string> _routerAssociationsRead = new(StringComparer.Ordinal);
    private readonly List<RouteTableAssociationItem> _associations = [];
    private readonly HashSet<(string Router, string Attachment)> _probed = [];
    private readonly Dictionary<string, RegistryReadings> _registries = new(StringComparer.Ordinal);
    private readonly DiscoveryFocus _focus;
    private readonly SharedReadings? _shared;
    private bool _dataCentersRead;

    public PathDiscovery(AccountDiscovery discovery, CloudApis apis, DiscoveryFocus focus)
    {
        _discovery = discovery;
        _apis = apis;
        _focus = focus;
        _shared = (focus as RegionFocus)?.Shared;
    }

    /// <summary>The account as far as the focus's paths reach, marked partial; null: the planner needs the whole account.</summary>
    public async Task<DiscoveredAccount?> DiscoverAsync(ImmutableArray<string> configured, PolicySettings policy, CancellationToken cancellationToken)
    {
        var listing = _shared is { } shared ? new AccountDiscovery.Listing(shared.Routers, shared.Instances) : await _discovery.ListAsync(_apis, configured, cancellationToken);
        var regions = AccountDiscovery.RegionsOf(configured, [listing]);
        foreach (var router in listing.Routers)
        {
            _routers[router.TransitRouterId!] = new RouterRead(router);
        }

        var peersRead = Task.WhenAll(_routers.Values.Select(router => ReadPeersAsync(router, cancellationToken)));
        DiscoveredAccount ReadSoFar() => DiscoveryMapping.ToAccount(
            new CloudReadings(regions, RegionReadings(regions), RouterReadings(), [.. _registries.Values.OrderBy(r => r.Instance.InstanceId, StringComparer.Ordinal)], ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, IPAddress>>.Empty),
            policy,
            null);
        IReadOnlySet<string>? endpointsOf = null;
        if (_shared is not null)
        {
            _discovery.Report($"starting from the sweep's account-wide readings of {_shared.ReadAt:O}");
        }

        switch (_focus)
        {
            case NetworkFocus network:
                await FindSourceAsync(network, regions, cancellationToken);
                var named = NamedRegistries(network, policy);
                await ReadRegistriesAsync(listing.Instances.Where(i => named.Contains(ReachRules.AllRegistries) || named.Contains(i.InstanceId!)), cancellationToken);
                break;
            case NetworksFocus { Peers: { } peers } many:
                // A burst with peer attachments: their regions whole, as for one peer attachment, and the VPCs elsewhere.
                await Task.WhenAll(many.Vpcs.Select(network => FindSourceAsync(network, regions, cancellationToken)).Append(peersRead));
                await Task.WhenAll([.. peers.Regions(ReadSoFar()).Select(r => ReadRegionAsync(r, regions, cancellationToken)), ReadDataCentersAsync(policy, cancellationToken), ReadRegistriesAsync(listing.Instances, cancellationToken)]);
                endpointsOf = peers.Rules(ReadSoFar()).Select(r => r.Registry).ToHashSet(StringComparer.Ordinal);
                break;
            case NetworksFocus many:
                await Task.WhenAll(many.Vpcs.Select(network => FindSourceAsync(network, regions, cancellationToken)));
                var wanted = many.Vpcs.SelectMany(network => NamedRegistries(network, policy)).ToHashSet(StringComparer.Ordinal);
                await Task.WhenAll(
                    many.DataCenters ? ReadDataCentersAsync(policy, cancellationToken) : Task.CompletedTask,
                    ReadRegistriesAsync(listing.Instances.Where(i => many.DataCenters || wanted.Contains(ReachRules.AllRegistries) || wanted.Contains(i.InstanceId!)), cancellationToken));
                break;
            case RegionFocus region:
                await Task.WhenAll(ReadRegionAsync(region.Region, regions, cancellationToken), ReadDataCentersAsync(policy, cancellationToken));
                var ruled = RegionRegistries(region.Region, policy);
                await ReadRegistriesAsync(listing.Instances.Where(i => ruled.Contains(ReachRules.AllRegistries) || ruled.Contains(i.InstanceId!)), cancellationToken);
                break;
            case PeerFocus peer:
                // The two routers' regions are known once every router's peer attachments are read.
                await peersRead;
                await Task.WhenAll([.. peer.Regions(ReadSoFar()).Select(r => ReadRegionAsync(r, regions, cancellationToken)), ReadDataCentersAsync(policy, cancellationToken), ReadRegistriesAsync(listing.Instances, cancellationToken)]);
                endpointsOf = peer.Rules(ReadSoFar()).Select(r => r.Registry).ToHashSet(StringComparer.Ordinal);
                break;
            default:
                await Task.WhenAll(ReadDataCentersAsync(policy, cancellationToken), ReadRegistriesAsync(listing.Instances, cancellationToken));
                break;
        }

        await peersRead;
        _discovery.Report($"reading the paths of {_focus.Describe()}: {_routers.Count} transit router(s), {_registries.Count} of {listing.Instances.Length} registr{(listing.Instances.Length == 1 ? "y" : "ies")}");

        await Task.WhenAll(EndpointVpcs(endpointsOf).Select(endpoint => ReadVpcAsync(endpoint.VpcId, endpoint.Region, cancellationToken)));

        // Every registry's challenge counts (another's auth host resolved in the source's region is one of its services).
        var realms = await Task.WhenAll(listing.Instances.Select(async i => (Instance: i, Realm: _registries.TryGetValue(i.InstanceId!, out var read) ? read.Realm : await _discovery.RealmAsync(i, cancellationToken))));
        var names = await _discovery.NamesAsync(regions, listing.Instances, realms, cancellationToken);
        for (var round = 1; round <= MaxRounds; round++)
        {
            var readings = new CloudReadings(regions, RegionReadings(regions), RouterReadings(), [.. _registries.Values.OrderBy(r => r.Instance.InstanceId, StringComparer.Ordinal)], names);
            var discovered = DiscoveryMapping.ToAccount(readings, policy, _discovery.AccountIdOr(readings));
            var footprint = _focus.Footprint(discovered);
            if (footprint.AccountBlocks)
            {
                _discovery.Report($"the plan of {_focus.Describe()} weighs a transit router's 100.0.0.0/8 against every block in use: reading the account");
                return null;
            }

            // A VPC linked in its own region takes an address no registry's endpoint has: every endpoint is read then.
            // A data center asked for by name: every VBR and VPN attachment (constant in the number of VPCs).
            var more = new List<Task>();
            if (footprint.EveryEndpoint && _registries.Count < listing.Instances.Length)
            {
                more.Add(ReadRegistriesAsync(listing.Instances, cancellationToken));
            }

            if (footprint.DataCenters.Count > 0 && !_dataCentersRead)
            {
                more.Add(ReadDataCentersAsync(policy, cancellationToken));
            }

            await Task.WhenAll(more);
            if (!await ReadMissingAsync(footprint, [.. discovered.Account.Vpcs.SelectMany(v => v.Cidrs)], cancellationToken) && more.Count == 0)
            {
                _discovery.Report($"read {_vpcs.Count} VPC(s) and {_routers.Values.Sum(r => r.Tables?.Length ?? 0)} transit-router table(s) on the paths of {_focus.Describe()} in {round} round(s)");
                return discovered with { IsPartial = true };
            }
        }

        _discovery.Report($"the paths of {_focus.Describe()} kept growing after {MaxRounds} rounds: reading the account");
        return null;
    }

    /// <summary>
    /// Every VPC of a region, with the region-wide lists (as whole-account discovery reads a region), and every VPC
    /// attachment of the region's routers.
    /// </summary>
    private async Task ReadRegionAsync(string region, ImmutableArray<string> regions, CancellationToken cancellationToken)
    {
        if (!regions.Contains(region))
        {
            return;
        }

        // The region's routers are on every path of the shard, in both directions: their tables in full (a page of a
        // hundred entries per call), beside the VPC tables, cost fewer calls than asking them destination by destination
        // and spare the rounds that would ask.
        var here = _routers.Values.Where(r => r.Item.RegionId == region).ToList();
        _routerAssociationsRead.UnionWith(here.Select(r => r.Item.TransitRouterId!));
        var routersRead = Task.WhenAll(here.Select(router => ReadRouterTablesAsync(router, cancellationToken)));
        var regionRead = _discovery.ReadRegionAsync(_apis, region, cancellationToken);
        var attachments = await _discovery.Gate("ListTransitRouterVpcAttachments", () => _apis.Cbn.ListAllTransitRouterVpcAttachmentsAsync(new ListTransitRouterVpcAttachmentsRequest { RegionId = region }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);
        var read = await regionRead;
        await routersRead;
        var switches = read.VSwitches.Where(s => s.VpcId is not null).ToLookup(s => s.VpcId!, StringComparer.Ordinal);
        var tables = read.RouteTables.Where(t => t.VpcId is not null).ToLookup(t => t.VpcId!, StringComparer.Ordinal);
        lock (_reads)
        {
            foreach (var vpc in read.Vpcs.Where(v => v.VpcId is not null))
            {
                var id = vpc.VpcId!;
                var vpcTables = tables[id].ToImmutableArray();
                var done = new VpcRead(region, vpc, [.. switches[id]], vpcTables, vpcTables.Select(t => t.RouteTableId).OfType<string>().Distinct(StringComparer.Ordinal)
                    .Where(read.Entries.ContainsKey).ToImmutableDictionary(t => t, t => read.Entries[t], StringComparer.Ordinal));
                _vpcs[id] = done;
                _reads.TryAdd(id, Task.FromResult<VpcRead?>(done));
            }

            foreach (var attachment in attachments.Where(a => a.VpcId is not null && a.TransitRouterId is not null && _routers.ContainsKey(a.TransitRouterId) && _vpcs.ContainsKey(a.VpcId)))
            {
                _routers[attachment.TransitRouterId!].AddVpcAttachment(attachment);
            }
        }
    }

    /// <summary>
    /// Every VBR and VPN attachment (the data centers, their tags), and for a data center whose CIDRs neither the policy
    /// nor a tag gives, the routes its routers learned from it: the propagated entries whose next hop is its attachment
    /// (<c>TransitRouterRouteEntryNextHopId</c>, <c>TransitRouterRouteEntryType</c>: cloud-apis.md §2.2).
    /// </summary>
    private async Task ReadDataCentersAsync(PolicySettings policy, CancellationToken cancellationToken)
    {
        _dataCentersRead = true;
        await Task.WhenAll(_routers.Values.Select(async router =>
        {
            var id = router.Item.TransitRouterId!;
            if (SharedOf(id) is { } known)
            {
                (router.Vbrs, router.Vpns) = (known.Vbrs, known.Vpns);
                return;
            }

            var vbrs = _discovery.VbrsAsync(_apis.Cbn, id, cancellationToken);
            var vpns = _discovery.VpnsAsync(_apis.Cbn, id, cancellationToken);
            (router.Vbrs, router.Vpns) = (await vbrs, await vpns);
        }));

        var known = policy.DataCenters.Where(d => !d.Cidrs.IsEmpty).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = _routers.Values
            .SelectMany(r => r.Vbrs.Cast<TransitRouterAttachmentItem>().Concat(r.Vpns).Select(a => (Router: r, Attachment: a)))
            .GroupBy(p => DiscoveryMapping.DataCenterName(p.Attachment), StringComparer.Ordinal)
            .Where(g => !known.Contains(g.Key) && !g.Any(p => p.Attachment.Tags.Any(t => t.Key == ResourceTags.DataCenterCidrs && !string.IsNullOrWhiteSpace(t.Value))))
            .SelectMany(g => g);
        await Task.WhenAll(unknown.Select(async p =>
        {
            await p.Router.TablesOnce(() => ReadTablesAsync(p.Router, cancellationToken));
            var attachment = p.Attachment.TransitRouterAttachmentId!;
            await Task.WhenAll(p.Router.Tables!.Value.Select(t => t.TransitRouterRouteTableId).OfType<string>().Select(async table =>
            {
                var learned = await _discovery.Gate("ListTransitRouterRouteEntries", () => _apis.Cbn.ListAllTransitRouterRouteEntriesAsync(new ListTransitRouterRouteEntriesRequest
                {
                    TransitRouterRouteTableId = table,
                    TransitRouterRouteEntryStatus = "All",
                    TransitRouterRouteEntryType = "Propagated",
                    TransitRouterRouteEntryNextHopId = attachment,
                }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);
                p.Router.AddEntries(table, [], learned);
            }));
        }));
    }

    /// <summary>The source VPC, in the region the trigger named or in whichever region read holds it.</summary>
    private async Task FindSourceAsync(NetworkFocus focus, ImmutableArray<string> regions, CancellationToken cancellationToken)
    {
        if (focus.Region is { } region)
        {
            if (regions.Contains(region))
            {
                await ReadVpcAsync(focus.VpcId, region, cancellationToken);
            }

            return;
        }

        var found = await Task.WhenAll(regions.Select(r => DescribeVpcAsync(focus.VpcId, r, cancellationToken)));
        if (regions.Zip(found).FirstOrDefault(p => p.Second is not null) is { Second: { } item } match)
        {
            await ReadVpcAsync(focus.VpcId, match.First, cancellationToken, item);
        }
    }

    /// <summary>The registries the source's rules name (the policy's and its tag's; <c>*</c>: every one).</summary>
    private HashSet<string> NamedRegistries(NetworkFocus focus, PolicySettings policy)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        named.UnionWith(policy.Policy.Reach.Where(r => r.From.VpcId == focus.VpcId).Select(r => r.Registry));
        if (_vpcs.TryGetValue(focus.VpcId, out var source))
        {
            foreach (var tag in source.Item.Tags.Tag.Where(t => t.Key == ReachRules.TagKey))
            {
                named.UnionWith(ReachRules.ParseTag(tag.Value ?? string.Empty));
            }
        }

        return named;
    }

    /// <summary>
    /// The registries the rules of a region's sources can name (Scoping narrows a shard to them): the policy's rules from
    /// its VPCs and from the data centers attached to its routers (an attachment's region is its router's), its VPCs'
    /// tags, and every data center's attachment tags (DiscoveryMapping.DataCenters; few). A superset is harmless: a
    /// registry read that no rule of the shard names is planned toward by none.
    /// </summary>
    private HashSet<string> RegionRegistries(string region, PolicySettings policy)
    {
        var vpcs = _vpcs.Values.Where(v => v.Region == region).Select(v => v.Item.VpcId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var dataCenters = _routers.Values.Where(r => r.Item.RegionId == region)
            .SelectMany(r => r.Vbrs.Cast<TransitRouterAttachmentItem>().Concat(r.Vpns))
            .Select(DiscoveryMapping.DataCenterName)
            .ToHashSet(StringComparer.Ordinal);
        var named = policy.Policy.Reach
            .Where(r => r.From.VpcId is { } vpc ? vpcs.Contains(vpc) : dataCenters.Contains(r.From.DataCenter ?? string.Empty))
            .Select(r => r.Registry)
            .ToHashSet(StringComparer.Ordinal);
        var vpcTags = _vpcs.Values.Where(v => v.Region == region).SelectMany(v => v.Item.Tags.Tag).Where(t => t.Key == ReachRules.TagKey).Select(t => t.Value);
        var dataCenterTags = _routers.Values.SelectMany(r => r.Vbrs.Cast<TransitRouterAttachmentItem>().Concat(r.Vpns)).SelectMany(a => a.Tags).Where(t => t.Key == ResourceTags.Reach).Select(t => t.Value);
        foreach (var value in vpcTags.Concat(dataCenterTags))
        {
            named.UnionWith(ReachRules.ParseTag(value ?? string.Empty));
        }

        return named;
    }

    /// <summary>Each instance's VPC endpoint and challenge, once: only those the source's rules name, until a link needs every one.</summary>
    private async Task ReadRegistriesAsync(IEnumerable<CrInstanceItem> instances, CancellationToken cancellationToken)
    {
        var read = await Task.WhenAll(instances.Where(i => !_registries.ContainsKey(i.InstanceId!)).Select(i => ReadRegistryAsync(i, cancellationToken)));
        foreach (var registry in read)
        {
            _registries[registry.Instance.InstanceId!] = registry;
        }
    }

    /// <summary>
    /// The VPCs holding the endpoints of the registries read (the planner chooses among them by attachment, and traces into
    /// the chosen one); of <paramref name="only"/> when given.
    /// </summary>
    private IEnumerable<(string VpcId, string Region)> EndpointVpcs(IReadOnlySet<string>? only) =>
        _registries.Values
            .Where(r => _focus is not NetworkFocus { Registry: { } one } || r.Instance.InstanceId == one)
            .Where(r => only is null || only.Contains(r.Instance.InstanceId!))
            .SelectMany(r => r.Endpoint.LinkedVpcs.Where(l => l.VpcId is not null).Select(l => (l.VpcId!, r.Instance.RegionId ?? string.Empty)))
            .Distinct();

    /// <summary>Reads what the footprint asks for and was not read; false when there was nothing.</summary>
    private async Task<bool> ReadMissingAsync(PlanFootprint footprint, IReadOnlyList<IPNetwork> vpcBlocks, CancellationToken cancellationToken)
    {
        var reads = new List<Task>();
        foreach (var (router, attachment) in footprint.Associations)
        {
            if (_routers.TryGetValue(router, out var read))
            {
                if (read.Tables is null)
                {
                    reads.Add(read.TablesOnce(() => ReadTablesAsync(read, cancellationToken)));
                }

                // A shard's own routers were read whole with the region; elsewhere it asks about an attachment or two.
                if (!_routerAssociationsRead.Contains(router) && _associationsRead.Add(attachment))
                {
                    reads.Add(ReadAssociationsAsync(attachment, cancellationToken));
                }
            }
        }

        foreach (var group in footprint.TransitLookUps.GroupBy(l => l.RouteTableId, StringComparer.Ordinal))
        {
            if (_routers.Values.FirstOrDefault(r => r.Tables?.Any(t => t.TransitRouterRouteTableId == group.Key) == true) is { } router)
            {
                var missing = group.Select(l => l.Destination).Where(d => !router.HasDestination(group.Key, d)).Distinct().ToList();
                if (missing.Count > 0)
                {
                    var (one, blocks) = Cover(missing, vpcBlocks);
                    reads.Add(ReadEntriesAsync(router, group.Key, one, blocks, cancellationToken));
                }
            }
        }

        // Every peer attachment was read (listed on one side or both); a next hop no list read has is probed once.
        var peers = _routers.Values.SelectMany(r => r.Peers).Select(p => p.TransitRouterAttachmentId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (routerId, attachment) in footprint.Attachments)
        {
            if (_routers.TryGetValue(routerId, out var router) && !peers.Contains(attachment) && !router.Knows(attachment) && _probed.Add((routerId, attachment)))
            {
                reads.Add(ProbeAttachmentAsync(router, attachment, cancellationToken));
            }
        }

        await Task.WhenAll(reads);
        return reads.Count > 0;
    }

    private Task<VpcItem?> DescribeVpcAsync(string vpcId, string region, CancellationToken cancellationToken) =>
        _discovery.Gate("DescribeVpcs", async () => (await _apis.Vpc(region).DescribeVpcsAsync(new DescribeVpcsRequest { RegionId = region, VpcId = vpcId }, cancellationToken)).Vpcs.Vpc.FirstOrDefault(v => v.VpcId == vpcId), cancellationToken);

    /// <summary>One VPC whole (filtered list calls: VpcId), with its route tables' entries and its transit-router attachments; once.</summary>
    private Task ReadVpcAsync(string vpcId, string region, CancellationToken cancellationToken, VpcItem? known = null)
    {
        lock (_reads)
        {
            if (!_reads.TryGetValue(vpcId, out var read))
            {
                _reads[vpcId] = read = ReadVpcOnceAsync(vpcId, region, known, cancellationToken);
            }

            return read;
        }
    }

    private async Task<VpcRead?> ReadVpcOnceAsync(string vpcId, string region, VpcItem? known, CancellationToken cancellationToken)
    {
        var vpc = _apis.Vpc(region);
        var itemRead = known is null ? DescribeVpcAsync(vpcId, region, cancellationToken) : Task.FromResult<VpcItem?>(known);
        var switches = _discovery.Gate("DescribeVSwitches", () => vpc.DescribeAllVSwitchesAsync(new DescribeVSwitchesRequest { RegionId = region, VpcId = vpcId }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);
        var tables = _discovery.Gate("DescribeRouteTableList", () => vpc.DescribeAllRouteTablesAsync(new DescribeRouteTableListRequest { RegionId = region, VpcId = vpcId }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);

        // An attachment's VPC is in the router's region: the region-scoped listing with a VpcId filter finds all of them
        // (ListTransitRouterVpcAttachments takes TransitRouterId, or CenId+RegionId, or RegionId: cloud-apis.md §2.2).
        var attachments = _discovery.Gate("ListTransitRouterVpcAttachments", () => _apis.Cbn.ListAllTransitRouterVpcAttachmentsAsync(new ListTransitRouterVpcAttachmentsRequest { RegionId = region, VpcId = vpcId }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);
        if (await itemRead is not { } item)
        {
            return null;
        }

        var tableItems = await tables;
        var tableIds = tableItems.Select(t => t.RouteTableId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var entries = await Task.WhenAll(tableIds.Select(id => _discovery.Gate(
            "DescribeRouteEntryList",
            () => vpc.DescribeAllRouteEntriesAsync(new DescribeRouteEntryListRequest { RegionId = region, RouteTableId = id }, cancellationToken).ToImmutableArrayAsync(cancellationToken),
            cancellationToken)));
        var read = new VpcRead(region, item, await switches, tableItems, tableIds.Zip(entries).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        var found = (await attachments).Where(a => a.VpcId == vpcId && a.TransitRouterId is not null && _routers.ContainsKey(a.TransitRouterId)).ToList();
        lock (_reads)
        {
            _vpcs[vpcId] = read;
            foreach (var attachment in found)
            {
                _routers[attachment.TransitRouterId!].AddVpcAttachment(attachment);
            }
        }

        return read;
    }

    private async Task<RegistryReadings> ReadRegistryAsync(CrInstanceItem instance, CancellationToken cancellationToken) =>
        _shared?.Registries.FirstOrDefault(r => r.InstanceId == instance.InstanceId) is { } known
            ? new RegistryReadings(instance, known.Endpoint, await _discovery.RealmAsync(instance, cancellationToken))
            : await _discovery.ReadRegistryAsync(_apis, instance, cancellationToken);

    private SharedRouter? SharedOf(string router) => _shared?.RouterAttachments.FirstOrDefault(r => r.TransitRouterId == router);

    private async Task ReadPeersAsync(RouterRead router, CancellationToken cancellationToken)
    {
        var id = router.Item.TransitRouterId!;
        if (SharedOf(id) is { } known)
        {
            router.Peers = known.Peers;
            return;
        }

        router.Peers = await _discovery.PeersAsync(_apis.Cbn, id, cancellationToken);
    }

    private async Task ReadTablesAsync(RouterRead router, CancellationToken cancellationToken)
    {
        var id = router.Item.TransitRouterId!;
        router.Tables = await _discovery.Gate("ListTransitRouterRouteTables", () => _apis.Cbn.ListAllTransitRouterRouteTablesAsync(new ListTransitRouterRouteTablesRequest { TransitRouterId = id }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);
    }

    /// <summary>Every table of a router whole: its associations and its entries (every status), one listing each, as whole-account discovery reads them.</summary>
    private async Task ReadRouterTablesAsync(RouterRead router, CancellationToken cancellationToken)
    {
        await router.TablesOnce(() => ReadTablesAsync(router, cancellationToken));
        var tables = router.Tables!.Value.Select(t => t.TransitRouterRouteTableId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var associations = Task.WhenAll(tables.Select(table =>
            ListAssociationsAsync(new ListTransitRouterRouteTableAssociationsRequest { TransitRouterRouteTableId = table }, cancellationToken)));
        await Task.WhenAll(tables.Select(async table =>
        {
            router.AddWholeTable(table, await _discovery.TableEntriesAsync(_apis.Cbn, table, cancellationToken));
        }));
        AddAssociations((await associations).SelectMany(f => f));
    }

    /// <summary>
    /// Where an attachment is associated, in every table at once: the list takes an attachment id without a table id
    /// ("at least one of TransitRouterRouteTableId / TransitRouterAttachmentId", cloud-apis.md §2.2). A peer attachment's
    /// answer covers both its routers.
    /// </summary>
    private async Task ReadAssociationsAsync(string attachment, CancellationToken cancellationToken)
    {
        var found = await ListAssociationsAsync(new ListTransitRouterRouteTableAssociationsRequest { TransitRouterAttachmentId = attachment }, cancellationToken);
        AddAssociations(found.Where(a => a.TransitRouterAttachmentId == attachment));
    }

    private Task<ImmutableArray<RouteTableAssociationItem>> ListAssociationsAsync(ListTransitRouterRouteTableAssociationsRequest request, CancellationToken cancellationToken) =>
        _discovery.Gate("ListTransitRouterRouteTableAssociations", () => _apis.Cbn.ListAllTransitRouterRouteTableAssociationsAsync(request, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);

    private void AddAssociations(IEnumerable<RouteTableAssociationItem> found)
    {
        lock (_associations)
        {
            _associations.AddRange(found);
        }
    }

    /// <summary>
    /// The destinations asked about one by one, and the VPC blocks that cover three or more of them (a return path asks
    /// about each vSwitch of a source VPC): a block's supernets and subnets answer for every destination inside it in two
    /// values where its vSwitches take one each. Only blocks of /16 or narrower: a wide one could hold many entries.
    /// </summary>
    private static (List<IPNetwork> One, List<IPNetwork> Blocks) Cover(List<IPNetwork> destinations, IReadOnlyList<IPNetwork> vpcBlocks)
    {
        var inside = destinations
            .Select(d => (Destination: d, Block: vpcBlocks.Where(b => b.PrefixLength >= 16 && b.PrefixLength < d.PrefixLength && b.ContainsNetwork(d)).OrderByDescending(b => b.PrefixLength).Cast<IPNetwork?>().FirstOrDefault()))
            .GroupBy(p => p.Block)
            .ToList();
        var blocks = inside.Where(g => g.Key is not null && g.Count() >= 3).Select(g => g.Key!.Value).ToList();
        var one = inside.Where(g => g.Key is null || g.Count() < 3).SelectMany(g => g.Select(p => p.Destination)).ToList();
        return (one, blocks);
    }

    /// <summary>
    /// The entries of a transit-router table that contain any of <paramref name="destinations"/>: all a longest-prefix
    /// match of those destinations can pick. <c>SupernetOfMatchCidrs</c> "The supernets of the CIDR block, including the
    /// CIDR block" (aliyun/alibabacloud-typescript-sdk cbn-20170912/src/models/ListTransitRouterRouteEntriesRequestRouteFilter.ts),
    /// its values a list (RouteFilter.N.Value.M). For each of <paramref name="blocks"/>, its supernets and its subnets
    /// (<c>SubnetOfMatchCidrs</c>, same model): every entry that can match a destination inside it. 100.0.0.0/8 comes
    /// along with the first read of a table: the planner asks whether the table already has one before proposing it.
    /// </summary>
    private async Task ReadEntriesAsync(RouterRead router, string table, List<IPNetwork> destinations, List<IPNetwork> blocks, CancellationToken cancellationToken)
    {
        if (router.FirstEntriesRead(table))
        {
            destinations.Add(Cidr.Block100);
        }

        var supernets = ListEntriesAsync(table, "SupernetOfMatchCidrs", [.. destinations, .. blocks], cancellationToken);
        var subnets = ListEntriesAsync(table, "SubnetOfMatchCidrs", blocks, cancellationToken);
        var entries = (await supernets).Concat(await subnets).DistinctBy(e => e.TransitRouterRouteEntryId ?? $"{e.TransitRouterRouteEntryDestinationCidrBlock} {e.TransitRouterRouteEntryNextHopId}").ToImmutableArray();
        router.AddEntries(table, [.. destinations, .. blocks], entries, blocks);
    }

    private async Task<IEnumerable<TransitRouteEntryItem>> ListEntriesAsync(string table, string key, List<IPNetwork> values, CancellationToken cancellationToken)
    {
        // A burst's many sources ask one table about many destinations: a bounded number per call keeps the query string
        // within what a server takes (a hundred CIDRs in one call was answered HTTP 414 by the local cloud's Kestrel).
        var chunks = values.Distinct().Select(Cidr.Format).Order(StringComparer.Ordinal).Chunk(MaxFilterValues);
        var read = await Task.WhenAll(chunks.Select(chunk => _discovery.Gate("ListTransitRouterRouteEntries", () => _apis.Cbn.ListAllTransitRouterRouteEntriesAsync(new ListTransitRouterRouteEntriesRequest
        {
            TransitRouterRouteTableId = table,
            TransitRouterRouteEntryStatus = "All",
            RouteFilter = [new TransitRouteFilter { Key = key, Value = [.. chunk] }],
        }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken)));
        return read.SelectMany(e => e);
    }

    /// <summary>A next hop the router's lists read so far do not have: a VPC attachment (then its VPC), a VBR or a VPN one.</summary>
    private async Task ProbeAttachmentAsync(RouterRead router, string attachment, CancellationToken cancellationToken)
    {
        var routerId = router.Item.TransitRouterId!;
        var vpcs = await _discovery.Gate("ListTransitRouterVpcAttachments", () => _apis.Cbn.ListAllTransitRouterVpcAttachmentsAsync(new ListTransitRouterVpcAttachmentsRequest { TransitRouterId = routerId, TransitRouterAttachmentId = attachment }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);
        if (vpcs.FirstOrDefault(a => a.TransitRouterAttachmentId == attachment && a.VpcId is not null) is { } vpcAttachment)
        {
            await ReadVpcAsync(vpcAttachment.VpcId!, vpcAttachment.VpcRegionId ?? router.Item.RegionId ?? string.Empty, cancellationToken);
            lock (_reads)
            {
                router.AddVpcAttachment(vpcAttachment);
            }

            return;
        }

        var vbrs = await _discovery.Gate("ListTransitRouterVbrAttachments", () => _apis.Cbn.ListAllTransitRouterVbrAttachmentsAsync(new ListTransitRouterVbrAttachmentsRequest { TransitRouterId = routerId, TransitRouterAttachmentId = attachment }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);
        var vpns = vbrs.Any(a => a.TransitRouterAttachmentId == attachment)
            ? []
            : await _discovery.Gate("ListTransitRouterVpnAttachments", () => _apis.Cbn.ListAllTransitRouterVpnAttachmentsAsync(new ListTransitRouterVpnAttachmentsRequest { TransitRouterId = routerId, TransitRouterAttachmentId = attachment }, cancellationToken).ToImmutableArrayAsync(cancellationToken), cancellationToken);
        lock (_reads)
        {
            router.Vbrs = router.Vbrs.AddRange(vbrs.Where(a => a.TransitRouterAttachmentId == attachment));
            router.Vpns = router.Vpns.AddRange(vpns.Where(a => a.TransitRouterAttachmentId == attachment));
        }
    }

    private ImmutableArray<RegionReadings> RegionReadings(ImmutableArray<string> regions) =>
        [.. regions.Select(region =>
        {
            var vpcs = _vpcs.Values.Where(v => v.Region == region).OrderBy(v => v.Item.VpcId, StringComparer.Ordinal).ToList();
            return new RegionReadings(
                region,
                [.. vpcs.Select(v => v.Item)],
                [.. vpcs.SelectMany(v => v.Switches)],
                [.. vpcs.SelectMany(v => v.Tables)],
                vpcs.SelectMany(v => v.Entries).ToImmutableDictionary(StringComparer.Ordinal));
        })];

    private ImmutableArray<RouterReadings> RouterReadings() =>
        [.. _routers.Values.OrderBy(r => r.Item.TransitRouterId, StringComparer.Ordinal).Select(router =>
        {
            var tables = router.Tables ?? [];
            var tableIds = tables.Select(t => t.TransitRouterRouteTableId).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return new RouterReadings(
                router.Item,
                [.. router.VpcAttachments.Values.OrderBy(a => a.TransitRouterAttachmentId, StringComparer.Ordinal)],
                router.Peers,
                router.Vbrs,
                router.Vpns,
                tables,
                _associations.Where(a => a.TransitRouterRouteTableId is { } t && tableIds.Contains(t))
                    .GroupBy(a => a.TransitRouterRouteTableId!, StringComparer.Ordinal)
                    .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal),
                router.Entries.Where(e => tableIds.Contains(e.Key)).ToImmutableDictionary(e => e.Key, e => e.Value.ToImmutableArray(), StringComparer.Ordinal));
        })];

    private sealed record VpcRead(string Region, VpcItem Item, ImmutableArray<VSwitchItem> Switches, ImmutableArray<RouteTableItem> Tables, ImmutableDictionary<string, ImmutableArray<RouteEntryItem>> Entries);

    /// <summary>One transit router as far as it was read: the listing, its peers, the attachments and table entries asked for.</summary>
    private sealed class RouterRead(TransitRouterItem item)
    {
        private readonly Dictionary<string, HashSet<IPNetwork>> _destinations = new(StringComparer.Ordinal);
        private readonly HashSet<string> _whole = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<IPNetwork>> _within = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<TransitRouteEntryItem>> _seen = new(StringComparer.Ordinal);
        private Task? _tables;

        public TransitRouterItem Item { get; } = item;

        public ImmutableArray<PeerAttachmentItem> Peers { get; set; } = [];

        public Dictionary<string, VpcAttachmentItem> VpcAttachments { get; } = new(StringComparer.Ordinal);

        public ImmutableArray<VbrAttachmentItem> Vbrs { get; set; } = [];

        public ImmutableArray<VpnAttachmentItem> Vpns { get; set; } = [];

        public ImmutableArray<TransitRouteTableItem>? Tables { get; set; }

        /// <summary>Each table's entries read so far, in the order first seen, without repeats.</summary>
        public Dictionary<string, List<TransitRouteEntryItem>> Entries { get; } = new(StringComparer.Ordinal);

        public Task TablesOnce(Func<Task> read) => _tables ??= read();

        public void AddVpcAttachment(VpcAttachmentItem attachment) => VpcAttachments.TryAdd(attachment.TransitRouterAttachmentId!, attachment);

        public bool Knows(string attachment) =>
            VpcAttachments.ContainsKey(attachment)
            || Vbrs.Any(a => a.TransitRouterAttachmentId == attachment)
            || Vpns.Any(a => a.TransitRouterAttachmentId == attachment);

        /// <summary>True when every entry of the table that could match <paramref name="destination"/> was read.</summary>
        public bool HasDestination(string table, IPNetwork destination)
        {
            lock (_destinations)
            {
                // Every entry containing the destination contains any block read inside it: those were all listed.
                // An entry that can match a destination inside a block read with its subnets either contains the block or is one of them.
                return _whole.Contains(table)
                    || (_destinations.TryGetValue(table, out var read) && read.Any(r => destination.ContainsNetwork(r)))
                    || (_within.TryGetValue(table, out var blocks) && blocks.Any(b => b.ContainsNetwork(destination)));
            }
        }

        public bool FirstEntriesRead(string table)
        {
            lock (_destinations)
            {
                return !_destinations.ContainsKey(table) && !_whole.Contains(table);
            }
        }

        /// <summary>Every entry of the table: it answers for any destination.</summary>
        public void AddWholeTable(string table, ImmutableArray<TransitRouteEntryItem> entries)
        {
            lock (_destinations)
            {
                _whole.Add(table);
            }

            AddEntries(table, [], entries);
        }

        /// <param name="blocks">Blocks whose subnets were read too: they answer for any destination inside them.</param>
        public void AddEntries(string table, IEnumerable<IPNetwork> destinations, ImmutableArray<TransitRouteEntryItem> entries, IReadOnlyCollection<IPNetwork>? blocks = null)
        {
            lock (_destinations)
            {
                if (blocks is { Count: > 0 })
                {
                    if (!_within.TryGetValue(table, out var within))
                    {
                        _within[table] = within = [];
                    }

                    within.UnionWith(blocks);
                }

                // Entries read by another filter (next hop) answer for no destination.
                var asked = destinations.ToList();
                if (asked.Count > 0)
                {
                    if (!_destinations.TryGetValue(table, out var read))
                    {
                        _destinations[table] = read = [];
                    }

                    read.UnionWith(asked);
                }

                if (!Entries.TryGetValue(table, out var known))
                {
                    Entries[table] = known = [];
                    _seen[table] = [];
                }

                // A whole table is thousands of entries: a set keeps the repeats out without a scan per entry.
                var seen = _seen[table];
                known.AddRange(entries.Where(seen.Add));
            }
        }
    }
}
