using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Tests.Support;
using AcrReach.Core.Topology;
using FsCheck.Xunit;

namespace AcrReach.Core.Tests.Planning;

/// <summary>
/// Properties of pruning over generated accounts: the plan is applied (its routes carry the mark), then one rule is
/// dropped, and the pruning plan is checked against the account rather than against the planner's own bookkeeping.
/// </summary>
public class PruneProperties
{
    private const int Tests = 120;

    [Property(MaxTest = Tests)]
    public void A_prune_never_removes_an_unmarked_route(int seed)
    {
        var (_, dropped) = AppliedThenDropped(seed);

        var plan = Planner.Plan(dropped, null, Pruning.Enabled);

        var marked = MarkedRoutes(dropped);
        Assert.All(Removals(plan), r => Assert.Contains(r, marked));
    }

    [Property(MaxTest = Tests)]
    public void A_prune_never_removes_a_record_acr_reach_did_not_make_nor_unbinds_a_zone_it_did_not_make(int seed)
    {
        var (_, dropped) = AppliedThenDropped(seed);

        var plan = Planner.Plan(dropped, null, Pruning.Enabled);

        var zones = dropped.PrivateZones.ToDictionary(z => z.Id);
        Assert.All(plan.Actions.OfType<DeleteZoneRecord>(), r => Assert.Contains(zones[r.ZoneId].Records, e => e.Rr == r.Rr && e.Value == r.Value && e.Remark == AcrReachMark.Name));
        Assert.All(plan.Actions.OfType<UnbindZoneVpc>(), u => Assert.Equal(AcrReachMark.Name, zones[u.ZoneId].Remark));
    }

    [Property(MaxTest = Tests)]
    public void A_prune_never_removes_dns_a_current_rule_needs(int seed)
    {
        var (_, dropped) = AppliedThenDropped(seed);
        var plan = Planner.Plan(dropped, null, Pruning.Enabled);

        var needs = PrivateZoneNeeds.For(Planner.Plan(dropped).Dns, dropped).ToDictionary(n => n.ZoneName);
        var zones = dropped.PrivateZones.ToDictionary(z => z.Id);
        Assert.All(plan.Actions.OfType<DeleteZoneRecord>(), r => Assert.False(
            needs.TryGetValue(r.ZoneName, out var need) && need.Records.Any(n => n.Rr == r.Rr && n.Value == r.Value), $"{r.Name} {r.Value} is still needed"));
        Assert.All(plan.Actions.OfType<UnbindZoneVpc>(), u => Assert.False(
            needs.TryGetValue(zones[u.ZoneId].Name, out var need) && need.Vpcs.Any(v => v.VpcId == u.VpcId), $"{u.VpcId} still needs {u.ZoneName}"));
    }

    [Property(MaxTest = Tests)]
    public void A_prune_never_removes_a_route_a_current_rules_path_uses(int seed)
    {
        var (_, dropped) = AppliedThenDropped(seed);
        var plan = Planner.Plan(dropped, null, Pruning.Enabled);

        var pruned = PlanProjection.Apply(dropped, plan with { Actions = [.. plan.Actions.Where(a => a.IsRemoval)] });

        // Every path of the rules still in force ends exactly as before the removals.
        Assert.Equal(Outcomes(Planner.Verify(dropped)), Outcomes(Planner.Verify(pruned)));
    }

    [Property(MaxTest = Tests)]
    public void Planning_again_after_applying_the_removals_gives_no_removals_and_no_additions(int seed)
    {
        var (_, dropped) = AppliedThenDropped(seed);
        var plan = Planner.Plan(dropped, null, Pruning.Enabled);
        if (plan.Findings.Any(f => f.Code == FindingCodes.PendingLink))
        {
            return;
        }

        var again = Planner.Plan(PlanProjection.Apply(dropped, plan), null, Pruning.Enabled);

        Assert.Empty(again.Actions);
    }

    [Property(MaxTest = Tests)]
    public void Adding_a_rule_back_after_a_prune_restores_exactly_the_routes_removed(int seed)
    {
        var (applied, dropped) = AppliedThenDropped(seed);
        var prune = Planner.Plan(dropped, null, Pruning.Enabled);
        if (prune.Actions.Any(a => !a.IsRemoval))
        {
            return;
        }

        var pruned = PlanProjection.Apply(dropped, prune);
        var restored = Planner.Plan(pruned with { Policy = applied.Policy });

        Assert.Equal(Removals(prune).Order(), Additions(restored).Order());

        // The DNS the rule needs again is exactly what the prune took away (the applier makes it from the plan's records).
        Assert.Equal(DnsRemovals(prune).Order(), Missing(PrivateZoneNeeds.For(restored.Dns, pruned), pruned).Order());
    }

    [Property(MaxTest = Tests)]
    public void Without_pruning_or_with_nothing_to_remove_the_plan_is_byte_for_byte_the_same(int seed)
    {
        var account = RandomAccounts.Generate(seed);

        var plain = PlanJson.Serialize(Planner.Plan(account));

        Assert.Equal(plain, PlanJson.Serialize(Planner.Plan(account, null, null)));
        if (MarkedRoutes(account).Count == 0)
        {
            Assert.Equal(plain, PlanJson.Serialize(Planner.Plan(account, null, Pruning.Enabled)));
        }
    }

    [Property(MaxTest = Tests)]
    public void Nothing_is_removed_when_the_read_was_partial(int seed)
    {
        var (_, dropped) = AppliedThenDropped(seed);

        var plan = Planner.Plan(dropped, null, new Pruning("a read failed"));

        Assert.DoesNotContain(plan.Actions, a => a.IsRemoval);
        if (Removals(Planner.Plan(dropped, null, Pruning.Enabled)).Count > 0)
        {
            Assert.Contains(plan.Findings, f => f.Code == FindingCodes.RemovalsWithheld);
        }
    }

    /// <summary>
    /// A generated account with its plan applied (until settled) and its DNS made in PrivateZone as the applier makes it
    /// (marked zones and records), next to a zone someone else made (unmarked, bound to every VPC, with a record); and the
    /// same account with one of its rules dropped.
    /// </summary>
    private static (Account Applied, Account Dropped) AppliedThenDropped(int seed)
    {
        var account = ZoneRemovalTests.WithAcrReachZones(ZoneRemovalTests.Settled(RandomAccounts.Generate(seed)));
        account = account with
        {
            PrivateZones = account.PrivateZones.Add(new PrivateZone("zone-theirs", "corp.example.aliyuncs.com",
                [new ZoneRecord("@", "A", "10.1.2.3", 60)], [.. account.Vpcs.Select(v => new ZoneBinding(v.Id, v.Region))])),
        };

        var rules = account.Policy.Reach;
        if (rules.IsEmpty)
        {
            return (account, account);
        }

        var drop = rules[Math.Abs(seed % rules.Length)];
        return (account, account with { Policy = account.Policy with { Reach = rules.Remove(drop) } });
    }

    private static List<(string Table, string Destination, string? NextHop)> MarkedRoutes(Account account) =>
        [.. account.Vpcs.SelectMany(v => v.RouteTables).SelectMany(t => t.Entries.Where(e => AcrReachMark.IsMarked(e.Name, e.Description)).Select(e => (t.Id, Cidr.Format(e.Destination), e.NextHopId)))
            .Concat(account.TransitRouters.SelectMany(r => r.RouteTables).SelectMany(t => t.Entries.Where(e => e.Origin == RouteOrigin.Static && AcrReachMark.IsMarked(e.Name, e.Description)).Select(e => (t.Id, Cidr.Format(e.Destination), e.NextHopId))))];

    private static List<(string Table, string Destination, string? NextHop)> Removals(Plan plan) =>
        [.. plan.Actions.Select(a => a switch
        {
            DeleteVpcRoute v => (v.RouteTableId, Cidr.Format(v.Destination), v.NextHopId),
            DeleteTransitRoute t => (t.RouteTableId, Cidr.Format(t.Destination), t.NextHopId),
            _ => (string.Empty, string.Empty, null),
        }).Where(r => r.Item1.Length > 0)];

    private static List<string> DnsRemovals(Plan plan) =>
        [.. plan.Actions.Select(a => a switch
        {
            DeleteZoneRecord r => $"{r.ZoneName} record {r.Rr} {r.Value}",
            UnbindZoneVpc u => $"{u.ZoneName} binding {u.VpcId}",
            _ => string.Empty,
        }).Where(r => r.Length > 0)];

    /// <summary>What the zones of <paramref name="account"/> lack of <paramref name="needs"/>, in <see cref="DnsRemovals"/>' terms.</summary>
    private static List<string> Missing(IEnumerable<ZoneNeed> needs, Account account) =>
        [.. needs.SelectMany(n =>
        {
            var zone = account.PrivateZones.FirstOrDefault(z => z.Name == n.ZoneName && z.Remark == AcrReachMark.Name);
            return n.Records.Where(r => zone is null || !zone.Records.Any(e => e.Rr == r.Rr && e.Value == r.Value)).Select(r => $"{n.ZoneName} record {r.Rr} {r.Value}")
                .Concat(n.Vpcs.Where(v => zone is null || !zone.Vpcs.Any(b => b.VpcId == v.VpcId)).Select(v => $"{n.ZoneName} binding {v.VpcId}"));
        })];

    private static List<(string Table, string Destination, string? NextHop)> Additions(Plan plan) =>
        [.. plan.Actions.Select(a => a switch
        {
            CreateVpcRoute v => (v.RouteTableId, Cidr.Format(v.Destination), (string?)v.NextHopId),
            CreateTransitRoute t => (t.RouteTableId, Cidr.Format(t.Destination), (string?)t.NextHopId),
            _ => (string.Empty, string.Empty, null),
        }).Where(r => r.Item1.Length > 0)];

    private static List<string> Outcomes(Verification verification) =>
        [.. verification.Paths.Select(p => $"{p.Source} {p.Registry} {p.Endpoint} {Cidr.Format(p.Destination)} {p.Start} {p.Outcome}")];
}
