using System.Net;
using System.Text.Json.Nodes;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Topology;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.Functions;

// The host's own behaviour, with a recording engine double. The same events against the real engine on the local
// cloud: EndToEnd/OnAttachmentOnLocalCloudTests.
public sealed class OnAttachmentTests
{
    [Theory]
    [InlineData("attachment-vpc-created.json", AttachmentType.Vpc, "tr-attach-uf6vpc0001abcd", "vpc-uf6consumer0001", "tr-uf6a1b2c3d4e5f6g7h8i", "cn-shanghai")]
    [InlineData("attachment-vbr-created.json", AttachmentType.Vbr, "tr-attach-bp1vbr0001abcd", "vbr-bp1idcexpress01", "tr-bp1a2b3c4d5e6f7g8h9i", "cn-hangzhou")]
    [InlineData("attachment-vpn-created.json", AttachmentType.Vpn, "tr-attach-bp1vpn0001abcd", "vco-bp1idcipsec001", "tr-bp1a2b3c4d5e6f7g8h9i", "cn-hangzhou")]
    [InlineData("attachment-peer-created.json", AttachmentType.Peer, "tr-attach-uf6peer001abcd", "tr-bp1a2b3c4d5e6f7g8h9i", "tr-uf6a1b2c3d4e5f6g7h8i", "cn-shanghai")]
    public async Task Reconciles_the_network_of_a_new_attachment_after_waiting_for_it(
        string file, AttachmentType kind, string attachmentId, string networkId, string transitRouterId, string region)
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);

        using var response = await host.InvokeAsync(EventFiles.Read(file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("200", response.FcStatus());
        var request = Assert.Single(host.Engine.Reconciles);
        Assert.Equal(new AttachmentNetwork(kind, attachmentId, networkId, transitRouterId, region), request.Scope);
        Assert.Equal(Triggers.OnAttachment, request.Trigger);
        Assert.Equal(ReconcileMode.Repair, request.Mode);
        Assert.Equal(TimeSpan.FromMinutes(5), request.ReadyTimeout);
        var run = Assert.Single((await response.JsonAsync()).GetProperty("runs").EnumerateArray());
        Assert.Equal("Repaired", run.GetProperty("report").GetProperty("outcome").GetString());
        Assert.Equal("run-0001", run.GetProperty("report").GetProperty("runId").GetString());
    }

    [Fact]
    public async Task Handles_the_same_event_twice_by_asking_for_the_same_level_based_run_twice()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);
        var body = EventFiles.Read("attachment-vpc-created.json");

        using var first = await host.InvokeAsync(body, "r-1");
        using var second = await host.InvokeAsync(body, "r-2");

        Assert.Equal("200", first.FcStatus());
        Assert.Equal("200", second.FcStatus());
        var requests = host.Engine.Reconciles.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(requests[0], requests[1]);
    }

    [Fact]
    public async Task Reconciles_the_attachments_of_a_batch_in_one_run_and_ignores_events_it_has_no_work_for()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);

        using var response = await host.InvokeAsync(EventFiles.Read("attachment-batch.json"));

        Assert.Equal("200", response.FcStatus());
        var merged = Assert.IsType<AttachedNetworks>(Assert.Single(host.Engine.Reconciles).Scope);
        Assert.Equal(["tr-attach-uf6vpc0001abcd", "tr-attach-bp1vbr0001abcd"], merged.Attachments.Select(a => a.AttachmentId));
        var ignored = Assert.Single((await response.JsonAsync()).GetProperty("ignored").EnumerateArray());
        Assert.Equal(3, ignored.GetProperty("index").GetInt32());
        Assert.Contains("DeleteTransitRouterVbrAttachment", ignored.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconciles_a_burst_delivered_as_one_event_streaming_batch_in_one_run_over_every_attachment_in_order()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);

        using var response = await host.InvokeAsync(EventFiles.Read("attachment-burst.json"));

        Assert.Equal("200", response.FcStatus());
        var merged = Assert.IsType<AttachedNetworks>(Assert.Single(host.Engine.Reconciles).Scope);
        Assert.Equal(
            ["vpc-uf6burst0001", "vpc-uf6burst0002", "tr-bp1a2b3c4d5e6f7g8h9i", "vpc-uf6burst0003", "vpc-uf6burst0004"],
            merged.Attachments.Select(a => a.NetworkId));
        Assert.Equal(AttachmentType.Peer, merged.Attachments[2].Type);
        Assert.All(merged.Attachments, a => Assert.Equal("tr-uf6a1b2c3d4e5f6g7h8i", a.TransitRouterId));
        Assert.Single((await response.JsonAsync()).GetProperty("runs").EnumerateArray());
    }

    [Fact]
    public async Task Waits_for_readiness_at_most_the_ready_timeout_per_invocation_however_many_attachments_a_batch_names()
    {
        // Each run of a batch used to get the whole wait: three attachments still Attaching took three times the
        // wait, past the function's timeout (s.yaml: 600 s against a 300 s wait), so FC killed the invocation unanswered.
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);
        host.Engine.Outcome = ReconcileOutcome.NotReady;
        host.Engine.DuringReconcile = request => host.Time.Advance(request.ReadyTimeout);

        using var response = await host.InvokeAsync(AttachmentAndRegionBatch());

        Assert.Equal("404", response.FcStatus());
        Assert.Equal(2, host.Engine.Reconciles.Count);
        var waits = host.Engine.Reconciles.Select(r => r.ReadyTimeout).ToList();
        Assert.Equal(TimeSpan.FromMinutes(5), waits[0]);

        // Still above zero: zero would tell the engine to skip the readiness check and reconcile an attachment still Attaching.
        Assert.InRange(waits[1], TimeSpan.FromTicks(1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Gives_a_later_run_of_a_batch_what_is_left_of_the_wait()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);
        host.Engine.DuringReconcile = _ => host.Time.Advance(TimeSpan.FromMinutes(2));

        using var response = await host.InvokeAsync(AttachmentAndRegionBatch());

        Assert.Equal("200", response.FcStatus());
        Assert.Equal([TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(3)], host.Engine.Reconciles.Select(r => r.ReadyTimeout));
    }

    [Fact]
    public async Task Reads_a_raw_data_body_like_the_full_cloud_event()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);

        using var raw = await host.InvokeAsync(EventFiles.Read("attachment-rawdata.json"), "r-1");
        using var envelope = await host.InvokeAsync(EventFiles.Read("attachment-vpc-created.json"), "r-2");

        Assert.Equal("200", raw.FcStatus());
        var scopes = host.Engine.Reconciles.Select(r => r.Scope).ToArray();
        Assert.Equal(scopes[1], scopes[0]);
    }

    [Fact]
    public async Task Opens_parameters_that_arrive_as_json_strings()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);
        var stringified = EventFiles.Node("attachment-vpc-created.json");
        var data = stringified["data"]!;
        data["requestParameters"] = data["requestParameters"]!.ToJsonString();
        data["responseElements"] = data["responseElements"]!.ToJsonString();
        data.AsObject().Remove("referencedResources");

        using var response = await host.InvokeAsync(stringified.ToJsonString());

        Assert.Equal(
            new AttachmentNetwork(AttachmentType.Vpc, "tr-attach-uf6vpc0001abcd", "vpc-uf6consumer0001", "tr-uf6a1b2c3d4e5f6g7h8i", "cn-shanghai"),
            Assert.Single(host.Engine.Reconciles).Scope);
    }

    /// <summary>Two runs that do not merge: an attachment, and an event naming only a region (which does not absorb it).</summary>
    private static string AttachmentAndRegionBatch() => new JsonArray(EventFiles.Node("attachment-vpc-created.json"), RegionOnly(EventFiles.Node("attachment-vbr-created.json"))).ToJsonString();

    private static JsonNode RegionOnly(JsonNode cloudEvent)
    {
        var data = cloudEvent["data"]!.AsObject();
        data["requestParameters"] = new JsonObject { ["RegionId"] = "cn-shanghai" };
        data["responseElements"] = new JsonObject();
        data.Remove("referencedResources");
        return cloudEvent;
    }

    [Fact]
    public async Task Falls_back_to_the_region_when_the_event_names_neither_attachment_nor_network()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);
        var bare = EventFiles.Node("attachment-vpc-created.json");
        var data = bare["data"]!.AsObject();
        data["requestParameters"] = new JsonObject { ["RegionId"] = "cn-shanghai" };
        data["responseElements"] = new JsonObject();
        data.Remove("referencedResources");

        using var response = await host.InvokeAsync(bare.ToJsonString());

        Assert.Equal("200", response.FcStatus());
        Assert.Equal(new RegionNetworks("cn-shanghai"), Assert.Single(host.Engine.Reconciles).Scope);
    }

    [Theory]
    [InlineData("attachment-create-failed.json", "QuotaExceeded.TransitRouterAttachment")]
    [InlineData("registry-created.json", "Create does not create")]
    public async Task Ignores_events_with_nothing_to_reconcile_without_calling_the_engine(string file, string reason)
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);

        using var response = await host.InvokeAsync(EventFiles.Read(file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("200", response.FcStatus());
        Assert.Equal(0, host.Engine.CallCount);
        Assert.Contains(reason, (await response.JsonAsync()).GetProperty("ignored")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReconcileOutcome.NotReady)]
    [InlineData(ReconcileOutcome.PartiallyApplied)]
    [InlineData(ReconcileOutcome.Failed)]
    public async Task Fails_the_invocation_so_fc_retries_it_a_bounded_number_of_times_when_the_run_did_not_finish(ReconcileOutcome outcome)
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);
        host.Engine.Outcome = outcome;

        using var response = await host.InvokeAsync(EventFiles.Read("attachment-vpc-created.json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", response.FcStatus());
        var body = await response.JsonAsync();
        Assert.False(body.GetProperty("ok").GetBoolean());
        Assert.Equal(outcome.ToString(), body.GetProperty("runs")[0].GetProperty("report").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Succeeds_when_the_network_was_already_in_sync()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);
        host.Engine.Outcome = ReconcileOutcome.InSync;

        using var response = await host.InvokeAsync(EventFiles.Read("attachment-vpc-created.json"));

        Assert.Equal("200", response.FcStatus());
    }
}
