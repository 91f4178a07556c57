using System.Collections.Immutable;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Paging;
using AcrReach.Core.Topology;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.EndToEnd;

/// <summary>on-attachment with the real engine on the local cloud (seed scenario and small variants), over real HTTP.</summary>
public sealed class OnAttachmentOnLocalCloudTests
{
    public static readonly string[] SeedRoutes =
    [
        "vtb-sh2 100.103.7.181/32 -> tr-attach-sh2",
        "vtb-sh2 100.118.28.43/32 -> tr-attach-sh2",
        "vtb-trhz 100.0.0.0/8 -> tr-attach-hz1",
        "vtb-trsh 100.0.0.0/8 -> tr-attach-peer",
    ];

    [Fact]
    public async Task Creates_the_routes_of_a_new_vpc_attachment_and_publishes_one_message_for_the_run()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment);

        using var response = await rig.InvokeAsync(CloudRig.SeedAttachmentEvent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("200", response.FcStatus());
        var report = await response.RunReportAsync();
        Assert.Equal("Repaired", report.GetProperty("outcome").GetString());
        Assert.Equal(4, report.GetProperty("applied").GetInt32());
        Assert.True(report.GetProperty("reachable").GetBoolean());
        Assert.Equal(SeedRoutes, rig.MarkedRoutes());
        rig.AssertConverged();
        var message = Assert.Single(rig.Messages());
        Assert.Equal(1, (int)message["schemaVersion"]!);
        Assert.Equal("on-attachment", (string?)message["trigger"]);
        Assert.Equal(report.GetProperty("runId").GetString(), (string?)message["runId"]);
        Assert.Equal(report.GetProperty("notification").GetProperty("messageId").GetString(), Assert.Single(rig.Cloud.Messages(CloudRig.Queue)).MessageId);
    }

    [Fact]
    public async Task Creates_the_routes_of_the_two_regions_a_new_peer_attachment_joins()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment);
        var body = CloudRig.Event("attachment-peer-created.json", ("tr-attach-uf6peer001abcd", "tr-attach-peer"), ("tr-bp1a2b3c4d5e6f7g8h9i", "tr-hz"), ("tr-uf6a1b2c3d4e5f6g7h8i", "tr-sh"));

        using var response = await rig.InvokeAsync(body);

        Assert.Equal("200", response.FcStatus());
        var report = await response.RunReportAsync();
        Assert.Equal("Repaired", report.GetProperty("outcome").GetString());
        Assert.True(report.GetProperty("reachable").GetBoolean());
        Assert.Equal(SeedRoutes, rig.MarkedRoutes());
        rig.AssertConverged();
        Assert.Equal("on-attachment", (string?)Assert.Single(rig.Messages())["trigger"]);
    }

    [Fact]
    public async Task Logs_the_whole_apply_report_of_the_run_for_the_logstore()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment);

        using var response = await rig.InvokeAsync(CloudRig.SeedAttachmentEvent(), "r-log");

        var done = JsonNode.Parse(Assert.Single(rig.Host.OutputLines, line => line.Contains("\"event\":\"run.done\"", StringComparison.Ordinal)))!;
        Assert.Equal("r-log", (string?)done["requestId"]);
        var logged = done["data"]!;
        Assert.Equal((await response.RunReportAsync()).GetProperty("runId").GetString(), (string?)logged["runId"]);
        Assert.Equal(["Applied", "Applied", "Applied", "Applied"], logged["steps"]!.AsArray().Select(s => (string?)s!["outcome"]));
        Assert.True((bool)logged["verification"]!["reachable"]!);
        Assert.Equal(CloudRig.Queue, (string?)logged["notification"]!["queue"]);
    }

    [Fact]
    public async Task Handles_the_same_event_twice_with_no_write_the_second_time()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment);
        var body = CloudRig.SeedAttachmentEvent();

        using var first = await rig.InvokeAsync(body, "r-1");
        rig.Cloud.ResetCalls();
        using var second = await rig.InvokeAsync(body, "r-2");

        Assert.Equal(["200", "200"], new[] { first.FcStatus(), second.FcStatus() });
        Assert.Equal(0, rig.NetworkWriteCalls());
        var report = await second.RunReportAsync();
        Assert.Equal("InSync", report.GetProperty("outcome").GetString());
        Assert.Equal(0, report.GetProperty("applied").GetInt32());
        Assert.Equal(SeedRoutes, rig.MarkedRoutes());
        Assert.Equal(["Repaired", "InSync"], rig.Messages().Select(m => (string?)m["outcome"]));
    }

    [Fact]
    public async Task Reconciles_the_networks_of_a_batch_in_one_run_and_ignores_the_delete()
    {
        // The VBR variant (data center idc-sh attached to tr-sh) with the seed's VPC rule added.
        var account = CloudRig.Scenario("datacenter-vbr");
        account = account with { Policy = account.Policy with { Reach = account.Policy.Reach.Add(new ReachRule(ReachSource.ForVpc("vpc-sh2"), "cri-xxxxxx")) } };
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment, account);
        var vbr = await rig.Apis.Cbn.ListAllTransitRouterVbrAttachmentsAsync(new ListTransitRouterVbrAttachmentsRequest { TransitRouterId = "tr-sh" }).ToImmutableArrayAsync();
        var batch = CloudRig.Event(
            "attachment-batch.json",
            ("tr-attach-uf6vpc0001abcd", "tr-attach-sh2"),
            ("vpc-uf6consumer0001", "vpc-sh2"),
            ("tr-uf6a1b2c3d4e5f6g7h8i", "tr-sh"),
            ("tr-attach-bp1vbr0001abcd", "tr-attach-vbr"),
            ("vbr-bp1idcexpress01", Assert.Single(vbr).VbrId!),
            ("tr-bp1a2b3c4d5e6f7g8h9i", "tr-sh"),
            ("cn-hangzhou", "cn-shanghai"));

        using var response = await rig.InvokeAsync(batch);

        Assert.Equal("200", response.FcStatus());
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("ok").GetBoolean());
        Assert.Equal(
            $"2 attachment(s): VPC attachment tr-attach-sh2 of vpc-sh2 on tr-sh in cn-shanghai; VBR attachment tr-attach-vbr of {vbr[0].VbrId} on tr-sh in cn-shanghai",
            Assert.Single(body.GetProperty("runs").EnumerateArray()).GetProperty("scope").GetString());
        Assert.Equal(3, Assert.Single(body.GetProperty("ignored").EnumerateArray()).GetProperty("index").GetInt32());
        Assert.Single(rig.Messages());
        Assert.Subset(rig.MarkedRoutes().ToHashSet(), SeedRoutes.ToHashSet());
        rig.AssertConverged();
    }

    [Theory]
    [InlineData("malformed-truncated.json")]
    [InlineData("malformed-no-event-name.json")]
    public async Task Refuses_a_malformed_event_without_calling_the_cloud(string file)
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment);

        using var response = await rig.InvokeAsync(EventFiles.Read(file));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", response.FcStatus());
        Assert.Equal("MalformedEvent", (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(0, rig.AllCalls());
        Assert.Empty(rig.MarkedRoutes());
    }

    [Fact]
    public async Task Refuses_an_oversized_body_without_calling_the_cloud()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment);
        var padded = new StringBuilder(CloudRig.SeedAttachmentEvent().TrimEnd().TrimEnd('}'))
            .Append(",\"padding\":\"").Append('x', HostConfig.DefaultMaxEventBytes).Append("\"}").ToString();

        using var response = await rig.InvokeAsync(padded);

        Assert.Equal("404", response.FcStatus());
        Assert.Equal("PayloadTooLarge", (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(0, rig.AllCalls());
        Assert.Empty(rig.MarkedRoutes());
    }

    [Fact]
    public async Task Fails_the_invocation_without_writing_when_the_attachment_never_becomes_attached()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment, configure: config => config with { ReadyTimeout = TimeSpan.FromMilliseconds(300) });
        var missing = CloudRig.SeedAttachmentEvent().Replace("tr-attach-sh2", "tr-attach-notthere", StringComparison.Ordinal);

        using var response = await rig.InvokeAsync(missing);

        Assert.Equal("404", response.FcStatus());
        var report = await response.RunReportAsync();
        Assert.Equal("NotReady", report.GetProperty("outcome").GetString());
        Assert.Contains("tr-attach-notthere", report.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, rig.NetworkWriteCalls());
        Assert.Empty(rig.MarkedRoutes());
    }

    [Fact]
    public async Task Answers_an_attachment_that_stays_unlisted_past_the_grace_as_not_found_without_a_retry()
    {
        await using var rig = await CloudRig.StartAsync(
            FunctionKind.OnAttachment,
            configure: config => config with { ReadyTimeout = TimeSpan.FromSeconds(20) },
            runOptions: runs => runs with { NotFoundGrace = TimeSpan.FromMilliseconds(200) });
        var missing = CloudRig.SeedAttachmentEvent().Replace("tr-attach-sh2", "tr-attach-notthere", StringComparison.Ordinal);

        using var response = await rig.InvokeAsync(missing);

        Assert.Equal("200", response.FcStatus());
        var report = await response.RunReportAsync();
        Assert.Equal("NotFound", report.GetProperty("outcome").GetString());
        Assert.Contains("tr-attach-notthere", report.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, rig.NetworkWriteCalls());
        Assert.Empty(rig.MarkedRoutes());
    }
}

/// <summary>
/// A burst of attachment events in one invocation, against the real engine on the local cloud, counted through the local
/// cloud's calls: the seed with more consumer VPCs in Shanghai, all behind the same two transit-router tables.
/// </summary>
public sealed class AttachmentBurstOnLocalCloudTests
{
    private const int Consumers = 4;

    [Fact]
    public async Task A_burst_runs_once_reading_the_shared_transit_router_tables_as_one_event_does_and_writing_each_route_once()
    {
        var account = SeedWithConsumers(Consumers);
        var single = await CountedAsync(account, [Attached(2)]);
        var burst = await CountedAsync(account, [.. Enumerable.Range(2, Consumers).Select(Attached)]);

        Assert.Equal(("200", 1), (burst.FcStatus, burst.Runs));
        Assert.Equal(1, burst.Messages);
        Assert.Equal(single.Calls["ListTransitRouterRouteEntries"] - single.Calls["CreateTransitRouterRouteEntry"], burst.Calls["ListTransitRouterRouteEntries"] - burst.Calls["CreateTransitRouterRouteEntry"]);
        Assert.Equal(single.Calls["ListTransitRouterRouteTables"], burst.Calls["ListTransitRouterRouteTables"]);

        // Each further VPC adds only the association of its own attachment, once in each of the run's two reads (before, verify).
        Assert.Equal(single.Calls["ListTransitRouterRouteTableAssociations"] + ((Consumers - 1) * 2), burst.Calls["ListTransitRouterRouteTableAssociations"]);
        var planned = Core.Planning.Planner.Plan(account).Actions;
        Assert.Equal(planned.OfType<Core.Planning.CreateTransitRoute>().Count(), burst.Calls["CreateTransitRouterRouteEntry"]);
        Assert.Equal(2 * Consumers, planned.OfType<Core.Planning.CreateVpcRoute>().Count());

        // A VPC's routes are one write (CreateRouteEntries).
        Assert.Equal(planned.OfType<Core.Planning.CreateVpcRoute>().Select(r => r.VpcId).Distinct().Count(), burst.Calls["CreateRouteEntries"]);
        Assert.Equal(Consumers, burst.Calls["CreateRouteEntries"]);
        Assert.False(burst.Calls.ContainsKey("CreateRouteEntry"));
        Assert.Empty(burst.RateLimited);
        Assert.True(burst.Converged);
    }

    private sealed record Counted(string? FcStatus, int Runs, int Messages, IReadOnlyDictionary<string, int> Calls, IReadOnlyDictionary<string, int> RateLimited, bool Converged);

    private static async Task<Counted> CountedAsync(Account account, IReadOnlyList<JsonNode> events)
    {
        // Writes in force at once: the applier's looks after a write do not depend on timing, so the counts are exact.
        await using var rig = await CloudRig.StartAsync(FunctionKind.OnAttachment, account, cloudOptions: o => o with { SettleTime = TimeSpan.Zero });
        rig.Cloud.ResetCalls();
        using var response = await rig.InvokeAsync(events.Count == 1 ? events[0].ToJsonString() : new JsonArray([.. events]).ToJsonString());
        var runs = (await response.JsonAsync()).GetProperty("runs").GetArrayLength();
        var after = rig.Cloud.Snapshot();
        var converged = Enumerable.Range(2, Consumers).Take(events.Count).All(i =>
            Core.Planning.Planner.Plan(after, Core.Planning.PlanScope.ForSource($"vpc-sh{i}")).Actions.IsEmpty
            && Core.Planning.Planner.Verify(after, Core.Planning.PlanScope.ForSource($"vpc-sh{i}")).Reachable);
        return new Counted(response.FcStatus(), runs, rig.Messages().Count, new Dictionary<string, int>(rig.Cloud.Calls()), rig.Cloud.RateLimited(), converged);
    }

    /// <summary>The seed's attachment event (attachment-vpc-created.json) for consumer vpc-sh{i}.</summary>
    private static JsonNode Attached(int i) => JsonNode.Parse(CloudRig.Event(
        "attachment-vpc-created.json",
        ("tr-attach-uf6vpc0001abcd", $"tr-attach-sh{i}"),
        ("vpc-uf6consumer0001", $"vpc-sh{i}"),
        ("tr-uf6a1b2c3d4e5f6g7h8i", "tr-sh")))!;

    /// <summary>The seed with vpc-sh2 copied as vpc-sh3.. (172.(14+i).0.0/16), each attached to tr-sh, propagated, and wanting cri-xxxxxx.</summary>
    private static Account SeedWithConsumers(int count)
    {
        var seed = CloudRig.Seed();
        var template = seed.FindVpc("vpc-sh2")!;
        var copies = Enumerable.Range(3, count - 1).Select(i =>
        {
            var text = $"172.{14 + i}";
            IPNetwork Moved(IPNetwork n) => Core.Addressing.Cidr.Parse(Core.Addressing.Cidr.Format(n).Replace("172.16", text, StringComparison.Ordinal));
            return template with
            {
                Id = $"vpc-sh{i}",
                Cidrs = [.. template.Cidrs.Select(Moved)],
                VSwitches = [.. template.VSwitches.Select(s => s with { Id = $"{s.Id}-{i}", Cidr = Moved(s.Cidr), RouteTableId = $"vtb-sh{i}" })],
                RouteTables = [.. template.RouteTables.Select(t => t with
                {
                    Id = $"vtb-sh{i}",
                    Entries = [.. t.Entries.Select(e => e with { Destination = Moved(e.Destination), NextHopId = e.NextHopId == "tr-attach-sh2" ? $"tr-attach-sh{i}" : e.NextHopId })],
                })],
            };
        }).ToList();
        var routers = seed.TransitRouters.Select(r => r.Id == "tr-sh"
            ? r with
            {
                Attachments = r.Attachments.AddRange(copies.Select(c => new Attachment($"tr-attach-{c.Id[4..]}", AttachmentType.Vpc, c.Id, null, null))),
                RouteTables = [.. r.RouteTables.Select(t => t with
                {
                    Associations = t.Associations.AddRange(copies.Select(c => $"tr-attach-{c.Id[4..]}")),
                    Entries = t.Entries.AddRange(copies.Select(c => new TransitRouteEntry(c.Cidrs[0], TransitNextHopType.Attachment, $"tr-attach-{c.Id[4..]}", RouteOrigin.Propagated))),
                })],
            }
            : r with { RouteTables = [.. r.RouteTables.Select(t => t with { Entries = t.Entries.AddRange(copies.Select(c => new TransitRouteEntry(c.Cidrs[0], TransitNextHopType.Attachment, "tr-attach-peer", RouteOrigin.Propagated))) })] }).ToImmutableArray();
        return seed with
        {
            Vpcs = seed.Vpcs.AddRange(copies),
            TransitRouters = routers,
            Policy = seed.Policy with { Reach = seed.Policy.Reach.AddRange(copies.Select(c => new ReachRule(ReachSource.ForVpc(c.Id), "cri-xxxxxx"))) },
        };
    }
}
