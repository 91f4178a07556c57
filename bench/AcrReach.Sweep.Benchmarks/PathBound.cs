using AcrReach.Cloud.Paging;
using AcrReach.Core.Planning;
using AcrReach.Core.Reach;
using AcrReach.Core.Topology;

namespace AcrReach.Sweep.Benchmarks;

/// <summary>
/// The calls one attachment event for one VPC cannot do without, computed from the account: the reads its paths need,
/// each keyed by what it reads so the bound of several events together is the union of their keys (a table two paths
/// cross is read once), the writes the plan makes with one look each that sees the route in force (a VPC's routes: one
/// batch write and one look per table), and the message.
/// Reads assume the APIs' filters (by VPC id, route table id, attachment id, and one LongestPrefixMatchCidrs listing per
/// transit-router table and direction, cloud-apis.md §2): the source VPC, its vSwitches, route tables and every entry of
/// them (a longest-prefix trace needs the whole table); its attachment (the readiness check); the transit-router table
/// associated with it and the peer toward the registry's router; that router's table; the registry's instance and VPC
/// endpoint; the registry VPC's table for the return path, its attachment, and the return look-ups in both routers.
/// </summary>
internal static class PathBound
{
    public static Dictionary<string, int> ForVpc(Account account, string vpcId)
    {
        var calls = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string action, string key, int items = 1, int pageSize = 1) => calls[$"{action}|{key}"] = Math.Max(1, (items + pageSize - 1) / pageSize);

        var vpc = account.FindVpc(vpcId) ?? throw new ArgumentException($"{vpcId} is not in the account", nameof(vpcId));
        ReadVpc(vpc, vpc.RouteTables, Add);
        var (router, attachment) = BenchAccounts.AttachmentOf(account, vpcId);
        Add("ListTransitRouterVpcAttachments", attachment.Id);
        Add("ListTransitRouterRouteTableAssociations", attachment.Id);
        var sourceTable = router.RouteTableAssociatedWith(attachment.Id)!;
        foreach (var rule in ReachRules.Effective(account).Where(r => r.From.VpcId == vpcId))
        {
            var registry = account.FindRegistry(rule.Registry)!;
            Add("ListInstance", registry.Region);
            Add("GetInstanceVpcEndpoint", registry.InstanceId);
            var endpoint = registry.VpcEndpoints[0];
            var registryVpc = account.FindVpc(endpoint.VpcId)!;
            var endpointTable = registryVpc.VSwitches.First(s => s.Id == endpoint.VswitchId).RouteTableId;
            ReadVpc(registryVpc, registryVpc.RouteTables.Where(t => t.Id == endpointTable), Add);
            var (registryRouter, registryAttachment) = BenchAccounts.AttachmentOf(account, registryVpc.Id);
            Add("ListTransitRouterVpcAttachments", registryAttachment.Id);
            Add("ListTransitRouterRouteTableAssociations", registryAttachment.Id);
            var registryTable = registryRouter.RouteTableAssociatedWith(registryAttachment.Id)!;
            Add("ListTransitRouterRouteEntries", $"{sourceTable.Id}->{registry.InstanceId}");
            Add("ListTransitRouterRouteEntries", $"{registryTable.Id}->{vpcId}");
            if (registryRouter.Id != router.Id)
            {
                var peer = router.Attachments.First(a => a.Type == AttachmentType.Peer && a.PeerTransitRouterId == registryRouter.Id);
                Add("ListTransitRouterPeerAttachments", peer.Id);
                Add("ListTransitRouterRouteTableAssociations", $"{peer.Id}@{registryRouter.Id}");
                Add("ListTransitRouterRouteTableAssociations", $"{peer.Id}@{router.Id}");
                Add("ListTransitRouterRouteEntries", $"{registryRouter.RouteTableAssociatedWith(peer.Id)!.Id}->{registry.InstanceId}");
                Add("ListTransitRouterRouteEntries", $"{router.RouteTableAssociatedWith(peer.Id)!.Id}->{vpcId}");
            }
        }

        var actions = Planner.Plan(account, PlanScope.ForSource(vpcId)).Actions;

        // A VPC's routes are one CreateRouteEntries call (up to 50 of them, any of its tables) and one look per table
        // (DescribeRouteEntryList needs a table; one destination list covers its routes) that sees them in force.
        var vpcRoutes = actions.OfType<CreateVpcRoute>().ToList();
        foreach (var byVpc in vpcRoutes.GroupBy(r => r.VpcId, StringComparer.Ordinal))
        {
            Add("CreateRouteEntries", byVpc.Key, byVpc.Count(), 50);
        }

        foreach (var byTable in vpcRoutes.GroupBy(r => r.RouteTableId, StringComparer.Ordinal))
        {
            Add("DescribeRouteEntryList", $"in force: {byTable.Key}", byTable.Count(), 20);
        }

        foreach (var action in actions.Where(a => a is not CreateVpcRoute))
        {
            var (write, look, table, destination) = action switch
            {
                CreateTransitRoute t => ("CreateTransitRouterRouteEntry", "ListTransitRouterRouteEntries", t.RouteTableId, t.Destination.ToString()),
                LinkVpcEndpoint l => ("CreateInstanceVpcEndpointLinkedVpc", "GetInstanceVpcEndpoint", l.InstanceId, l.VpcId),
                _ => throw new InvalidOperationException($"an attachment's plan does not {action.Kind}"),
            };
            Add(write, $"{table} {destination}");
            Add(look, $"in force: {table} {destination}");
        }

        return calls;
    }

    /// <summary>The message of one run.</summary>
    public static KeyValuePair<string, int> Message(string run) => new($"SendMessage|{run}", 1);

    /// <summary>Calls per API action of a bound (its keys are <c>action|what</c>).</summary>
    public static SortedDictionary<string, int> PerAction(IEnumerable<KeyValuePair<string, int>> bound) =>
        new(bound.GroupBy(b => b.Key[..b.Key.IndexOf('|', StringComparison.Ordinal)]).ToDictionary(g => g.Key, g => g.Sum(b => b.Value)), StringComparer.Ordinal);

    private static void ReadVpc(Vpc vpc, IEnumerable<RouteTable> tables, Action<string, string, int, int> add)
    {
        add("DescribeVpcs", vpc.Id, 1, 1);
        add("DescribeVSwitches", vpc.Id, vpc.VSwitches.Length, PageSizes.VpcDescribe);
        add("DescribeRouteTableList", vpc.Id, vpc.RouteTables.Length, PageSizes.VpcDescribe);
        foreach (var table in tables)
        {
            add("DescribeRouteEntryList", table.Id, table.Entries.Length, PageSizes.VpcRouteEntries);
        }
    }
}
