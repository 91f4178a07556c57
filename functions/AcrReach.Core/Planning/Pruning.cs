using System.Collections.Immutable;
using System.Net;
using System.Text.RegularExpressions;
using AcrReach.Core.Addressing;
using AcrReach.Core.Reach;
using AcrReach.Core.Topology;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Planning;

/// <summary>
/// Asks the planner for removals too. <paramref name="WithheldBecause"/>: why none may be made this time (a read that
/// failed or was cut short); the plan then says so instead of removing anything.
/// </summary>
public sealed record Pruning(string? WithheldBecause = null)
{
    public static readonly Pruning Enabled = new();
}

/// <summary>
/// Removals, traced not guessed: a route is removed only when it carries AcrReach's mark and no hop of any required path
/// of any rule in force matches it (after the plan's own routes are added). Everyone else's routes are never touched.
/// The PrivateZone records and bindings AcrReach made that no rule's DNS needs go too (<see cref="ZoneRemovals"/>).
/// Nothing is removed when a rule's paths could not be traced whole (an unresolved name, an unlinked registry, an
/// unsettled plan), because then the routes it would use are unknown; a rule whose source or registry is gone uses none.
/// </summary>
public static partial class RouteRemovals
{
    /// <summary>Findings that mean some rule's paths were not traced whole.</summary>
    private static readonly ImmutableHashSet<string> BlindSpots = ImmutableHashSet.Create(
        StringComparer.Ordinal, FindingCodes.EndpointUnresolved, FindingCodes.RegistryNotLinked, FindingCodes.PlanUnsettled);

    /// <summary>
    /// <paramref name="plan"/> with the removals <paramref name="full"/> (the same account planned for every rule) calls
    /// for, limited to <paramref name="scope"/>'s rules when it is narrower; its id recomputed.
    /// </summary>
    internal static Plan AddTo(Plan plan, Plan full, Account account, PlanScope scope, Pruning pruning)
    {
        var candidates = Unused(account, full.Paths)
            .Where(r => scope == PlanScope.Everything || (r.Source is not null && (scope.Source is null || scope.Source == r.Source) && (scope.Registry is null || scope.Registry == r.Registry)))
            .ToList();
        var dns = ZoneRemovals.Unneeded(account, full, scope);
        if (candidates.Count == 0 && dns.Count == 0)
        {
            return plan;
        }

        var blind = full.Findings.FirstOrDefault(f => BlindSpots.Contains(f.Code));
        var withheld = pruning.WithheldBecause ?? (blind is null ? null : $"a required path could not be traced whole ({blind.Code}: {blind.Message})");
        var rules = ReachRules.Effective(account);
        var actions = plan.Actions;
        var findings = plan.Findings;
        if (withheld is not null)
        {
            var what = dns.Count == 0 ? $"{candidates.Count} route(s)" : $"{candidates.Count} route(s) and {dns.Count} PrivateZone record(s) or binding(s)";
            findings = [.. findings.Append(new Finding(FindingCodes.RemovalsWithheld, Severity.Warning,
                $"{what} AcrReach made look unneeded, but nothing is removed: {withheld}",
                Remedy: "fix what kept the account from being read or traced whole, then prune again")).Distinct().Order(PlanOrder.Findings)];
        }
        else
        {
            actions = [.. actions.Concat(candidates.Select(c => c.ToAction(Why(c, account, rules)))).Concat(dns).Order(PlanOrder.Actions)];
        }

        var content = new PlanContent(actions, plan.Dns, findings);
        return new Plan(PlanJson.ComputeId(content), actions, plan.Dns, findings) { Paths = plan.Paths };
    }

    /// <summary>Removals of every route <paramref name="runId"/> made (its id in the route's mark), used or not: a rollback.</summary>
    public static ImmutableArray<PlanAction> MadeBy(Account account, string runId)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return [.. Marked(account)
            .Where(r => AcrReachMark.RunOf(r.Description) == runId)
            .Select(r => r.ToAction($"rollback of {runId}: {Cidr.Format(r.Destination)} in {r.RouteTableId} was made by that run"))
            .Order(PlanOrder.Actions)];
    }

    /// <summary>Every marked route no hop of <paramref name="paths"/> matches.</summary>
    private static IEnumerable<MarkedRoute> Unused(Account account, ImmutableArray<PathTrace> paths)
    {
        var used = new HashSet<(string Table, IPNetwork Destination)>();
        var looked = new List<(string Table, IPNetwork Destination)>();
        foreach (var path in paths)
        {
            foreach (var hop in path.Hops)
            {
                if (hop.RouteTableId is not { } table)
                {
                    continue;
                }

                looked.Add((table, path.Destination));

                // A route toward an attachment that no longer exists matches but leads nowhere: no path uses it.
                if (hop.Route is { Provenance: RouteProvenance.Existing } route && hop.Result != HopResult.InvalidNextHop)
                {
                    used.Add((table, route.Destination));
                }
            }
        }

        return Marked(account).Where(r => !used.Contains((r.RouteTableId, r.Destination))
            // 100.0.0.0/8 stays while any path crosses it, even one a more specific route wins for.
            && !(r.Destination == Cidr.Block100 && looked.Any(l => l.Table == r.RouteTableId && r.Destination.ContainsNetwork(l.Destination))));
    }

    private static IEnumerable<MarkedRoute> Marked(Account account)
    {
        foreach (var vpc in account.Vpcs)
        {
            foreach (var table in vpc.RouteTables)
            {
                foreach (var entry in table.Entries.Where(e => e.NextHopType != VpcNextHopTypes.Local && AcrReachMark.IsMarked(e.Name, e.Description)))
                {
                    yield return new MarkedRoute(true, table.Id, entry.Destination, entry.NextHopType, entry.NextHopId, vpc.Region, vpc.Id, entry.Description);
                }
            }
        }

        foreach (var router in account.TransitRouters)
        {
            foreach (var table in router.RouteTables)
            {
                foreach (var entry in table.Entries.Where(e => e.Origin == RouteOrigin.Static && AcrReachMark.IsMarked(e.Name, e.Description)))
                {
                    yield return new MarkedRoute(false, table.Id, entry.Destination, entry.NextHopType.ToString(), entry.NextHopId, router.Region, router.Id, entry.Description);
                }
            }
        }
    }

    /// <summary>Why no rule needs the route, from the rule its reason names ("... of cri-x for vpc-y").</summary>
    private static string Why(MarkedRoute route, Account account, ImmutableArray<ReachRule> rules)
    {
        var what = $"{Cidr.Format(route.Destination)} in {route.RouteTableId}";
        if (route.Source is not { } source || route.Registry is not { } registry)
        {
            return $"no rule's path uses it: {what}";
        }

        var made = $"{what} was made for {source} -> {registry}";
        if (account.FindRegistry(registry) is null)
        {
            return $"registry deleted: {made}";
        }

        if (account.FindVpc(source) is null && account.FindDataCenter(source) is null)
        {
            return $"source gone: {made}";
        }

        if (!rules.Any(r => r.From.Name == source && r.Registry == registry))
        {
            return account.FindVpc(source) is not null && !account.Policy.Reach.Any(r => r.From.Name == source && r.Registry == registry)
                ? $"tag removed: {made}"
                : $"rule removed: {made}";
        }

        return $"no path uses it any more: {made}";
    }

    [GeneratedRegex(@" of (?<registry>\S+) for (?<source>\S+)$")]
    private static partial Regex MadeFor();

    private sealed record MarkedRoute(bool InVpc, string RouteTableId, IPNetwork Destination, string NextHopType, string? NextHopId, string Region, string OwnerId, string? Description)
    {
        private Match Reason => MadeFor().Match(AcrReachMark.ReasonOf(Description) ?? string.Empty);

        public string? Source => Reason is { Success: true } m ? m.Groups["source"].Value : null;

        public string? Registry => Reason is { Success: true } m ? m.Groups["registry"].Value : null;

        public PlanAction ToAction(string reason) => InVpc
            ? new DeleteVpcRoute(RouteTableId, Destination, NextHopType, NextHopId, Region, OwnerId, reason)
            : new DeleteTransitRoute(RouteTableId, Destination, NextHopId, Region, OwnerId, reason);
    }
}
