using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Scenarios;
using AcrReach.Core.Tests.Support;
using AcrReach.Core.Topology;
using FsCheck.Xunit;

namespace AcrReach.Core.Tests.Planning;

/// <summary>Properties of the planner over random valid accounts (seeded, so a failure names its seed).</summary>
public class PlannerProperties
{
    private const int Tests = 150;

    [Property(MaxTest = Tests)]
    public void Generated_accounts_are_valid_scenarios(int seed)
    {
        var account = RandomAccounts.Generate(seed);

        var reread = ScenarioReader.Read(ScenarioWriter.Write(account), $"seed-{seed}.json");

        Assert.Equal(ScenarioWriter.Write(account), ScenarioWriter.Write(reread));
    }

    [Property(MaxTest = Tests)]
    public void Same_input_gives_a_byte_identical_plan(int seed)
    {
        var account = RandomAccounts.Generate(seed);

        var first = PlanJson.Serialize(Planner.Plan(account));

        Assert.Equal(first, PlanJson.Serialize(Planner.Plan(account)));
        Assert.Equal(first, PlanJson.Serialize(Planner.Plan(ScenarioReader.Read(ScenarioWriter.Write(account), "again.json"))));
        Assert.Equal(first, PlanJson.Serialize(Planner.Plan(RandomAccounts.Shuffle(account, seed))));
    }

    [Property(MaxTest = Tests)]
    public void Applying_a_plan_then_planning_again_adds_nothing(int seed)
    {
        var account = RandomAccounts.Generate(seed);
        var plan = Planner.Plan(account);

        var applied = PlanProjection.Apply(account, plan);
        var again = Planner.Plan(applied);

        if (plan.Findings.Any(f => f.Code == FindingCodes.PendingLink))
        {
            // The registry address of a VPC link is the cloud's choice: one more round routes it, then nothing.
            again = Planner.Plan(PlanProjection.Apply(applied, again));
        }

        Assert.Empty(again.Actions);
    }

    [Property(MaxTest = Tests)]
    public void Plans_only_add(int seed)
    {
        var account = RandomAccounts.Generate(seed);
        var plan = Planner.Plan(account);
        var applied = ScenarioReader.Read(ScenarioWriter.Write(PlanProjection.Apply(account, plan)), "applied.json");

        foreach (var vpc in account.Vpcs)
        {
            foreach (var table in vpc.RouteTables)
            {
                var after = applied.FindVpc(vpc.Id)!.FindRouteTable(table.Id)!.Entries;
                Assert.All(table.Entries, entry => Assert.Contains(entry, after));
                Assert.Equal(table.Entries.Length + plan.VpcRoutes(table.Id).Count, after.Length);
            }
        }

        foreach (var router in account.TransitRouters)
        {
            foreach (var table in router.RouteTables)
            {
                var after = applied.FindTransitRouter(router.Id)!.RouteTables.Single(t => t.Id == table.Id).Entries;
                Assert.All(table.Entries, entry => Assert.Contains(entry, after));
                Assert.Equal(table.Entries.Length + plan.TransitRoutes(table.Id).Count, after.Length);
            }
        }

        Assert.All(account.Registries, r => Assert.All(r.VpcEndpoints, e => Assert.Contains(e, applied.FindRegistry(r.InstanceId)!.VpcEndpoints)));
        Assert.DoesNotContain(plan.Actions.OfType<CreateVpcRoute>(), a => a.Destination.PrefixLength < 16 && a.Destination.Overlaps(Cidr.CloudServices));
    }

    [Property(MaxTest = Tests)]
    public void Plan_id_is_the_hash_of_its_content_and_survives_a_round_trip(int seed)
    {
        var plan = Planner.Plan(RandomAccounts.Generate(seed));
        var json = PlanJson.Serialize(plan);

        var reread = PlanJson.Deserialize(json);

        Assert.Equal(plan.PlanId, PlanJson.ComputeId(plan));
        Assert.Equal(plan.PlanId, PlanJson.ComputeId(reread));
        Assert.Equal(json, PlanJson.Serialize(reread));
    }

    [Property(MaxTest = Tests)]
    public void Verifying_the_applied_plan_sees_the_paths_the_plan_promised(int seed)
    {
        var account = RandomAccounts.Generate(seed);
        var plan = Planner.Plan(account);
        if (plan.Findings.Any(f => f.Code == FindingCodes.PendingLink))
        {
            return;
        }

        var verification = Planner.Verify(PlanProjection.Apply(account, plan));

        Assert.Equal(
            plan.Paths.Select(p => (p.Source, p.Registry, p.Endpoint, p.Destination, p.Start, p.Outcome)),
            verification.Paths.Select(p => (p.Source, p.Registry, p.Endpoint, p.Destination, p.Start, p.Outcome)));
        if (!plan.HasErrors)
        {
            Assert.True(verification.Reachable);
        }
    }

    [Property(MaxTest = Tests)]
    public void Scoped_plans_only_touch_their_rules(int seed)
    {
        var account = RandomAccounts.Generate(seed);
        var source = account.Vpcs[Math.Abs(seed % account.Vpcs.Length)].Id;

        var plan = Planner.Plan(account, PlanScope.ForSource(source));

        Assert.All(plan.Dns, d => Assert.Equal(source, d.Scope));
        Assert.All(plan.Paths, p => Assert.Equal(source, p.Source));
        Assert.All(plan.Findings.Where(f => f.Source is not null), f => Assert.Equal(source, f.Source));
    }
}
