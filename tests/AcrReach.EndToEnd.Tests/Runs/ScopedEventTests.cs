using System.Collections.Concurrent;
using System.Web;
using AcrReach.Benchmarks;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;
using AcrReach.TestSupport;

namespace AcrReach.EndToEnd.Tests.Runs;

/// <summary>
/// An attachment event on a large account reads the paths of its VPC, not the account: on the planner benchmark's
/// generated account (ten regions, peered routers, three route tables of about a hundred entries per VPC), converged but
/// for the event's VPC. A peer attachment event reads the two regions it joins, not the others.
/// </summary>
public sealed class ScopedEventTests
{
    private const string EventVpc = "vpc-17";

    [Fact]
    public async Task An_attachment_event_converges_its_vpc_without_reading_other_vpcs_route_tables()
    {
        var account = ConvergedBut(SyntheticAccounts.Generate(120, 10, seed: 7), EventVpc);
        var tablesOf = account.Vpcs.SelectMany(v => v.RouteTables.Select(t => (Table: t.Id, Vpc: v.Id))).ToDictionary(p => p.Table, p => p.Vpc, StringComparer.Ordinal);
        var recorder = new ParameterRecorder();
        await using var cloud = await LocalCloudRig.StartAsync(account, handler: recorder);

        var report = await cloud.Engine().ReconcileAsync(AttachmentEvent(account), RunContext.Default, CancellationToken.None);

        Assert.Equal(ReconcileOutcome.Repaired, report.Outcome);
        Assert.True(report.Verification!.Reachable);
        Assert.NotEmpty(report.Steps);
        Assert.All(report.Plan!.Actions.OfType<CreateVpcRoute>(), a => Assert.Equal(EventVpc, tablesOf[a.RouteTableId]));

        // The only VPC route tables read: the event's VPC's, and those of the VPC holding the registry's endpoint (the
        // return path starts there).
        var registryVpcs = RegistryVpcsOf(account, EventVpc);
        var read = recorder.Values("DescribeRouteEntryList", "RouteTableId").Select(t => tablesOf[t!]).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(registryVpcs.Append(EventVpc).ToHashSet(StringComparer.Ordinal), read);
        Assert.Contains(EventVpc, read);
        Assert.All(recorder.Values("DescribeVpcs", "VpcId"), id => Assert.True(id == EventVpc || (id is not null && registryVpcs.Contains(id)), $"DescribeVpcs for {id ?? "every VPC"}"));
        Assert.All(recorder.Values("DescribeVSwitches", "VpcId"), id => Assert.NotNull(id));
        Assert.All(recorder.Values("DescribeRouteTableList", "VpcId"), id => Assert.NotNull(id));
    }

    [Fact]
    public async Task A_peer_attachment_event_converges_the_two_regions_it_joins_without_reading_a_route_table_of_a_third()
    {
        // Regions 0 and 1 of ten, peered by tr-attach-peer-0-1; their networks' rules name the registry of the other one,
        // so every path of theirs stays between the two, and AcrReach's routes of their VPCs are gone (a new peer between
        // them is what the paths now use).
        var generated = SyntheticAccounts.Generate(120, 10, seed: 7);
        string[] joined = [generated.TransitRouters[0].Region, generated.TransitRouters[1].Region];
        var account = ConvergedBut(BetweenTwoRegions(generated, joined), v => joined.Contains(v.Region));
        var regionOfTable = account.Vpcs.SelectMany(v => v.RouteTables.Select(t => (Table: t.Id, v.Region))).ToDictionary(p => p.Table, p => p.Region, StringComparer.Ordinal);
        var recorder = new ParameterRecorder();
        await using var cloud = await LocalCloudRig.StartAsync(account, handler: recorder);
        var peer = new AttachmentNetwork(AttachmentType.Peer, "tr-attach-peer-0-1", generated.TransitRouters[1].Id, generated.TransitRouters[0].Id, joined[0]);

        var report = await cloud.Engine().ReconcileAsync(new ReconcileRequest(peer, Triggers.OnAttachment, ReconcileMode.Repair), RunContext.Default, CancellationToken.None);

        Assert.Equal(ReconcileOutcome.Repaired, report.Outcome);
        Assert.True(report.Verification!.Reachable);
        Assert.NotEmpty(report.Plan!.Actions.OfType<CreateVpcRoute>());
        Assert.All(report.Plan.Actions.OfType<CreateVpcRoute>(), a => Assert.Contains(regionOfTable[a.RouteTableId], joined));
        var read = recorder.Values("DescribeRouteEntryList", "RouteTableId").Select(t => regionOfTable[t!]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(joined.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
        foreach (var action in new[] { "DescribeVpcs", "DescribeVSwitches", "DescribeRouteTableList" })
        {
            Assert.All(recorder.Values(action, "RegionId"), region => Assert.Contains(region, joined));
        }
    }

    [Fact]
    public async Task An_attachment_event_makes_as_many_calls_on_a_large_account_as_on_a_small_one()
    {
        // Report-only: the writes' waits (polls until a route is Available) depend on timing, the reads do not.
        var small = await CallsForOneEventAsync(SyntheticAccounts.Generate(40, 10, seed: 7));
        var large = await CallsForOneEventAsync(SyntheticAccounts.Generate(400, 10, seed: 7));

        Assert.Equal(small, large);
    }

    private static async Task<SortedDictionary<string, int>> CallsForOneEventAsync(Account generated)
    {
        var account = ConvergedBut(generated, EventVpc);
        await using var cloud = await LocalCloudRig.StartAsync(account);

        var report = await cloud.Engine().ReconcileAsync(AttachmentEvent(account, ReconcileMode.ReportOnly), RunContext.Default, CancellationToken.None);

        Assert.Equal(ReconcileOutcome.DriftReported, report.Outcome);
        Assert.NotEmpty(report.Plan!.Actions);
        return new SortedDictionary<string, int>(cloud.Cloud.Calls().ToDictionary(), StringComparer.Ordinal);
    }

    private static ReconcileRequest AttachmentEvent(Account account, ReconcileMode mode = ReconcileMode.Repair)
    {
        var router = account.TransitRouters.First(r => r.Attachments.Any(a => a.VpcId == EventVpc));
        var attachment = router.Attachments.First(a => a.VpcId == EventVpc);
        return new ReconcileRequest(new AttachmentNetwork(AttachmentType.Vpc, attachment.Id, EventVpc, router.Id, router.Region), Triggers.OnAttachment, mode);
    }

    private static HashSet<string> RegistryVpcsOf(Account account, string vpcId)
    {
        var registries = Core.Reach.ReachRules.Effective(account).Where(r => r.From.VpcId == vpcId).Select(r => r.Registry).ToHashSet(StringComparer.Ordinal);
        return [.. account.Registries.Where(r => registries.Contains(r.InstanceId)).SelectMany(r => r.VpcEndpoints).Select(e => e.VpcId)];
    }

    /// <summary>The account as AcrReach leaves it, but for one VPC whose routes AcrReach made are gone (just attached).</summary>
    private static Account ConvergedBut(Account account, string vpcId) => ConvergedBut(account, v => v.Id == vpcId);

    /// <summary>The networks of <paramref name="regions"/> (two) reach the registry of the other one, by tag and by policy.</summary>
    private static Account BetweenTwoRegions(Account account, string[] regions)
    {
        string RegistryOfOther(string region) => account.Registries.First(r => r.Region == regions[1 - Array.IndexOf(regions, region)]).InstanceId;
        var regionOfDataCenter = account.TransitRouters.SelectMany(t => t.Attachments.Where(a => a.Type == AttachmentType.Vbr).Select(a => (a.DataCenter!, t.Region))).ToDictionary(p => p.Item1, p => p.Region, StringComparer.Ordinal);
        return account with
        {
            Vpcs = [.. account.Vpcs.Select(v => regions.Contains(v.Region) ? v with { Tags = v.Tags.SetItem(Core.Reach.ReachRules.TagKey, RegistryOfOther(v.Region)) } : v)],
            Policy = account.Policy with
            {
                Reach = [.. account.Policy.Reach.Select(r => r.From.DataCenter is { } dc && regions.Contains(regionOfDataCenter[dc]) ? r with { Registry = RegistryOfOther(regionOfDataCenter[dc]) } : r)],
            },
        };
    }

    private static Vpc WithoutAcrReachRoutes(Vpc vpc) =>
        vpc with { RouteTables = [.. vpc.RouteTables.Select(t => t with { Entries = [.. t.Entries.Where(e => !AcrReachMark.IsMarked(e.Name, e.Description))] })] };

    /// <summary>The account as AcrReach leaves it, but for the VPCs <paramref name="stripped"/> picks, whose routes AcrReach made are gone.</summary>
    private static Account ConvergedBut(Account account, Func<Vpc, bool> stripped)
    {
        for (var round = 0; round < 4; round++)
        {
            var plan = Planner.Plan(account);
            if (plan.Actions.IsEmpty)
            {
                break;
            }

            account = PlanProjection.Apply(account, plan);
        }

        return account with { Vpcs = [.. account.Vpcs.Select(v => stripped(v) ? WithoutAcrReachRoutes(v) : v)] };
    }

    /// <summary>The parameters of every call the client sends (ACS3 RPC calls carry them in the query).</summary>
    private sealed class ParameterRecorder() : DelegatingHandler(new SocketsHttpHandler())
    {
        private readonly ConcurrentQueue<(string Action, System.Collections.Specialized.NameValueCollection Query)> _calls = new();

        public IEnumerable<string?> Values(string action, string parameter) =>
            _calls.Where(c => c.Action == action).Select(c => c.Query[parameter]);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues("x-acs-action", out var actions))
            {
                _calls.Enqueue((actions.First(), HttpUtility.ParseQueryString(request.RequestUri!.Query)));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
