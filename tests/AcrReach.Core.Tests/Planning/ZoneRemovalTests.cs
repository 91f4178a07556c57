using System.Collections.Immutable;
using AcrReach.Core.Planning;
using AcrReach.Core.Rendering;
using AcrReach.Core.Topology;
using Seeds = AcrReach.TestSupport.Scenarios;

namespace AcrReach.Core.Tests.Planning;

/// <summary>The DNS side of pruning: AcrReach's own PrivateZone records and its zones' bindings go when no rule needs them, nothing else.</summary>
public class ZoneRemovalTests
{
    private const string AuthZone = "dockerauth-vpc.cn-hangzhou.aliyuncs.com";

    [Fact]
    public void Removing_the_rule_removes_the_records_acr_reach_made_and_unbinds_the_vpc_from_its_zones()
    {
        var applied = WithAcrReachZones(Settled(Seeds.Seed()));
        var made = applied.PrivateZones.Sum(z => z.Records.Length);
        Assert.True(made >= 3, $"the seed's plan makes the registry, auth and OSS records ({made})");

        var plan = Planner.Plan(WithoutRules(applied), null, Pruning.Enabled);

        var records = plan.Actions.OfType<DeleteZoneRecord>().ToList();
        var unbinds = plan.Actions.OfType<UnbindZoneVpc>().ToList();
        Assert.Equal(made, records.Count);
        Assert.Equal(applied.PrivateZones.Select(z => (z.Id, "vpc-sh2")).Order(), unbinds.Select(u => (u.ZoneId, u.VpcId)).Order());
        Assert.All(unbinds, u => Assert.StartsWith("tag removed: vpc-sh2 is bound to zone ", u.Reason, StringComparison.Ordinal));
        Assert.All(records, r => Assert.StartsWith("no rule's DNS needs it: ", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_zone_someone_else_made_keeps_its_bindings_and_records_and_loses_only_the_record_acr_reach_added()
    {
        var settled = Settled(Seeds.Seed());
        var needs = PrivateZoneNeeds.For(Planner.Plan(settled).Dns, settled);
        var auth = needs.Single(n => n.ZoneName == AuthZone);
        var theirs = new PrivateZone("zone-theirs", AuthZone,
            [.. auth.Records.Select(r => r with { Remark = AcrReachMark.Name }), new ZoneRecord("www", "A", "10.0.0.9", 60), new ZoneRecord("api", "A", "10.0.0.10", 60) { Remark = "acr-reach-test" }],
            [.. auth.Vpcs, new ZoneBinding("vpc-hz1", "cn-hangzhou")]);
        var applied = settled with { PrivateZones = [theirs] };

        var plan = Planner.Plan(WithoutRules(applied), null, Pruning.Enabled);

        Assert.Empty(plan.Actions.OfType<UnbindZoneVpc>());
        var removed = plan.Actions.OfType<DeleteZoneRecord>().ToList();
        Assert.Equal(auth.Records.Select(r => (r.Rr, r.Value)).Order(), removed.Select(r => (r.Rr, r.Value)).Order());
    }

    [Fact]
    public void A_record_or_binding_a_rule_still_needs_stays()
    {
        var applied = WithAcrReachZones(Settled(Seeds.Seed()));

        var plan = Planner.Plan(applied, null, Pruning.Enabled);

        Assert.DoesNotContain(plan.Actions, a => a.IsRemoval);
    }

    [Fact]
    public void A_vpc_bound_to_an_acr_reach_zone_without_a_rule_is_unbound_a_stale_record_removed()
    {
        var applied = WithAcrReachZones(Settled(Seeds.Seed()));
        var zone = applied.PrivateZones.Single(z => z.Name == AuthZone);
        var stale = new ZoneRecord("@", "A", "100.103.9.9", 60) { Remark = AcrReachMark.Name };
        applied = applied with
        {
            PrivateZones = applied.PrivateZones.Replace(zone, zone with { Records = zone.Records.Add(stale), Vpcs = zone.Vpcs.Add(new ZoneBinding("vpc-hz1", "cn-hangzhou")) }),
        };

        var plan = Planner.Plan(applied, null, Pruning.Enabled);

        var removed = Assert.Single(plan.Actions.OfType<DeleteZoneRecord>());
        Assert.Equal(("@", "100.103.9.9"), (removed.Rr, removed.Value));
        Assert.Equal("vpc-hz1", Assert.Single(plan.Actions.OfType<UnbindZoneVpc>()).VpcId);
    }

    [Fact]
    public void Nothing_is_removed_when_the_read_was_partial_and_the_plan_says_so()
    {
        var applied = WithAcrReachZones(Settled(Seeds.Seed()));

        var plan = Planner.Plan(WithoutRules(applied), null, new Pruning("PrivateZone could not be read"));

        Assert.DoesNotContain(plan.Actions, a => a.IsRemoval);
        var withheld = Assert.Single(plan.Findings, f => f.Code == FindingCodes.RemovalsWithheld);
        Assert.Contains("PrivateZone record(s) or binding(s)", withheld.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scoped_prune_unbinds_only_its_own_vpc()
    {
        var applied = WithAcrReachZones(Settled(Seeds.Seed()));
        var zone = applied.PrivateZones.Single(z => z.Name == AuthZone);
        applied = applied with { PrivateZones = applied.PrivateZones.Replace(zone, zone with { Vpcs = zone.Vpcs.Add(new ZoneBinding("vpc-hz1", "cn-hangzhou")) }) };

        var plan = Planner.Plan(WithoutRules(applied), PlanScope.ForSource("vpc-hz1"), Pruning.Enabled);

        Assert.Equal("vpc-hz1", Assert.Single(plan.Actions.OfType<UnbindZoneVpc>()).VpcId);
    }

    [Fact]
    public void The_plan_json_and_text_show_the_dns_removals_with_their_reasons()
    {
        var plan = Planner.Plan(WithoutRules(WithAcrReachZones(Settled(Seeds.Seed()))), null, Pruning.Enabled);
        using var text = new StringWriter();

        PlanText.Write(plan, text);
        var json = PlanJson.Serialize(plan);

        Assert.Contains("\"kind\": \"DeleteZoneRecord\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"UnbindZoneVpc\"", json, StringComparison.Ordinal);
        Assert.Contains("PrivateZone records and bindings to remove", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("tag removed: vpc-sh2 is bound to zone " + AuthZone, text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Applying_the_dns_removals_leaves_nothing_to_remove()
    {
        var dropped = WithoutRules(WithAcrReachZones(Settled(Seeds.Seed())));
        var plan = Planner.Plan(dropped, null, Pruning.Enabled);

        var again = Planner.Plan(PlanProjection.Apply(dropped, plan), null, Pruning.Enabled);

        Assert.Empty(again.Actions);
    }

    /// <summary>The account with its plan applied until nothing is left to do.</summary>
    internal static Account Settled(Account account)
    {
        for (var round = 0; round < 3; round++)
        {
            var plan = Planner.Plan(account);
            if (plan.Actions.IsEmpty)
            {
                break;
            }

            account = PlanProjection.Apply(account, plan);
        }

        return account;
    }

    /// <summary>The zones the applier makes for the account's DNS with PrivateZone on: zones, records and all, marked.</summary>
    internal static Account WithAcrReachZones(Account account)
    {
        var needs = PrivateZoneNeeds.For(Planner.Plan(account).Dns, account);
        return account with
        {
            PrivateZones = [.. account.PrivateZones.Concat(needs.Select((n, i) => new PrivateZone($"zone-acr-{i}", n.ZoneName, [.. n.Records.Select(r => r with { Remark = AcrReachMark.Name })], n.Vpcs) { Remark = AcrReachMark.Name }))],
        };
    }

    private static Account WithoutRules(Account account) => account with { Policy = account.Policy with { Reach = ImmutableArray<ReachRule>.Empty } };
}
