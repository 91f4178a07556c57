using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Tests.Support;
using AcrReach.TestSupport;
using TestScenarios = AcrReach.TestSupport.Scenarios;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Tests.Tracing;

public class PathTracerTests
{
    private static readonly TraceStart FromShanghai = TraceStart.FromVpc("vpc-sh2", "vtb-sh2");
    private static readonly Arrival AtRegistryVpc = Arrival.AtVpc("vpc-hz1");
    private static readonly Arrival HangzhouServices = Arrival.CloudServicesOf("cn-hangzhou");

    private static IPAddress Ip(string text) => IPAddress.Parse(text);

    [Fact]
    public void Follows_the_registry_address_hop_by_hop_into_the_registry_vswitch()
    {
        var trace = new PathTracer(TestScenarios.Seed()).Trace(FromShanghai, Ip("10.94.205.198"), AtRegistryVpc);

        Assert.Equal(PathOutcome.Reached, trace.Outcome);
        Assert.Equal(["vtb-sh2", "vtb-trsh", "vtb-trhz", "vtb-hz1"], trace.Hops.Select(h => h.RouteTableId));
        Assert.Equal([null, "tr-attach-sh2", "tr-attach-peer", "tr-attach-hz1"], trace.Hops.Select(h => h.Ingress));
        Assert.Equal(["10.0.0.0/8", "10.94.0.0/16", "10.94.0.0/16", "10.94.205.0/24"], trace.Hops.Select(h => Cidr.Format(h.Route!.Destination)));
        Assert.Equal(Arrival.AtVpc("vpc-hz1", "vsw-hz-cr"), trace.Arrival);
    }

    [Fact]
    public void Service_address_stays_in_the_source_regions_cloud_services_without_a_host_route()
    {
        var trace = new PathTracer(TestScenarios.Seed()).Trace(FromShanghai, Ip("100.103.7.181"), HangzhouServices);

        Assert.Equal(PathOutcome.WrongPlace, trace.Outcome);
        Assert.Equal(Arrival.CloudServicesOf("cn-shanghai"), trace.Arrival);
        Assert.Single(trace.Hops);
    }

    [Fact]
    public void Vpc_tables_route_vswitches_and_cloud_services_locally_even_when_unlisted()
    {
        var account = TestScenarios.Seed(s => s.Entries("vtb-sh2").Clear());
        var tracer = new PathTracer(account);

        var toVswitch = tracer.Trace(FromShanghai, Ip("172.16.1.9"), Arrival.AtVpc("vpc-sh2"));
        var toServices = tracer.Trace(FromShanghai, Ip("100.100.2.136"), Arrival.CloudServicesOf("cn-shanghai"));

        Assert.Equal((PathOutcome.Reached, RouteProvenance.Implicit), (toVswitch.Outcome, toVswitch.Hops[0].Route!.Provenance));
        Assert.Equal("vsw-sh-n", toVswitch.Arrival!.VSwitchId);
        Assert.Equal((PathOutcome.Reached, RouteProvenance.Implicit), (toServices.Outcome, toServices.Hops[0].Route!.Provenance));
    }

    [Fact]
    public void Longest_prefix_wins_over_a_wider_route()
    {
        var account = TestScenarios.Seed(s => s.Entries("vtb-sh2").Add(TestScenarios.Route("100.103.7.181/32", "Attachment", "tr-attach-sh2")));

        var trace = new PathTracer(account).Trace(FromShanghai, Ip("100.103.7.181"), HangzhouServices);

        Assert.Equal("100.103.7.181/32", Cidr.Format(trace.Hops[0].Route!.Destination));
        Assert.Equal(HopResult.Forwarded, trace.Hops[0].Result);
        Assert.Equal(PathOutcome.NoRoute, trace.Outcome);
        Assert.Equal("vtb-trsh", trace.Hops[^1].RouteTableId);
    }

    [Fact]
    public void Transit_router_looks_up_the_table_associated_with_the_ingress_attachment()
    {
        var account = TestScenarios.Seed(s =>
        {
            var router = s["transitRouters"]![1]!;
            router["routeTables"]![0]!["associations"]!.AsArray().RemoveAt(0);
            router["routeTables"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = "vtb-trsh-vpcs",
                ["associations"] = new System.Text.Json.Nodes.JsonArray("tr-attach-sh2"),
                ["entries"] = new System.Text.Json.Nodes.JsonArray(TestScenarios.TransitRoute("10.0.0.0/8", "BlackHole", null)),
            });
        });

        var trace = new PathTracer(account).Trace(FromShanghai, Ip("10.94.205.198"), AtRegistryVpc);

        Assert.Equal(("vtb-trsh-vpcs", PathOutcome.Dropped), (trace.Hops[1].RouteTableId, trace.Outcome));
    }

    [Fact]
    public void Attachment_associated_with_no_table_stops_the_path()
    {
        var account = TestScenarios.Seed(s => s["transitRouters"]![0]!["routeTables"]![0]!["associations"]!.AsArray().RemoveAt(1));

        var trace = new PathTracer(account).Trace(FromShanghai, Ip("10.94.205.198"), AtRegistryVpc);

        Assert.Equal(PathOutcome.NotAssociated, trace.Outcome);
        Assert.Equal(("tr-hz", "tr-attach-peer", null), (trace.Hops[^1].NodeId, trace.Hops[^1].Ingress, trace.Hops[^1].RouteTableId));
    }

    [Fact]
    public void Route_to_an_instance_leaves_the_modelled_network()
    {
        var account = TestScenarios.Seed(s => s.Entries("vtb-sh2").Add(TestScenarios.Route("10.94.205.0/24", "Instance", "i-proxy")));

        var trace = new PathTracer(account).Trace(FromShanghai, Ip("10.94.205.198"), AtRegistryVpc);

        Assert.Equal((PathOutcome.LeftNetwork, "i-proxy"), (trace.Outcome, trace.Hops[0].Next));
    }

    [Fact]
    public void Route_to_another_vpcs_attachment_is_an_invalid_next_hop()
    {
        var account = TestScenarios.Seed(s => s.Entries("vtb-sh2").Add(TestScenarios.Route("10.94.205.0/24", "Attachment", "tr-attach-hz1")));

        var trace = new PathTracer(account).Trace(FromShanghai, Ip("10.94.205.198"), AtRegistryVpc);

        Assert.Equal(PathOutcome.InvalidNextHop, trace.Outcome);
    }

    [Fact]
    public void Routers_sending_a_block_back_and_forth_are_a_loop()
    {
        var account = TestScenarios.Seed(s =>
        {
            var entries = s.Entries("vtb-trhz");
            entries.Remove(entries.Single(e => (string?)e!["destination"] == "10.94.0.0/16"));
            entries.Add(TestScenarios.TransitRoute("10.94.0.0/16", "Attachment", "tr-attach-peer", "Propagated"));
        });

        var trace = new PathTracer(account).Trace(FromShanghai, Ip("10.94.205.198"), AtRegistryVpc);

        Assert.Equal(PathOutcome.Loop, trace.Outcome);
        Assert.Equal(HopResult.Loop, trace.Hops[^1].Result);
        Assert.True(trace.Hops.Length <= 5);
    }

    [Fact]
    public void Data_center_enters_at_its_attachment_and_is_delivered_back_through_it()
    {
        var account = Golden.Load("datacenter-vbr");
        var tracer = new PathTracer(account);

        var forward = tracer.Trace(TraceStart.FromAttachment("tr-sh", "tr-attach-vbr"), Ip("10.94.205.198"), AtRegistryVpc);
        var back = tracer.Trace(TraceStart.FromVpc("vpc-hz1", "vtb-hz1"), Cidr.Parse("192.168.0.0/16"), Arrival.AtDataCenter("idc-sh"));

        Assert.Equal((PathOutcome.Reached, "vtb-trsh", "tr-attach-vbr"), (forward.Outcome, forward.Hops[0].RouteTableId, forward.Hops[0].Ingress));
        Assert.Equal(PathOutcome.Reached, back.Outcome);
        Assert.Equal(Arrival.AtDataCenter("idc-sh"), back.Arrival);
    }

    [Fact]
    public void A_block_is_matched_only_by_a_route_holding_all_of_it()
    {
        var account = TestScenarios.Seed(s => s.Entries("vtb-sh2").Add(TestScenarios.Route("100.118.28.0/25", "Attachment", "tr-attach-sh2")));
        var tracer = new PathTracer(account);

        var half = tracer.Trace(FromShanghai, Cidr.Parse("100.118.28.0/25"), HangzhouServices);
        var whole = tracer.Trace(FromShanghai, Cidr.Parse("100.118.28.0/24"), HangzhouServices);

        Assert.Equal("100.118.28.0/25", Cidr.Format(half.Hops[0].Route!.Destination));
        Assert.Equal("100.64.0.0/10", Cidr.Format(whole.Hops[0].Route!.Destination));
    }
}
