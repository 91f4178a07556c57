using System.Text.Json;
using AcrReach.Core.Planning;
using AcrReach.Core.Tests.Support;

namespace AcrReach.Core.Tests.Planning;

public class PlanJsonTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Plan_members_come_in_the_contract_order()
    {
        var root = Parse(PlanJson.Serialize(Planner.Plan(Golden.Load("seed-hangzhou-shanghai"))));

        Assert.Equal(["planId", "actions", "dns", "findings"], root.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Each_action_starts_with_its_kind_then_the_contract_fields()
    {
        var root = Parse(PlanJson.Serialize(Planner.Plan(Golden.Load("tag-policy-star"))));
        var shapes = root.GetProperty("actions").EnumerateArray()
            .Select(a => string.Join(",", a.EnumerateObject().Select(p => p.Name)))
            .Distinct();

        Assert.Equal(
            [
                "kind,routeTableId,destination,nextHopId,region,transitRouterId,reason",
                "kind,routeTableId,destination,nextHopType,nextHopId,region,vpcId,reason",
                "kind,instanceId,vpcId,vswitchId,region,reason",
            ],
            shapes);
    }

    [Fact]
    public void Actions_are_ordered_by_kind_table_and_destination()
    {
        var plan = Planner.Plan(Golden.Load("published-ranges"));

        Assert.Equal(plan.Actions.Order(PlanOrder.Actions), plan.Actions);
        Assert.Equal(["CreateTransitRoute", "CreateTransitRoute", "CreateVpcRoute"], plan.Actions.Take(3).Select(a => a.Kind.ToString()));
        Assert.Equal(["100.98.170.0/24", "100.103.7.181/32", "100.114.102.0/24"], plan.VpcRoutes("vtb-sh2").Take(3).Destinations());
    }

    [Fact]
    public void Findings_carry_lowercase_severity_and_omit_absent_members()
    {
        var root = Parse(PlanJson.Serialize(Planner.Plan(Golden.Load("use-replication"))));
        var finding = root.GetProperty("findings")[0];

        Assert.Equal("info", finding.GetProperty("severity").GetString());
        Assert.Equal(["code", "severity", "message", "registry", "remedy"], finding.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Findings_are_ordered_errors_first()
    {
        var plan = Planner.Plan(Golden.Load("pending-link"));

        Assert.Equal([Severity.Warning, Severity.Info], plan.Findings.Select(f => f.Severity));
        Assert.Equal(plan.Findings.Order(PlanOrder.Findings), plan.Findings);
    }

    [Fact]
    public void Plan_id_is_plan_dash_sixteen_hex_digits_of_the_content_hash()
    {
        var plan = Planner.Plan(Golden.Load("seed-hangzhou-shanghai"));

        Assert.Matches("^plan-[0-9a-f]{16}$", plan.PlanId);
        Assert.Equal(plan.PlanId, PlanJson.ComputeId(plan));
        Assert.NotEqual(plan.PlanId, PlanJson.ComputeId(plan with { Dns = plan.Dns.RemoveAt(0) }));
    }

    [Fact]
    public void Verification_serializes_reachable_then_paths_with_hops()
    {
        var root = Parse(PlanJson.Serialize(Planner.Verify(Golden.Load("seed-hangzhou-shanghai"))));

        Assert.Equal(["reachable", "paths"], root.EnumerateObject().Select(p => p.Name));
        Assert.False(root.GetProperty("reachable").GetBoolean());
        var path = root.GetProperty("paths")[0];
        Assert.Equal("forward", path.GetProperty("direction").GetString());
        Assert.Equal("reached", path.GetProperty("outcome").GetString());
        Assert.Equal("vtb-sh2", path.GetProperty("hops")[0].GetProperty("routeTableId").GetString());
    }
}
