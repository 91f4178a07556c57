using System.Collections.Immutable;
using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Topology;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Planning;

/// <summary>Trace, find the first hop that leaves the intended path, propose the smallest safe route there, repeat.</summary>
internal sealed partial class PlanningSession
{
    private sealed record Decision(string? RouteTableId, IPNetwork Destination, string NextHopType, string NextHopId, Finding? Finding)
    {
        public static Decision Blocked(Finding finding) => new(null, default, string.Empty, string.Empty, finding);
    }

    /// <summary>
    /// The intended path from each router a source enters to the registry VPC's router, or findings saying why there
    /// is none (not attached, no peering). Keyed by the entry router.
    /// </summary>
    private Dictionary<string, IntendedPath>? Intend(SourceNetwork source, Registry registry, Vpc registryVpc, List<(TraceStart Start, string? EntryRouter)> starts)
    {
        Finding NoPath(string message, string remedy) =>
            new(FindingCodes.NoTransitPath, Severity.Error, message, source.Name, registry.InstanceId, Remedy: remedy);

        if (starts.Count == 0 || starts.Any(s => s.EntryRouter is null))
        {
            _current.Findings.Add(source.Vpc is { } vpc
                ? NoPath($"{vpc.Id} is not attached to a transit router, so it has no path to {registry.InstanceId} in {registry.Region}",
                    $"attach {vpc.Id} to the CEN transit router of {vpc.Region} (the document's step 1: connect the networks)")
                : NoPath($"data center {source.Name} has no VBR or VPN attachment on a transit router",
                    $"attach {source.Name}'s VBR (Express Connect) or VPN connection to a CEN transit router"));
            return null;
        }

        var registryAttachment = _state.VpcAttachments(registryVpc.Id) is { Count: > 0 } attached ? attached[0] : default;
        if (registryAttachment.Attachment is null)
        {
            _current.Findings.Add(NoPath($"{registryVpc.Id}, where {registry.InstanceId} has its address, is not attached to a transit router",
                $"attach {registryVpc.Id} to the CEN transit router of {registry.Region}"));
            return null;
        }

        var paths = new Dictionary<string, IntendedPath>(StringComparer.Ordinal);
        foreach (var entryRouter in starts.Select(s => s.EntryRouter!).Distinct(StringComparer.Ordinal))
        {
            if (RouterPath(entryRouter, registryAttachment.Router.Id) is not { } routers)
            {
                _current.Findings.Add(NoPath($"no chain of peer attachments joins {entryRouter} ({_state.Router(entryRouter)!.Region}) to {registryAttachment.Router.Id} ({registry.Region})",
                    $"connect the two regions in the CEN instance (an inter-region connection between {entryRouter} and {registryAttachment.Router.Id})"));
                continue;
            }

            var hops = routers.Select((r, i) => (r.RouterId, i + 1 < routers.Length ? routers[i + 1].Via : registryAttachment.Attachment.Id)).ToImmutableArray();
            var entry = source.Vpc is { } vpc
                ? _state.VpcAttachments(vpc.Id)[0].Attachment.Id
                : _state.DataCenterAttachments(source.Name).First(a => a.Router.Id == entryRouter).Attachment.Id;
            paths[entryRouter] = new IntendedPath(source.Vpc is null ? null : entry, hops, entry);
        }

        return paths;
    }

    /// <summary>Shortest chain of peer attachments between two routers (ties broken by attachment id); Via is the attachment used to arrive.</summary>
    private ImmutableArray<(string RouterId, string Via)>? RouterPath(string from, string to)
    {
        if (_routerPaths.TryGetValue((from, to), out var cached))
        {
            return cached;
        }

        _peers ??= Account.TransitRouters.ToDictionary(
            r => r.Id,
            r => r.Attachments.Where(a => a.Type == AttachmentType.Peer).OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => (a.Id, a.PeerTransitRouterId!)).ToList(),
            StringComparer.Ordinal);
        var cameFrom = new Dictionary<string, (string Router, string Via)>(StringComparer.Ordinal) { [from] = (string.Empty, string.Empty) };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0 && !cameFrom.ContainsKey(to))
        {
            var router = queue.Dequeue();
            foreach (var (attachment, peer) in _peers.GetValueOrDefault(router) ?? [])
            {
                if (cameFrom.TryAdd(peer, (router, attachment)))
                {
                    queue.Enqueue(peer);
                }
            }
        }

        ImmutableArray<(string, string)>? path = null;
        if (cameFrom.ContainsKey(to))
        {
            var chain = new List<(string, string)>();
            for (var at = to; at.Length > 0; at = cameFrom[at].Router)
            {
                chain.Add((at, cameFrom[at].Via));
            }

            chain.Reverse();
            path = [.. chain];
        }

        return _routerPaths[(from, to)] = path;
    }

    private void FixAndTrace(SourceNetwork source, Registry registry, Vpc registryVpc, RequiredEndpoint target, IPNetwork destination, TraceStart start, IntendedPath? intended)
    {
        var subject = new PathSubject(PathDirection.Forward, source.Name, registry.InstanceId, target.Kind, target.PrimaryName);
        for (var attempt = 0; ; attempt++)
        {
            var trace = Trace(start, destination, target.Expected, subject);
            if (trace.Reached || intended is null)
            {
                _current.Paths.Add(trace);
                return;
            }

            if (attempt == MaxFixesPerPath)
            {
                _current.Paths.Add(trace);
                _current.Findings.Add(new Finding(FindingCodes.NoTransitPath, Severity.Error,
                    $"{target.Label} {Cidr.Format(destination)} is still not reached from {start} after {MaxFixesPerPath} routes",
                    source.Name, registry.InstanceId, trace.Hops[^1].RouteTableId, destination, "explain this path and fix the table where it breaks"));
                return;
            }

            var decision = Decide(trace, intended, source, registry, registryVpc, target, destination);
            if (decision.Finding is { } finding)
            {
                _current.Paths.Add(trace);
                Report(finding);
                return;
            }

            AddRoute(decision, source, registry, target, destination);
        }
    }

    /// <summary>Walks the trace against the intended path and decides at the first hop that leaves it.</summary>
    private Decision Decide(PathTrace trace, IntendedPath intended, SourceNetwork source, Registry registry, Vpc registryVpc, RequiredEndpoint target, IPNetwork destination)
    {
        var routerIndex = 0;
        foreach (var hop in trace.Hops)
        {
            if (hop.Kind == HopKind.Vpc && routerIndex == 0 && source.Vpc?.Id == hop.NodeId && hop.Ingress is null)
            {
                if (hop.Result == HopResult.Forwarded && hop.Route!.NextHopId == intended.SourceAttachment)
                {
                    continue;
                }

                // A route for exactly this destination that goes elsewhere is one AcrReach would have to replace.
                return hop.Result is HopResult.NoRoute or HopResult.Delivered or HopResult.NotDelivered || hop.Route?.Destination == destination
                    ? Propose(hop, [destination], VpcNextHopTypes.Attachment, intended.SourceAttachment!, source, registry, target, destination)
                    : Decision.Blocked(Unfixable(trace, hop, source, registry));
            }

            if (routerIndex < intended.Routers.Length && hop.Kind == HopKind.TransitRouter && hop.NodeId == intended.Routers[routerIndex].RouterId)
            {
                var next = intended.Routers[routerIndex++].NextAttachment;
                if (hop.Result == HopResult.Forwarded && hop.Route!.NextHopId == next)
                {
                    continue;
                }

                var blackhole = hop.Result == HopResult.Dropped && hop.Route!.Destination.PrefixLength > 0;
                return hop.Result is HopResult.NotAssociated or HopResult.Loop || blackhole
                    ? Decision.Blocked(blackhole ? Conflict(hop, hop.Route!.Destination, next, source, registry, target) : Unfixable(trace, hop, source, registry))
                    : Propose(hop, TransitCandidates(hop, next, source, registry, registryVpc, target, destination), nameof(TransitNextHopType.Attachment), next, source, registry, target, destination);
            }

            return Decision.Blocked(Unfixable(trace, hop, source, registry));
        }

        return Decision.Blocked(Unfixable(trace, trace.Hops[^1], source, registry));
    }

    /// <summary>
    /// In a transit-router table a service address is covered by 100.0.0.0/8 (the document's way), unless the policy
    /// asks for host routes, the /8 would capture a block in use that this table does not route more specifically, or
    /// the table's /8 is AcrReach's own toward another next hop (another registry's region, planned now or before).
    /// </summary>
    private IPNetwork[] TransitCandidates(Hop hop, string next, SourceNetwork source, Registry registry, Vpc registryVpc, RequiredEndpoint target, IPNetwork destination)
    {
        if (!target.IsService || Account.Policy.TransitRouteScope != TransitRouteScope.Block100 || !Cidr.Block100.ContainsNetwork(destination))
        {
            return [destination];
        }

        var table = _state.RouterOfTable(hop.RouteTableId!)!.RouteTables.First(t => t.Id == hop.RouteTableId);
        var lookup = _state.TransitLookup(table);
        _state.Footprint?.TransitLookUp(table.Id, Cidr.Block100);
        if (lookup.Exact(Cidr.Block100) is { } taken && taken.NextHopId != next && IsAcrReachBlock(table, taken))
        {
            // Two registries in different regions cannot share one /8 in a router both paths cross: the second gets
            // host routes, which are more specific and leave the first registry's /8 as it is.
            _decisions.Add(new Finding(FindingCodes.BlockCollision, Severity.Warning,
                $"100.0.0.0/8 in {table.Id} ({hop.NodeId}) already leads to {taken.NextHopId} for another registry; host routes toward {next} are planned in that table for {registry.InstanceId}",
                source.Name, registry.InstanceId, table.Id, Cidr.Block100,
                "set transitRouteScope: HostRoutes to plan host routes everywhere"));
            return [destination];
        }

        _state.Footprint?.UsedAccountBlocks();
        foreach (var (block, _) in _state.BlocksInUse100)
        {
            _current.LookUps.Add((table.Id, block));
            _state.Footprint?.TransitLookUp(table.Id, block);
        }

        var captured = _state.BlocksInUse100
            .Where(b => b.Owner != registryVpc.Id && !(lookup.Match(b.Block) is { } route && route.Destination.PrefixLength > Cidr.Block100.PrefixLength))
            .ToList();
        if (captured.Count == 0)
        {
            return [Cidr.Block100, destination];
        }

        _decisions.Add(new Finding(FindingCodes.BlockCollision, Severity.Warning,
            $"100.0.0.0/8 in {table.Id} ({hop.NodeId}) would capture {string.Join(", ", captured.Select(b => $"{Cidr.Format(b.Block)} ({b.Owner})"))}; host routes are planned in that table instead",
            source.Name, registry.InstanceId, table.Id, Cidr.Block100,
            "set transitRouteScope: HostRoutes to plan host routes everywhere, or route those blocks more specifically in that table"));
        return [destination];
    }

    /// <summary>A /8 this plan adds, or one AcrReach created before (its mark): never someone else's route.</summary>
    private static bool IsAcrReachBlock(TransitRouteTable table, MatchedRoute block) =>
        block.Provenance == RouteProvenance.Planned
        || table.Entries.Any(e => e.Destination == Cidr.Block100 && e.Origin == RouteOrigin.Static && e.NextHopId == block.NextHopId && AcrReachMark.IsMarked(e.Name, e.Description));

    /// <summary>The first candidate the hop's current route does not already cover more specifically; never a replacement.</summary>
    private Decision Propose(Hop hop, IPNetwork[] candidates, string nextHopType, string nextHopId, SourceNetwork source, Registry registry, RequiredEndpoint target, IPNetwork destination)
    {
        var current = hop.Route;
        foreach (var candidate in candidates)
        {
            if (current is not null && current.Destination.PrefixLength >= candidate.PrefixLength)
            {
                if (current.Destination == candidate)
                {
                    return Decision.Blocked(Conflict(hop, candidate, nextHopId, source, registry, target));
                }

                continue;
            }

            return new Decision(hop.RouteTableId!, candidate, nextHopType, nextHopId, null);
        }

        return Decision.Blocked(Conflict(hop, candidates[^1], nextHopId, source, registry, target));
    }

    private void AddRoute(Decision decision, SourceNetwork source, Registry registry, RequiredEndpoint target, IPNetwork destination)
    {
        var table = decision.RouteTableId!;
        // The endpoint that needed the route; Plan names every endpoint of this registry and source that ends up crossing it.
        var reason = RouteReason.For(registry.InstanceId, source.Name, [new ServedEndpoint(target.Kind, target.PrimaryName, destination)]);
        PlanAction action = _state.VpcOfTable(table) is { } vpc
            ? new CreateVpcRoute(table, decision.Destination, decision.NextHopType, decision.NextHopId, vpc.Region, vpc.Id, reason)
            : _state.RouterOfTable(table) is { } router
                ? new CreateTransitRoute(table, decision.Destination, decision.NextHopId, router.Region, router.Id, reason)
                : throw new InvalidOperationException($"route table {table} is in no VPC and no transit router");
        if (!_routes.TryAdd((table, decision.Destination), action))
        {
            throw new InvalidOperationException($"{Cidr.Format(decision.Destination)} was planned twice in {table}");
        }

        _routeOwners[(table, decision.Destination)] = (source.Name, registry.InstanceId);

        _state.Plan(table, decision.Destination, decision.NextHopType, decision.NextHopId);
        if (!_routeLog.TryGetValue(table, out var log))
        {
            _routeLog[table] = log = [];
        }

        log.Add((++_clock, decision.Destination));
    }

    private Finding Conflict(Hop hop, IPNetwork wanted, string nextHopId, SourceNetwork source, Registry registry, RequiredEndpoint target)
    {
        var existing = hop.Route!;
        var needs = $"the {target.Label} path of {registry.InstanceId} for {source.Name} needs {Cidr.Format(wanted)} toward {nextHopId}";
        var routeText = existing.NextHopType == nameof(TransitNextHopType.BlackHole)
            ? $"{Cidr.Format(existing.Destination)} as a blackhole"
            : $"{Cidr.Format(existing.Destination)} to {existing.NextHopType} {existing.NextHopId}";
        var origin = existing.Provenance switch
        {
            RouteProvenance.Propagated => " (propagated)",
            RouteProvenance.Implicit => " (system route)",
            _ => string.Empty,
        };
        var message = existing.Provenance == RouteProvenance.Planned
            ? $"{hop.RouteTableId} ({hop.NodeId}): another reach rule routes {routeText}, but {needs}"
            : $"{hop.RouteTableId} ({hop.NodeId}) already routes {routeText}{origin}; {needs}, and AcrReach never replaces a route";
        var remedy = wanted == Cidr.Block100
            ? "set transitRouteScope: HostRoutes (host routes do not collide), or change that route yourself if it is not needed"
            : existing.Destination != wanted
                ? $"the more specific route {Cidr.Format(existing.Destination)} in {hop.RouteTableId} captures it: change or remove it if {target.Label} traffic must pass"
                : $"change or remove the route {Cidr.Format(existing.Destination)} in {hop.RouteTableId} if it is not needed, then plan again";
        return new Finding(FindingCodes.RouteConflict, Severity.Error, message, source.Name, registry.InstanceId, hop.RouteTableId, wanted, remedy);
    }

    /// <summary>A break no added route can safely fix: say where and why.</summary>
    private static Finding Unfixable(PathTrace trace, Hop hop, SourceNetwork source, Registry registry)
    {
        var destination = Text(trace.Destination);
        var route = hop.Route is { } r ? $"{Cidr.Format(r.Destination)} -> {r.NextHopType}{(r.NextHopId is null ? string.Empty : " " + r.NextHopId)}" : null;
        var where = hop.RouteTableId is null ? hop.NodeId : $"{hop.RouteTableId} ({hop.NodeId})";
        var (message, remedy) = hop.Result switch
        {
            HopResult.LeftNetwork => (
                $"{where} sends {destination} by {route}, out of the transit network; AcrReach does not route around it",
                $"if {trace.Endpoint.ToString().ToLowerInvariant()} traffic may bypass {hop.Route!.NextHopId}, add a route for {destination} toward the VPC's transit-router attachment"),
            HopResult.InvalidNextHop => (
                $"{where} sends {destination} by {route}, which is not an attachment of {hop.NodeId}",
                $"point that route at {hop.NodeId}'s own transit-router attachment"),
            HopResult.NotAssociated => (
                $"traffic entering {hop.NodeId} on {hop.Ingress} finds no route table: the attachment is associated with none",
                $"associate {hop.Ingress} with a route table of {hop.NodeId} (and propagate its routes)"),
            HopResult.Loop => (
                $"{destination} loops back to {where}",
                "explain this path and remove the route that sends it back"),
            _ => (
                $"{where} sends {destination} {(route is null ? "nowhere (no route)" : "by " + route)} instead of delivering it to {trace.Expected}",
                $"fix that route in {hop.RouteTableId ?? hop.NodeId}; AcrReach only adds routes on the source side and in transit routers on the path"),
        };
        // An unassociated attachment breaks every destination alike: one finding, not one per address.
        var destinationOfFinding = hop.Result == HopResult.NotAssociated ? (IPNetwork?)null : trace.Destination;
        return new Finding(FindingCodes.NoTransitPath, Severity.Error, message, source.Name, registry.InstanceId, hop.RouteTableId, destinationOfFinding, remedy);
    }

    /// <summary>
    /// The return path: from the registry endpoint's vSwitch table back to each CIDR of the source. Not fixed
    /// automatically: routes toward the source's blocks are the "connect the networks" step and belong to the owner.
    /// </summary>
    private void TraceReturn(SourceNetwork source, Registry registry, Vpc registryVpc, VpcEndpoint endpoint, IntendedPath? intended, bool attached)
    {
        var table = registryVpc.VSwitches.First(s => s.Id == endpoint.VswitchId).RouteTableId;
        var start = TraceStart.FromVpc(registryVpc.Id, table);
        var subject = new PathSubject(PathDirection.Return, source.Name, registry.InstanceId, EndpointKind.Source, null);
        var broken = new List<PathTrace>();
        foreach (var cidr in source.ReturnCidrs.Distinct())
        {
            var trace = Trace(start, cidr, source.Home, subject);
            _current.Paths.Add(trace);
            if (!trace.Reached)
            {
                broken.Add(trace);
            }
        }

        if (!_fix || !attached || intended is null)
        {
            return;
        }

        foreach (var group in broken.GroupBy(t => (t.Hops[^1].NodeId, t.Hops[^1].RouteTableId)))
        {
            var hop = group.First().Hops[^1];
            var cidrs = group.Select(t => t.Destination).ToList();
            var list = string.Join(", ", cidrs.Select(Cidr.Format));
            var toward = hop.Kind == HopKind.Vpc
                ? _state.VpcAttachments(hop.NodeId) is { Count: > 0 } attachments ? attachments[0].Attachment.Id : null
                : intended.ReturnHop(hop.NodeId);
            var what = hop.Route is { } route
                ? $"sends it by {Cidr.Format(route.Destination)} -> {route.NextHopType}{(route.NextHopId is null ? string.Empty : " " + route.NextHopId)}"
                : "has no route for it";
            _current.Findings.Add(new Finding(FindingCodes.ReturnPathMissing, Severity.Error,
                $"replies from {registry.InstanceId} ({registryVpc.Id}) cannot get back to {source.Describe} ({list}): {hop.RouteTableId ?? hop.Ingress} in {hop.NodeId} {what}",
                source.Name, registry.InstanceId, hop.RouteTableId, cidrs.Count == 1 ? cidrs[0] : null,
                $"add a route for {list} in {hop.RouteTableId ?? hop.NodeId}{(toward is null ? string.Empty : " toward " + toward)} (or enable route propagation): connecting the networks is the document's step 1"));
        }
    }
}
