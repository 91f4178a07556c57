using System.Collections.Immutable;
using System.Net;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.OpenApi;
using AcrReach.Core.Addressing;
using AcrReach.Core.Endpoints;
using AcrReach.Core.Planning;
using AcrReach.Core.Reach;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Topology;
using TopologyVpc = AcrReach.Core.Topology.Vpc;

namespace AcrReach.Cloud.Discovery;

/// <summary>
/// What the APIs answered, turned into the model scenarios use — pure, so every mapping decision is testable without a
/// cloud. Everything is sorted by id: the same account always gives the same model, so the same plan id.
/// </summary>
internal static class DiscoveryMapping
{
    public static DiscoveredAccount ToAccount(CloudReadings readings, PolicySettings policy, string? accountId)
    {
        var notes = new List<Finding>();
        var pending = new List<PendingRoute>();
        var vpcs = Vpcs(readings, pending, notes);
        var (routers, attachments) = Routers(readings, pending, notes);
        var (registries, registryStates) = Registries(readings, notes);
        var (dataCenters, dataCenterRules) = DataCenters(readings, attachments, routers, registries, policy, notes);

        var rules = policy.Policy.Reach.Concat(dataCenterRules).Distinct().Order(ReachRules.RuleOrder.Instance).ToImmutableArray();
        var account = new Account(
            accountId ?? AccountIdOf(readings) ?? "unknown",
            vpcs,
            routers,
            registries,
            new RegionalEndpoints(readings.Names),
            policy.OssVipRanges,
            dataCenters,
            policy.Policy with { Reach = rules });
        return new DiscoveredAccount(
            account,
            readings.Regions,
            [.. attachments.OrderBy(a => a.Id, StringComparer.Ordinal)],
            registryStates,
            [.. pending.OrderBy(p => p.RouteTableId, StringComparer.Ordinal).ThenBy(p => p.Destination, Comparer<IPNetwork>.Create(Cidr.Compare))],
            [.. notes.Distinct()]);
    }

    /// <summary>The account owning what was read: VPCs carry OwnerId, transit routers AliUid.</summary>
    internal static string? AccountIdOf(CloudReadings readings) =>
        readings.RegionReads.SelectMany(r => r.Vpcs).Select(v => v.OwnerId).FirstOrDefault(o => o is > 0)?.ToString(System.Globalization.CultureInfo.InvariantCulture)
        ?? readings.Routers.Select(r => r.Router.AliUid).FirstOrDefault(o => o is > 0)?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ImmutableArray<TopologyVpc> Vpcs(CloudReadings readings, List<PendingRoute> pending, List<Finding> notes)
    {
        var result = new List<TopologyVpc>();
        foreach (var region in readings.RegionReads)
        {
            var switches = region.VSwitches.Where(s => s.VpcId is not null).ToLookup(s => s.VpcId!, StringComparer.Ordinal);
            var tables = region.RouteTables.Where(t => t.VpcId is not null && t.RouterType is null or "VRouter").ToLookup(t => t.VpcId!, StringComparer.Ordinal);
            foreach (var item in region.Vpcs)
            {
                if (item.VpcId is not { Length: > 0 } id)
                {
                    continue;
                }

                var cidrs = new[] { item.CidrBlock }.Concat(item.SecondaryCidrBlocks.SecondaryCidrBlock)
                    .Select(c => Network(c, $"{id} block", notes))
                    .OfType<IPNetwork>()
                    .Distinct()
                    .ToImmutableArray();
                var routeTables = tables[id]
                    .OrderBy(t => t.RouteTableId, StringComparer.Ordinal)
                    .Select(t => new RouteTable(
                        t.RouteTableId!,
                        t.RouteTableType == "Custom" ? RouteTableType.Custom : RouteTableType.System,
                        [.. (region.Entries.TryGetValue(t.RouteTableId!, out var entries) ? entries : [])
                            .Select(e => VpcEntry(e, t.RouteTableId!, pending, notes))
                            .OfType<RouteEntry>()
                            .OrderBy(e => e.Destination, Comparer<IPNetwork>.Create(Cidr.Compare))]))
                    .ToImmutableArray();
                var systemTable = routeTables.FirstOrDefault(t => t.Type == RouteTableType.System)?.Id;
                var vswitches = switches[id]
                    .OrderBy(s => s.VSwitchId, StringComparer.Ordinal)
                    .Select(s => Network(s.CidrBlock, $"{s.VSwitchId} block", notes) is { } cidr && s.VSwitchId is { } switchId
                        ? new VSwitch(switchId, s.ZoneId ?? string.Empty, cidr, s.RouteTable.RouteTableId is { Length: > 0 } table ? table : systemTable ?? string.Empty)
                        : null)
                    .OfType<VSwitch>()
                    .ToImmutableArray();
                var tags = item.Tags.Tag.Where(t => t.Key is not null).GroupBy(t => t.Key!, StringComparer.Ordinal)
                    .ToImmutableSortedDictionary(g => g.Key, g => g.First().Value ?? string.Empty, StringComparer.Ordinal);
                result.Add(new TopologyVpc(id, item.RegionId ?? region.Region, cidrs, tags, vswitches, routeTables));
            }
        }

        return [.. result.OrderBy(v => v.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A VPC route as the model has it. System routes (a vSwitch's block, 100.64.0.0/10) are next hop Local. A route still
    /// Pending, or Deleting, is left out and remembered: it does not route (yet, or any more).
    /// </summary>
    internal static RouteEntry? VpcEntry(Vpc.RouteEntryItem item, string tableId, List<PendingRoute> pending, List<Finding> notes)
    {
        if (Network(item.DestinationCidrBlock, $"a route of {tableId}", notes) is not { } destination)
        {
            return null;
        }

        var hop = item.NextHops.NextHop.FirstOrDefault();
        var type = hop?.NextHopType;
        var id = string.IsNullOrEmpty(hop?.NextHopId) ? null : hop.NextHopId;
        if (item.Type == "System" && (string.IsNullOrEmpty(type) || string.Equals(type, "local", StringComparison.OrdinalIgnoreCase) || string.Equals(type, "service", StringComparison.OrdinalIgnoreCase)))
        {
            (type, id) = (VpcNextHopTypes.Local, null);
        }

        var name = string.IsNullOrEmpty(item.RouteEntryName) ? null : item.RouteEntryName;
        var description = string.IsNullOrEmpty(item.Description) ? null : item.Description;
        if (item.Status is "Pending" or "Deleting")
        {
            pending.Add(new PendingRoute(RouteTableKind.Vpc, tableId, destination, id, item.Status, name, description));
            return null;
        }

        return new RouteEntry(destination, string.IsNullOrEmpty(type) ? "Unknown" : type, id, name, description);
    }

    private static (ImmutableArray<TransitRouter> Routers, List<AttachmentState> Attachments) Routers(CloudReadings readings, List<PendingRoute> pending, List<Finding> notes)
    {
        var attachments = new List<AttachmentState>();
        var byRouter = new Dictionary<string, List<Attachment>>(StringComparer.Ordinal);
        foreach (var read in readings.Routers)
        {
            byRouter[read.Router.TransitRouterId!] = [];
        }

        void Add(string routerId, Attachment attachment)
        {
            if (byRouter.TryGetValue(routerId, out var list) && !list.Any(a => a.Id == attachment.Id))
            {
                list.Add(attachment);
            }
        }

        foreach (var read in readings.Routers)
        {
            var router = read.Router.TransitRouterId!;
            var region = read.Router.RegionId ?? string.Empty;
            foreach (var a in read.VpcAttachments.Where(a => a.TransitRouterAttachmentId is not null))
            {
                Add(router, new Attachment(a.TransitRouterAttachmentId!, AttachmentType.Vpc, a.VpcId, null, null));
                attachments.Add(new AttachmentState(a.TransitRouterAttachmentId!, AttachmentType.Vpc, router, region, a.VpcId, NameOf(a), a.Status ?? string.Empty));
            }

            // A peer attachment has one id, listed on both routers (or, depending on the side asked, on one): add it to both.
            foreach (var a in read.PeerAttachments.Where(a => a.TransitRouterAttachmentId is not null && a.PeerTransitRouterId is not null))
            {
                Add(router, new Attachment(a.TransitRouterAttachmentId!, AttachmentType.Peer, null, a.PeerTransitRouterId, null));
                Add(a.PeerTransitRouterId!, new Attachment(a.TransitRouterAttachmentId!, AttachmentType.Peer, null, router, null));
                attachments.Add(new AttachmentState(a.TransitRouterAttachmentId!, AttachmentType.Peer, router, region, a.PeerTransitRouterId, NameOf(a), a.Status ?? string.Empty));
            }

            foreach (var a in read.VbrAttachments.Where(a => a.TransitRouterAttachmentId is not null))
            {
                Add(router, new Attachment(a.TransitRouterAttachmentId!, AttachmentType.Vbr, null, null, DataCenterName(a)));
                attachments.Add(new AttachmentState(a.TransitRouterAttachmentId!, AttachmentType.Vbr, router, region, a.VbrId, DataCenterName(a), a.Status ?? string.Empty));
            }

            foreach (var a in read.VpnAttachments.Where(a => a.TransitRouterAttachmentId is not null))
            {
                Add(router, new Attachment(a.TransitRouterAttachmentId!, AttachmentType.Vpn, null, null, DataCenterName(a)));
                attachments.Add(new AttachmentState(a.TransitRouterAttachmentId!, AttachmentType.Vpn, router, region, a.VpnId, DataCenterName(a), a.Status ?? string.Empty));
            }
        }

        var routers = readings.Routers
            .OrderBy(r => r.Router.TransitRouterId, StringComparer.Ordinal)
            .Select(read => new TransitRouter(
                read.Router.TransitRouterId!,
                read.Router.RegionId ?? string.Empty,
                read.Router.CenId ?? string.Empty,
                [.. byRouter[read.Router.TransitRouterId!].OrderBy(a => a.Id, StringComparer.Ordinal)],
                [.. read.RouteTables
                    .Where(t => t.TransitRouterRouteTableId is not null)
                    .OrderBy(t => t.TransitRouterRouteTableId, StringComparer.Ordinal)
                    .Select(t => new TransitRouteTable(
                        t.TransitRouterRouteTableId!,
                        t.TransitRouterRouteTableType == "System",
                        [.. (read.Associations.TryGetValue(t.TransitRouterRouteTableId!, out var associations) ? associations : [])
                            .Where(a => a.Status is null or "Active" && a.TransitRouterAttachmentId is not null)
                            .Select(a => a.TransitRouterAttachmentId!)
                            .Distinct(StringComparer.Ordinal)
                            .Order(StringComparer.Ordinal)],
                        [.. (read.Entries.TryGetValue(t.TransitRouterRouteTableId!, out var entries) ? entries : [])
                            .Select(e => TransitEntry(e, t.TransitRouterRouteTableId!, pending, notes))
                            .OfType<TransitRouteEntry>()
                            .OrderBy(e => e.Destination, Comparer<IPNetwork>.Create(Cidr.Compare))
                            .ThenBy(e => e.Origin)]))]))
            .ToImmutableArray();
        return (routers, attachments);
    }

    /// <summary>
    /// A transit-router route as the model has it: only Active entries route. Creating and Deleting ones are remembered
    /// (the list shows them only because discovery asks for every status); Rejected, Standby and the like lost to another.
    /// </summary>
    internal static TransitRouteEntry? TransitEntry(TransitRouteEntryItem item, string tableId, List<PendingRoute> pending, List<Finding> notes)
    {
        if (Network(item.TransitRouterRouteEntryDestinationCidrBlock, $"a route of {tableId}", notes) is not { } destination)
        {
            return null;
        }

        var hopType = item.TransitRouterRouteEntryNextHopType == "BlackHole" ? TransitNextHopType.BlackHole : TransitNextHopType.Attachment;
        var hop = string.IsNullOrEmpty(item.TransitRouterRouteEntryNextHopId) ? null : item.TransitRouterRouteEntryNextHopId;
        var name = string.IsNullOrEmpty(item.TransitRouterRouteEntryName) ? null : item.TransitRouterRouteEntryName;
        var description = string.IsNullOrEmpty(item.TransitRouterRouteEntryDescription) ? null : item.TransitRouterRouteEntryDescription;
        switch (item.TransitRouterRouteEntryStatus)
        {
            case "Creating" or "Deleting":
                pending.Add(new PendingRoute(RouteTableKind.TransitRouter, tableId, destination, hop, item.TransitRouterRouteEntryStatus, name, description));
                return null;
            case null or "" or "Active":
                var origin = item.TransitRouterRouteEntryType == "Propagated" ? RouteOrigin.Propagated : RouteOrigin.Static;
                return new TransitRouteEntry(destination, hopType, hop, origin, name, description);
            default:
                return null;
        }
    }

    private static (ImmutableArray<Registry> Registries, ImmutableArray<RegistryState> States) Registries(CloudReadings readings, List<Finding> notes)
    {
        var registries = new List<Registry>();
        var states = new List<RegistryState>();
        foreach (var read in readings.Registries.OrderBy(r => r.Instance.InstanceId, StringComparer.Ordinal))
        {
            var instance = read.Instance;
            var id = instance.InstanceId!;
            var name = instance.InstanceName ?? string.Empty;
            var region = instance.RegionId ?? string.Empty;
            var links = read.Endpoint.LinkedVpcs
                .Where(l => l.VpcId is not null)
                .Select(l => new VpcLinkState(l.VpcId!, l.VswitchId ?? string.Empty, IPAddress.TryParse(l.Ip, out var ip) ? ip : null, l.Status ?? string.Empty))
                .OrderBy(l => l.VpcId, StringComparer.Ordinal)
                .ThenBy(l => l.VswitchId, StringComparer.Ordinal)
                .ToImmutableArray();
            states.Add(new RegistryState(id, name, region, instance.InstanceStatus ?? string.Empty, links));

            var takeover = false;
            string? authHost = null;
            if (read.Realm is not { } realm)
            {
                notes.Add(new Finding(DiscoveryNotes.AuthRealmUnreachable, Severity.Info,
                    $"the /v2/ challenge of {id} could not be read from here; assuming it sends docker login to {EndpointNames.Auth(region)}",
                    Registry: id, Remedy: "run AcrReach where the registry's VPC domain is reachable, or check the instance's auth domain setting"));
            }
            else
            {
                var host = realm.Host.ToLowerInvariant();
                takeover = host == EndpointNames.Registry(name, region)
                    || read.Endpoint.Domains.Any(d => string.Equals(d, host, StringComparison.OrdinalIgnoreCase))
                    || (host.StartsWith($"{name.ToLowerInvariant()}-registry", StringComparison.Ordinal) && host.EndsWith(".cr.aliyuncs.com", StringComparison.Ordinal));
                // The challenge is the registry's own word on where docker login goes (dockerauth-vpc and dockerauth-ee-vpc
                // are both seen; no reference fixes either), so that host is the one routed and resolved.
                if (!takeover && host != EndpointNames.Auth(region))
                {
                    authHost = host;
                    notes.Add(new Finding(DiscoveryNotes.AuthRealmUnconventional, Severity.Info,
                        $"{id} sends docker login to {host}, not to {EndpointNames.Auth(region)}; routes and records are planned for {host}",
                        Registry: id));
                }
            }

            var tags = instance.Tags.Where(t => t.TagKey is not null).GroupBy(t => t.TagKey!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().TagValue, StringComparer.Ordinal);
            IPAddress? privateLink = null;
            if (tags.TryGetValue(ResourceTags.OssPrivateLinkIp, out var privateLinkText) && !Cidr.TryParseCanonicalAddress(privateLinkText, out privateLink, out var problem))
            {
                notes.Add(new Finding(DiscoveryNotes.UnreadableValue, Severity.Warning, $"{id}'s tag {ResourceTags.OssPrivateLinkIp} = '{privateLinkText}' is not an address: {problem}", Registry: id));
            }

            registries.Add(new Registry(
                id,
                name,
                region,
                [.. links.Where(l => l.Status == "RUNNING" && l.Ip is not null).Select(l => new VpcEndpoint(l.VpcId, l.VswitchId, l.Ip!))],
                takeover,
                tags.TryGetValue(ResourceTags.OssBucket, out var bucket) && !string.IsNullOrWhiteSpace(bucket) ? bucket.Trim() : null,
                privateLink)
            {
                AuthHost = authHost,
            });
        }

        return ([.. registries], [.. states]);
    }

    /// <summary>
    /// One data center per name of a VBR/VPN attachment. Its CIDRs: the policy file's; else the attachment tag
    /// <c>acr-reach-cidrs</c> (explicit, so it wins over inference); else the routes the transit routers learned from
    /// the attachment. Its rules: the attachment tag <c>acr-reach</c> (registry ids or <c>*</c>).
    /// </summary>
    private static (ImmutableArray<DataCenter> DataCenters, List<ReachRule> Rules) DataCenters(
        CloudReadings readings,
        List<AttachmentState> attachments,
        ImmutableArray<TransitRouter> routers,
        ImmutableArray<Registry> registries,
        PolicySettings policy,
        List<Finding> notes)
    {
        var tagsById = readings.Routers
            .SelectMany(r => r.VbrAttachments.Cast<TransitRouterAttachmentItem>().Concat(r.VpnAttachments))
            .Where(a => a.TransitRouterAttachmentId is not null)
            .GroupBy(a => a.TransitRouterAttachmentId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Tags, StringComparer.Ordinal);
        var result = new List<DataCenter>();
        var rules = new List<ReachRule>();
        foreach (var group in attachments.Where(a => a.Type is AttachmentType.Vbr or AttachmentType.Vpn).GroupBy(a => a.Name!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = group.Key;
            var ids = group.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var tags = group.SelectMany(a => tagsById.GetValueOrDefault(a.Id, [])).ToList();
            var cidrs = policy.DataCenters.FirstOrDefault(d => d.Name == name)?.Cidrs;
            if (cidrs is null)
            {
                cidrs = [.. tags.Where(t => t.Key == ResourceTags.DataCenterCidrs)
                    .SelectMany(t => (t.Value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    .Select(c => Network(c, $"tag {ResourceTags.DataCenterCidrs} of {name}", notes))
                    .OfType<IPNetwork>()
                    .Distinct()];
            }

            if (cidrs.Value.IsEmpty)
            {
                cidrs = [.. routers.SelectMany(r => r.RouteTables).SelectMany(t => t.Entries)
                    .Where(e => e.Origin == RouteOrigin.Propagated && e.NextHopId is not null && ids.Contains(e.NextHopId))
                    .Select(e => e.Destination)
                    .Distinct()
                    .Order(Comparer<IPNetwork>.Create(Cidr.Compare))];
            }

            if (cidrs.Value.IsEmpty)
            {
                notes.Add(new Finding(DiscoveryNotes.DataCenterCidrsUnknown, Severity.Warning,
                    $"the CIDR blocks of data center {name} are unknown: no policy file entry, no {ResourceTags.DataCenterCidrs} tag on {string.Join(", ", ids.Order(StringComparer.Ordinal))}, no routes learned from it",
                    Source: name, Remedy: $"tag its attachment {ResourceTags.DataCenterCidrs}=CIDR,CIDR or list it under dataCenters in the policy file"));
            }

            result.Add(new DataCenter(name, cidrs.Value));
            foreach (var value in tags.Where(t => t.Key == ResourceTags.Reach).Select(t => t.Value ?? string.Empty))
            {
                foreach (var registry in ReachRules.ParseTag(value))
                {
                    rules.AddRange(registry == ReachRules.AllRegistries
                        ? registries.Select(r => new ReachRule(ReachSource.ForDataCenter(name), r.InstanceId))
                        : [new ReachRule(ReachSource.ForDataCenter(name), registry)]);
                }
            }
        }

        // A data center of the policy file no attachment leads to: kept, so the planner says it has no transit path.
        result.AddRange(policy.DataCenters.Where(d => !result.Any(r => r.Name == d.Name)));
        return ([.. result.OrderBy(d => d.Name, StringComparer.Ordinal)], rules);
    }

    private static string? NameOf(TransitRouterAttachmentItem attachment) =>
        string.IsNullOrEmpty(attachment.TransitRouterAttachmentName) ? null : attachment.TransitRouterAttachmentName;

    /// <summary>A data center is known by its attachment's name (how a person names an Express Connect attachment), else the attachment id.</summary>
    internal static string DataCenterName(TransitRouterAttachmentItem attachment) => NameOf(attachment) ?? attachment.TransitRouterAttachmentId!;

    private static IPNetwork? Network(string? text, string what, List<Finding> notes)
    {
        if (Cidr.TryParseCanonical(text, out var network, out var problem))
        {
            return network;
        }

        // The cloud writes a host route as a bare address now and then.
        if (Cidr.TryParseCanonicalAddress(text, out var address, out _))
        {
            return Cidr.Host(address);
        }

        notes.Add(new Finding(DiscoveryNotes.UnreadableValue, Severity.Warning, $"{what}: '{text}' is not a CIDR block ({problem}); skipped"));
        return null;
    }
}
