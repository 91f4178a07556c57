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
    public async Task Writes_an_absent_route_in_a_batch_with_the_mark_and_waits_until_it_is_available()
    {
        _cloud.Handler.ThenJson(Batch(["rte-1"])).ThenJson(Entries(("Pending", "tr-attach-sh2"))).ThenJson(Entries(("Available", "tr-attach-sh2")));

        var step = await Apply(Route);

        Assert.Equal((StepOutcome.Applied, "batch"), (step.Outcome, step.RequestId));
        var create = Assert.Single(_cloud.Handler.Sent, s => s.Header("x-acs-action") == "CreateRouteEntries").Query;
        Assert.Equal(("acr-reach", "acr-reach: auth for vpc-sh2"), (create["RouteEntries.1.Name"], create["RouteEntries.1.Description"]));
        Assert.Equal(("vtb-sh2", "100.103.7.181/32", "Attachment", "tr-attach-sh2"), (create["RouteEntries.1.RouteTableId"], create["RouteEntries.1.DstCidrBlock"], create["RouteEntries.1.NextHopType"], create["RouteEntries.1.NextHop"]));
        Assert.Equal("CreateRouteEntries", _cloud.Handler.Sent[0].Header("x-acs-action"));
        Assert.All(_cloud.Handler.Sent.Where(s => s.Header("x-acs-action") == "DescribeRouteEntryList"), s => Assert.Equal("100.103.7.181/32", s.Query["DestCidrBlockList.1"]));
    }

    [Fact]
    public async Task A_batch_with_one_existing_and_one_new_route_reports_the_existing_one_already_present_and_the_new_one_applied()
    {
        // The answer names the refused entry by destination and next hop only; the look tells the tables apart by entry id.
        _cloud.Handler
            .ThenJson(Batch(["rte-new"], ("100.103.7.181/32", "tr-attach-sh2", "VPC_ROUTE_ENTRY_CIDR_BLOCK_DUPLICATE")))
            .Then(sent => Json(sent.Query["RouteTableId"] == "vtb-sh2" ? Entries(("Available", "tr-attach-sh2"), "rte-old") : Entries(("Available", "tr-attach-sh2"), "rte-new", "vtb-sh2-b")))
            .Then(sent => Json(sent.Query["RouteTableId"] == "vtb-sh2" ? Entries(("Available", "tr-attach-sh2"), "rte-old") : Entries(("Available", "tr-attach-sh2"), "rte-new", "vtb-sh2-b")));

        var steps = await ApplyAll(Route, Route with { RouteTableId = "vtb-sh2-b" });

        Assert.Equal([(StepOutcome.AlreadyPresent, "look"), (StepOutcome.Applied, "batch")], steps.Select(s => (s.Outcome, s.RequestId)));
        Assert.Single(_cloud.Handler.Sent, s => s.Header("x-acs-action") == "CreateRouteEntries");
        Assert.DoesNotContain(_cloud.Handler.Sent, s => s.Header("x-acs-action") == "CreateRouteEntry");
    }

    [Fact]
    public async Task An_entry_the_batch_refuses_fails_with_its_code_and_the_others_are_applied()
    {
        _cloud.Handler
            .ThenJson(Batch(["rte-new"], ("10.1.0.0/16", "tr-attach-sh2", "QuotaExceeded")))
            .Then(sent => Json(sent.Query["DestCidrBlockList.1"] == "10.1.0.0/16" ? Entries() : Entries(("Available", "tr-attach-sh2"), "rte-new")))
            .Then(sent => Json(sent.Query["DestCidrBlockList.1"] == "10.1.0.0/16" ? Entries() : Entries(("Available", "tr-attach-sh2"), "rte-new")));

        var steps = await ApplyAll(Route, Route with { RouteTableId = "vtb-sh2-b", Destination = Cidr.Parse("10.1.0.0/16") });

        Assert.Equal((StepOutcome.Applied, "batch"), (steps[0].Outcome, steps[0].RequestId));
        Assert.Equal((StepOutcome.Failed, "QuotaExceeded", "batch"), (steps[1].Outcome, steps[1].Error!.Code, steps[1].RequestId));
    }

    [Fact]
    public async Task A_host_route_inside_the_cloud_services_block_the_batch_refuses_is_written_on_its_own()
    {
        // CreateRouteEntries' documentation refuses destinations inside 100.64.0.0/10; CreateRouteEntry's allows them (cloud-apis.md §1.4).
        _cloud.Handler
            .ThenJson(Batch([], ("100.103.7.181/32", "tr-attach-sh2", "InvalidCidrBlock")))
            .ThenJson(Entries())
            .ThenJson(Entries())
            .ThenJson("""{ "RequestId": "single", "RouteEntryId": "rte-1" }""")
            .ThenJson(Entries(("Available", "tr-attach-sh2")));

        var step = await Apply(Route);

        Assert.Equal((StepOutcome.Applied, "single"), (step.Outcome, step.RequestId));
        var single = Assert.Single(_cloud.Handler.Sent, s => s.Header("x-acs-action") == "CreateRouteEntry").Query;
        Assert.Equal(ClientTokens.For(Route), single["ClientToken"]);
    }

    [Fact]
    public async Task A_duplicate_with_another_next_hop_is_a_route_conflict_and_nothing_more_is_written()
    {
        _cloud.Handler.ThenJson(Batch([], ("100.103.7.181/32", "tr-attach-sh2", "VPC_ROUTE_ENTRY_CIDR_BLOCK_DUPLICATE"))).ThenJson(Entries(("Available", "i-proxy", "Instance")));

        var step = await Apply(Route);

        Assert.Equal((StepOutcome.Failed, Applier.RouteConflictCode), (step.Outcome, step.Error!.Code));
        Assert.Contains("Instance i-proxy", step.Error.Message, StringComparison.Ordinal);
        Assert.Single(_cloud.Handler.Sent, s => s.Header("x-acs-action") == "CreateRouteEntries");
        Assert.DoesNotContain(_cloud.Handler.Sent, s => s.Header("x-acs-action") is "DeleteRouteEntry" or "CreateRouteEntry");
    }

    [Fact]
    public async Task A_route_being_deleted_is_waited_out_and_then_written_again()
    {
        _cloud.Handler
            .ThenJson(Batch([], ("100.103.7.181/32", "tr-attach-sh2", "VPC_ROUTE_ENTRY_CIDR_BLOCK_DUPLICATE")))
            .ThenJson(Entries(("Deleting", "i-old", "Instance")))
            .ThenJson(Entries())
            .ThenJson(Batch(["rte-2"]))
            .ThenJson(Entries(("Available", "tr-attach-sh2"), "rte-2"));

        var step = await Apply(Route);

        Assert.Equal(StepOutcome.Applied, step.Outcome);
        Assert.Equal(2, _cloud.Handler.Sent.Count(s => s.Header("x-acs-action") == "CreateRouteEntries"));
    }

    [Fact]
    public async Task A_written_route_that_never_shows_is_written_again()
    {
        _cloud.Handler.ThenJson(Batch(["rte-lost"]))
            .ThenJson(Entries()).ThenJson(Entries()).ThenJson(Entries())
            .ThenJson(Batch(["rte-2"], "fresh")).ThenJson(Entries(("Available", "tr-attach-sh2"), "rte-2"));

        var step = await Apply(Route);

        Assert.Equal((StepOutcome.Applied, "fresh"), (step.Outcome, step.RequestId));
        Assert.Equal(2, _cloud.Handler.Sent.Count(s => s.Header("x-acs-action") == "CreateRouteEntries"));
    }

    [Fact]
    public async Task A_busy_vpc_refusing_the_batch_is_tried_again_and_the_routes_are_applied()
    {
        _cloud.Handler.Then(Error("TaskConflict")).ThenJson(Batch(["rte-1"])).ThenJson(Entries(("Available", "tr-attach-sh2")));

        var step = await Apply(Route);

        Assert.Equal((StepOutcome.Applied, "batch"), (step.Outcome, step.RequestId));
        Assert.Equal(2, _cloud.Handler.Sent.Count(s => s.Header("x-acs-action") == "CreateRouteEntries"));
    }

    [Fact]
    public async Task A_vpc_still_busy_after_the_clients_retries_is_tried_again_a_bounded_number_of_times()
    {
        _cloud.Handler.Fallback = sent => sent.Header("x-acs-action") == "CreateRouteEntries"
            ? Error("TaskConflict")(sent)
            : FakeHandler.Respond(HttpStatusCode.OK, Entries(), "application/json");

        var step = await Apply(Route);

        Assert.Equal((StepOutcome.Failed, "TaskConflict"), (step.Outcome, step.Error!.Code));
        Assert.Equal(1 + new ApplierOptions().MaxBusyRounds, _cloud.Handler.Sent.Count(s => s.Header("x-acs-action") == "CreateRouteEntries"));
    }

    [Fact]
    public async Task A_refusal_of_the_whole_batch_fails_each_of_its_routes_with_the_code()
    {
        _cloud.Handler.Then(Error("Forbidden.RAM"));

        var steps = await ApplyAll(Route, Route with { RouteTableId = "vtb-sh2-b" });

        Assert.All(steps, s => Assert.Equal((StepOutcome.Failed, "Forbidden.RAM", "err"), (s.Outcome, s.Error!.Code, s.RequestId)));
        Assert.Single(_cloud.Handler.Sent);
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

    [Theory]
    [InlineData("Rejected")]
    [InlineData("Standby")]
    [InlineData("Prohibited")]
    public async Task A_transit_route_that_does_not_forward_is_not_already_present_and_is_reported(string status)
    {
        _cloud.Handler.ThenJson(Transit((status, "Static", "tr-attach-hz1")));

        var step = await Apply(TransitRoute);

        Assert.Equal((StepOutcome.Failed, Applier.RouteNotActiveCode), (step.Outcome, step.Error!.Code));
        Assert.Contains(status, step.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_cloud.Handler.Sent, s => s.Header("x-acs-action") == "CreateTransitRouterRouteEntry");
    }

    [Fact]
    public async Task Binding_a_zone_resends_each_existing_binding_with_its_region_and_vpc_type()
    {
        // BindZoneVpc replaces the zone's whole binding set, VpcType included
        // (aliyun/alibabacloud-typescript-sdk pvtz-20180101/src/models/BindZoneVpcRequestVpcs.ts: STANDARD or EDS):
        // an EDS workspace VPC re-sent without its type would be bound as a standard VPC, or refused.
        var vpc = new Core.Topology.Vpc("vpc-sh2", "cn-shanghai", [], System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty, [], []);
        var account = Empty with { Vpcs = [vpc] };
        var plan = new Plan("plan-dns", [], [new DnsRecord("dockerauth-vpc.cn-hangzhou.aliyuncs.com", IPAddress.Parse("100.103.7.181"), "vpc-sh2")], []);
        _cloud.Handler
            .ThenJson("""{ "RequestId": "zones", "TotalItems": 1, "PageNumber": 1, "PageSize": 100, "Zones": { "Zone": [{ "ZoneId": "z-1", "ZoneName": "dockerauth-vpc.cn-hangzhou.aliyuncs.com" }] } }""")
            .ThenJson("""{ "RequestId": "records", "TotalItems": 1, "PageNumber": 1, "PageSize": 100, "Records": { "Record": [{ "Rr": "@", "Type": "A", "Value": "100.103.7.181" }] } }""")
            .ThenJson("""{ "RequestId": "info", "ZoneId": "z-1", "BindVpcs": { "Vpc": [{ "VpcId": "vpc-eds", "RegionId": "cn-hangzhou", "VpcType": "EDS" }, { "VpcId": "vpc-hz1", "RegionId": "cn-hangzhou", "VpcType": "STANDARD" }] } }""")
            .ThenJson("""{ "RequestId": "bind" }""")
            .ThenJson("""{ "RequestId": "info-2", "ZoneId": "z-1", "BindVpcs": { "Vpc": [{ "VpcId": "vpc-eds", "RegionId": "cn-hangzhou", "VpcType": "EDS" }, { "VpcId": "vpc-hz1", "RegionId": "cn-hangzhou", "VpcType": "STANDARD" }, { "VpcId": "vpc-sh2", "RegionId": "cn-shanghai", "VpcType": "STANDARD" }] } }""");

        var step = Assert.Single(await _cloud.Settle(new Applier(_cloud.Apis, new ApplierOptions { PrivateZone = true }, _cloud.Time).ApplyAsync(plan, account)));

        Assert.Equal((StepOutcome.Applied, "bind"), (step.Outcome, step.RequestId));
        var bind = Assert.Single(_cloud.Handler.Sent, s => s.Header("x-acs-action") == "BindZoneVpc").Query;
        Assert.Equal(
            ("vpc-eds", "cn-hangzhou", "EDS", "vpc-hz1", "cn-hangzhou", "STANDARD", "vpc-sh2", "cn-shanghai"),
            (bind["Vpcs.1.VpcId"], bind["Vpcs.1.RegionId"], bind["Vpcs.1.VpcType"], bind["Vpcs.2.VpcId"], bind["Vpcs.2.RegionId"], bind["Vpcs.2.VpcType"], bind["Vpcs.3.VpcId"], bind["Vpcs.3.RegionId"]));
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

    private async Task<StepReport> Apply(PlanAction action) => Assert.Single(await ApplyAll(action));

    private async Task<IReadOnlyList<StepReport>> ApplyAll(params PlanAction[] actions) =>
        await _cloud.Settle(new Applier(_cloud.Apis, time: _cloud.Time).ApplyAsync(PlanOf(actions), Empty));

    private static Plan PlanOf(params PlanAction[] actions) => new("plan-test", [.. actions], [], []);

    private static string Entries(params (string Status, string Hop, string Type)[] entries) => EntriesOf("rte-1", "vtb-sh2", entries);

    private static string EntriesOf(string id, string table, params (string Status, string Hop, string Type)[] entries) =>
        "{ \"RequestId\": \"look\", \"RouteEntrys\": { \"RouteEntry\": [" + string.Join(",", entries.Select(e =>
            $"{{ \"RouteEntryId\": \"{id}\", \"RouteTableId\": \"{table}\", \"DestinationCidrBlock\": \"100.103.7.181/32\", \"Type\": \"Custom\", "
            + $"\"Status\": \"{e.Status}\", \"NextHops\": {{ \"NextHop\": [{{ \"NextHopType\": \"{e.Type}\", \"NextHopId\": \"{e.Hop}\" }}] }} }}")) + "] } }";

    private static string Entries((string Status, string Hop) entry, string id = "rte-1", string table = "vtb-sh2") => EntriesOf(id, table, (entry.Status, entry.Hop, "Attachment"));

    private static string Batch(string[] ids, params (string Destination, string Hop, string Code)[] failed) => Batch(ids, "batch", failed);

    private static string Batch(string[] ids, string requestId, params (string Destination, string Hop, string Code)[] failed) =>
        $"{{ \"RequestId\": \"{requestId}\", \"SuccessCount\": {ids.Length}, \"FailedCount\": {failed.Length}, \"RouteEntryIds\": [{string.Join(",", ids.Select(i => $"\"{i}\""))}], "
        + "\"FailedRouteEntries\": [" + string.Join(",", failed.Select(f => $"{{ \"DstCidrBlock\": \"{f.Destination}\", \"NextHop\": \"{f.Hop}\", \"FailedCode\": \"{f.Code}\", \"FailedMessage\": \"{f.Code}\" }}")) + "] }";

    private static HttpResponseMessage Json(string body) => FakeHandler.Respond(HttpStatusCode.OK, body, "application/json");

    private static string Transit(params (string Status, string Type, string Hop)[] entries) =>
        "{ \"RequestId\": \"look-tr\", \"TransitRouterRouteEntries\": [" + string.Join(",", entries.Select(e =>
            "{ \"TransitRouterRouteEntryDestinationCidrBlock\": \"100.0.0.0/8\", \"TransitRouterRouteEntryNextHopType\": \"Attachment\", "
            + $"\"TransitRouterRouteEntryType\": \"{e.Type}\", \"TransitRouterRouteEntryStatus\": \"{e.Status}\", \"TransitRouterRouteEntryNextHopId\": \"{e.Hop}\" }}")) + "] }";

    private static Func<SentRequest, HttpResponseMessage> Error(string code) =>
        _ => FakeHandler.Respond(HttpStatusCode.BadRequest, $$"""{ "RequestId": "err", "Code": "{{code}}", "Message": "{{code}}" }""", "application/json");
}
