using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Tests.Support;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Tests.Planning;

public class PlanProjectionTests
{
    [Fact]
    public void Projected_routes_carry_the_mark_and_the_reason()
    {
        var account = Golden.Load("seed-hangzhou-shanghai");
        var plan = Planner.Plan(account);

        var applied = PlanProjection.Apply(account, plan);

        var added = applied.FindVpc("vpc-sh2")!.FindRouteTable("vtb-sh2")!.Entries.Single(e => Cidr.Format(e.Destination) == "100.103.7.181/32");
        Assert.Equal((VpcNextHopTypes.Attachment, "tr-attach-sh2", AcrReachMark.Name), (added.NextHopType, added.NextHopId, added.Name));
        Assert.True(AcrReachMark.IsMarked(added.Name, added.Description));
        var transit = applied.FindTransitRouter("tr-sh")!.RouteTables[0].Entries.Single(e => e.Destination == Cidr.Block100);
        Assert.Equal((RouteOrigin.Static, "tr-attach-peer"), (transit.Origin, transit.NextHopId));
        Assert.StartsWith("acr-reach: ", transit.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Projected_link_gets_a_free_address_of_the_chosen_vswitch()
    {
        var account = Golden.Load("same-region-link");

        var applied = PlanProjection.Apply(account, Planner.Plan(account));

        var link = applied.FindRegistry("cri-xxxxxx")!.VpcEndpoints.Single(e => e.VpcId == "vpc-hz2");
        Assert.Equal(("vsw-hz2-a", "192.168.1.3"), (link.VswitchId, link.Ip.ToString()));
        Assert.Empty(Planner.Plan(applied).Actions);
    }

    [Fact]
    public void Link_address_skips_addresses_in_use()
    {
        var vswitch = new VSwitch("vsw", "z", Cidr.Parse("10.0.0.0/29"), "vtb");

        Assert.Equal("10.0.0.5", PlanProjection.LinkAddress(vswitch, [System.Net.IPAddress.Parse("10.0.0.3"), System.Net.IPAddress.Parse("10.0.0.4")]).ToString());
        Assert.Throws<InvalidOperationException>(() => PlanProjection.LinkAddress(vswitch, Enumerable.Range(3, 4).Select(i => System.Net.IPAddress.Parse($"10.0.0.{i}"))));
    }

    [Fact]
    public void Projection_refuses_a_plan_that_would_replace_a_route()
    {
        var account = Golden.Load("route-conflict");
        var replacing = new Plan("plan-x", [new CreateTransitRoute("vtb-trsh", Cidr.Block100, "tr-attach-peer", "cn-shanghai", "tr-sh", "test")], [], []);

        Assert.Throws<InvalidOperationException>(() => PlanProjection.Apply(account, replacing));
    }

    [Fact]
    public void Mark_description_is_cut_to_the_cloud_limit()
    {
        var description = AcrReachMark.Describe(new string('x', 400));

        Assert.Equal(AcrReachMark.MaxDescriptionLength, description.Length);
        Assert.False(AcrReachMark.IsMarked("someone-else", "a route by hand"));
    }
}
