using System.Net;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Tests.Support;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Tests.Apply;

/// <summary>The applier's decisions, one scripted cloud answer at a time (retries off, so each answer is one call).</summary>
public sealed class ApplierTests : IDisposable
{
    private static readonly CreateVpcRoute Route = new("vtb-sh2", Cidr.Parse("100.103.7.181/32"), "Attachment", "tr-attach-sh2", "cn-shanghai", "vpc-sh2", "auth for vpc-sh2");
    private static readonly CreateTransitRoute TransitRoute = new("vtb-trhz", Cidr.Parse("100.0.0.0/8"), "tr-attach-hz1", "cn-hangzhou", "tr-hz", "auth for vpc-sh2");

    private readonly TestCloud _cloud = new(new CloudOptions { Retry = new RetryOptions { MaxRetryAttempts = 0 } });

    public void Dispose() => _cloud.Dispose();

    [Fact]
    public async Task Creates_an_absent_route_with_the_mark_and_a_deterministic_token_and_waits_until_it_is_available()
    {
        _cloud.Handler.ThenJson(Entries()).ThenJson("""{ "RequestId": "create-1", "RouteEntryId": "rte-1" }""").ThenJson(Entries(("Pending", "tr-attach-sh2"))).ThenJson(Entries(("Available", "tr-attach-sh2")));

        var step = await Apply(Route);

        Assert.Equal((StepOutcome.Applied, "create-1"), (step.Outcome, step.RequestId));
        var create = Assert.Single(_cloud.Handler.Sent, s => s.Header("x-acs-action") == "CreateRouteEntry").Query;
        Assert.Equal(("acr-reach", "acr-reach: auth for vpc-sh2", ClientTokens.For(Route)), (create["RouteEntryName"], create["Description"], create["ClientToken"]));
        Assert.Equal(("vtb-sh2", "100.103.7.181/32", "Attachment", "tr-attach-sh2"), (create["RouteTableId"], create["DestinationCidrBlock"], create["NextHopType"], create["NextHopId"]));
        Assert.All(_cloud.Handler.Sent.Where(s => s.Header("x-acs-action") == "DescribeRouteEntryList"), s => Assert.Equal("100.103.7.181/32", s.Query["DestinationCidrBlock"]));
    }

    [Fact]
    public async Task A_duplicate_answer_means_look_again_and_the_same_next_hop_is_already_present()
    {
        _cloud.Handler.ThenJson(Entries()).Then(Error("InvalidCIDRBlock.Duplicate")).ThenJson(Entries(("Available", "tr-attach-sh2")));

        var step = await Apply(Route);

        Assert.Equal((StepOutcome.AlreadyPresent, "look"), (step.Outcome, step.RequestId));
        Assert.Single(_cloud.Handler.Sent, s => s.Header("x-acs-action") == "CreateRouteEntry");
    }

    [Fact]
    public async Task A_duplicate_with_another_next_hop_is_a_route_conflict_and_nothing_more_is_written()
    {
        _cloud.Handler.ThenJson(Entries()).Then(Error("InvalidCIDRBlock.Duplicate")).ThenJson(Entries(("Available", "i-proxy", "Instance")));

        var step = await Apply(Route);

        Assert.Equal((StepOutcome.Failed, Applier.RouteConflictCode), (step.Outcome, step.Error!.Code));
        Assert.Contains("Instance i-proxy", step.Error.Message, StringComparison.Ordinal);
        Assert.Single(_cloud.Handler.Sent, s => s.Header("x-acs-action") == "CreateRouteEntry");
        Assert.DoesNotContain(_cloud.Handler.Sent, s => s.Header("x-acs-action") == "DeleteRouteEntry");
    }

    [Fact]
    public async Task A_route_being_deleted_is_waited_out_before_the_create()
    {
        _cloud.Handler.ThenJson(Entries(("Deleting", "i-old", "Instance"))).ThenJson(Entries()).ThenJson("""{ "RequestId": "create-1" }""").ThenJson(Entries(("Available", "tr-attach-sh2")));

        var step = await Apply(Route);

        Assert.Equal(StepOutcome.Applied, step.Outcome);
    }

    [Fact]
    public async Task A_created_route_that_never_shows_was_an_earlier_answer_to_the_token_and_is_created_again_with_a_new_one()
    {
        _cloud.Handler.ThenJson(Entries()).ThenJson("""{ "RequestId": "replayed" }""")
            .ThenJson(Entries()).ThenJson(Entries()).ThenJson(Entries())
            .ThenJson("""{ "RequestId": "fresh" }""").ThenJson(Entries(("Available", "tr-attach-sh2")));

        var step = await Apply(Route);

        Assert.Equal((StepOutcome.Applied, "fresh"), (step.Outcome, step.RequestId));
        Assert.Equal(
            [ClientTokens.For(Route, 1), ClientTokens.For(Route, 2)],
            _cloud.Handler.Sent.Where(s => s.Header("x-acs-action") == "CreateRouteEntry").Select(s => s.Query["ClientToken"]));
    }

    [Fact]
    public async Task A_table_still_busy_after_the_clients_retries_is_tried_again_a_bounded_number_of_times()
    {
        _cloud.Handler.Fallback = sent => sent.Header("x-acs-action") == "CreateRouteEntry"
            ? Error("TaskConflict")(sent)
            : FakeHandler.Respond(HttpStatusCode.OK, Entries(), "application/json");

        var step = await Apply(Route);

        Assert.Equal((StepOutcome.Failed, "TaskConflict"), (step.Outcome, step.Error!.Code));
        Assert.Equal(1 + new ApplierOptions().MaxBusyRounds, _cloud.Handler.Sent.Count(s => s.Header("x-acs-action") == "CreateRouteEntry"));
    }

    [Fact]
    public async Task A_transit_route_is_looked_for_with_every_status_and_a_propagated_one_is_no_conflict()
    {
        _cloud.Handler
            .ThenJson(Transit(("Active", "Propagated", "tr-attach-peer")))
            .ThenJson("""{ "RequestId": "create-tr", "TransitRouterRouteEntryId": "rte-9" }""")
            .ThenJson(Transit(("Active", "Propagated", "tr-attach-peer"), ("Creating", "Static", "tr-attach-hz1")))
            .ThenJson(Transit(("Active", "Propagated", "tr-attach-peer"), ("Active", "Static", "tr-attach-hz1")));

        var step = await Apply(TransitRoute);

        Assert.Equal((StepOutcome.Applied, "create-tr"), (step.Outcome, step.RequestId));
        var look = _cloud.Handler.Sent[0].Query;
        Assert.Equal(("All", "PrefixExactMatchCidrs", "100.0.0.0/8"), (look["TransitRouterRouteEntryStatus"], look["RouteFilter.1.Key"], look["RouteFilter.1.Value.1"]));
        var create = _cloud.Handler.Sent[1].Query;
        Assert.Equal(("acr-reach", ClientTokens.For(TransitRoute), "tr-attach-hz1"), (create["TransitRouterRouteEntryName"], create["ClientToken"], create["TransitRouterRouteEntryNextHopId"]));
    }

    [Fact]
    public async Task Links_a_vpc_asking_container_registry_to_create_its_privatezone_record()
    {
        // Without EnableCreateDNSRecordInPvzt=true the linked VPC gets no registry record on an account whose
        // PrivateZone service-linked role was never created through the console.
        var link = new LinkVpcEndpoint("cri-1", "vpc-hz3", "vsw-hz3-a", "cn-hangzhou", "vpc-hz3 pulls from cri-1");
        _cloud.Handler
            .ThenJson("""{ "IsSuccess": true, "RequestId": "look-1", "LinkedVpcs": [] }""")
            .ThenJson("""{ "IsSuccess": true, "Code": "success", "RequestId": "link-1" }""")
            .ThenJson("""{ "IsSuccess": true, "RequestId": "look-2", "LinkedVpcs": [{ "VpcId": "vpc-hz3", "VswitchId": "vsw-hz3-a", "Ip": "10.3.0.3", "Status": "RUNNING" }] }""");

        var step = await Apply(link);

        Assert.Equal((StepOutcome.Applied, "link-1"), (step.Outcome, step.RequestId));
        var create = Assert.Single(_cloud.Handler.Sent, s => s.Header("x-acs-action") == "CreateInstanceVpcEndpointLinkedVpc").Query;
        Assert.Equal(("vpc-hz3", "vsw-hz3-a", "true"), (create["VpcId"], create["VswitchId"], create["EnableCreateDNSRecordInPvzt"]));
    }

    [Fact]
    public async Task A_cancelled_run_skips_the_steps_it_did_not_start()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var steps = await new Applier(_cloud.Apis, time: _cloud.Time).ApplyAsync(PlanOf(Route, TransitRoute), Empty, cancelled.Token);

        Assert.All(steps, s => Assert.Equal((StepOutcome.Skipped, Applier.CancelledCode), (s.Outcome, s.Error!.Code)));
        Assert.Empty(_cloud.Handler.Sent);
    }

    private static readonly Account Empty = new("1", [], [], [], RegionalEndpoints.Empty, Core.Endpoints.OssVipRanges.Published, [], ReachPolicy.Default);

    private async Task<StepReport> Apply(PlanAction action) =>
        Assert.Single(await _cloud.Settle(new Applier(_cloud.Apis, time: _cloud.Time).ApplyAsync(PlanOf(action), Empty)));

    private static Plan PlanOf(params PlanAction[] actions) => new("plan-test", [.. actions], [], []);

    private static string Entries(params (string Status, string Hop, string Type)[] entries) =>
        "{ \"RequestId\": \"look\", \"RouteEntrys\": { \"RouteEntry\": [" + string.Join(",", entries.Select(e =>
            "{ \"RouteEntryId\": \"rte-1\", \"RouteTableId\": \"vtb-sh2\", \"DestinationCidrBlock\": \"100.103.7.181/32\", \"Type\": \"Custom\", "
            + $"\"Status\": \"{e.Status}\", \"NextHops\": {{ \"NextHop\": [{{ \"NextHopType\": \"{e.Type}\", \"NextHopId\": \"{e.Hop}\" }}] }} }}")) + "] } }";

    private static string Entries((string Status, string Hop) entry) => Entries((entry.Status, entry.Hop, "Attachment"));

    private static string Transit(params (string Status, string Type, string Hop)[] entries) =>
        "{ \"RequestId\": \"look-tr\", \"TransitRouterRouteEntries\": [" + string.Join(",", entries.Select(e =>
            "{ \"TransitRouterRouteEntryDestinationCidrBlock\": \"100.0.0.0/8\", \"TransitRouterRouteEntryNextHopType\": \"Attachment\", "
            + $"\"TransitRouterRouteEntryType\": \"{e.Type}\", \"TransitRouterRouteEntryStatus\": \"{e.Status}\", \"TransitRouterRouteEntryNextHopId\": \"{e.Hop}\" }}")) + "] }";

    private static Func<SentRequest, HttpResponseMessage> Error(string code) =>
        _ => FakeHandler.Respond(HttpStatusCode.BadRequest, $$"""{ "RequestId": "err", "Code": "{{code}}", "Message": "{{code}}" }""", "application/json");
}
