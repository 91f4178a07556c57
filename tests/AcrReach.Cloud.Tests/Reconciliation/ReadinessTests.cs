using System.Collections.Concurrent;
using System.Net;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Cloud.Tests.Support;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Tests.Reconciliation;

public sealed class ReadinessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly AttachmentNetwork VpcAttachment = new(AttachmentType.Vpc, "tr-attach-1", "vpc-sh2", "tr-sh", "cn-shanghai");

    private static readonly RegistryNetworks ShanghaiRegistry = new("cri-1", "cn-shanghai");

    private readonly TestCloud _cloud = new();
    private readonly ConcurrentQueue<string> _progress = new();

    public void Dispose() => _cloud.Dispose();

    public static TheoryData<ReconcileScope> ScopesWithNothingToWaitFor() =>
    [
        WholeAccount.Instance,
        new RegionNetworks("cn-shanghai"),
        new TransitRouterNetworks("cn-shanghai", "tr-sh"),
        new OneNetwork("vpc-sh2"),
        new RegistryNetworks(null, "cn-shanghai"),
        new AttachmentNetwork(AttachmentType.Vbr, null, "vbr-1", "tr-sh", "cn-shanghai"),
        new AttachmentNetwork(AttachmentType.Vpc, null, "vpc-sh2", null, null),
        new AttachmentNetwork(AttachmentType.Vpc, null, null, "tr-sh", "cn-shanghai"),
    ];

    [Theory]
    [MemberData(nameof(ScopesWithNothingToWaitFor))]
    public async Task Scope_without_one_resource_to_watch_is_ready_without_asking(ReconcileScope scope)
    {
        var (state, reason) = await Wait(scope);

        Assert.Equal(ReadyState.Ready, state);
        Assert.Null(reason);
        Assert.Empty(_cloud.Handler.Sent);
    }

    [Fact]
    public async Task Attached_attachment_is_ready_at_the_first_look()
    {
        AnswerAttachment("Attached");

        var (state, reason) = await Wait(VpcAttachment);

        Assert.Equal(ReadyState.Ready, state);
        Assert.Null(reason);
        var sent = Assert.Single(_cloud.Handler.Sent);
        Assert.Equal("ListTransitRouterVpcAttachments", sent.Header("x-acs-action"));
        Assert.Equal(("tr-attach-1", "tr-sh", "vpc-sh2"), (sent.Query["TransitRouterAttachmentId"], sent.Query["TransitRouterId"], sent.Query["VpcId"]));
        Assert.False(sent.Query.ContainsKey("RegionId"));
    }

    [Fact]
    public async Task Attaching_attachment_is_polled_with_growing_pauses_until_attached()
    {
        AnswerAttachment("Attaching", "Attaching", "Attaching", "Attached");

        var (state, _) = await Wait(VpcAttachment, new ReconcilerOptions { ReadyPoll = TimeSpan.FromSeconds(1), MaxReadyPoll = TimeSpan.FromSeconds(2), Progress = _progress.Enqueue });

        Assert.Equal(ReadyState.Ready, state);
        Assert.Equal(4, _cloud.Handler.Sent.Count);
        Assert.Equal(3, _progress.Count);
        Assert.All(_progress, p => Assert.Equal("waiting for the attachment to be Attached (now Attaching)", p));
        // Pauses of 1 s, 2 s, then 2 s (capped): at least 5 s passed on the clock.
        Assert.True(_cloud.Time.GetUtcNow() - TestCloud.Start >= TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("Detaching")]
    [InlineData("Detached")]
    [InlineData("detached")]
    public async Task Ending_attachment_is_gone_at_once(string status)
    {
        AnswerAttachment(status);

        var (state, reason) = await Wait(VpcAttachment);

        Assert.Equal(ReadyState.Gone, state);
        Assert.Contains($"is {status}", reason);
        Assert.Single(_cloud.Handler.Sent);
    }

    [Fact]
    public async Task Attachment_still_attaching_at_the_deadline_is_not_ready()
    {
        AnswerAttachment("Attaching");

        var (state, reason) = await Wait(VpcAttachment);

        Assert.Equal(ReadyState.NotReady, state);
        Assert.Equal($"the attachment of {VpcAttachment.Describe()} was Attaching after waiting 30 s for Attached", reason);
        Assert.True(_cloud.Time.GetUtcNow() - TestCloud.Start <= Timeout);
    }

    [Fact]
    public async Task Attachment_never_listed_is_gone_after_the_grace()
    {
        AnswerAttachment();

        var (state, reason) = await Wait(VpcAttachment, new ReconcilerOptions { ReadyPoll = TimeSpan.FromSeconds(1), MaxReadyPoll = TimeSpan.FromSeconds(1), NotFoundGrace = TimeSpan.FromSeconds(5) });

        Assert.Equal(ReadyState.Gone, state);
        Assert.Contains("was not found after 5 s", reason);
        Assert.Equal(6, _cloud.Handler.Sent.Count);
    }

    [Fact]
    public async Task Attachment_not_listed_within_a_shorter_timeout_is_not_ready_rather_than_gone()
    {
        AnswerAttachment();

        var (state, reason) = await Wait(VpcAttachment, new ReconcilerOptions { NotFoundGrace = TimeSpan.FromMinutes(5) });

        Assert.Equal(ReadyState.NotReady, state);
        Assert.Contains("was not found after waiting 30 s for Attached", reason);
    }

    [Fact]
    public async Task Attachment_listed_for_another_vpc_does_not_count()
    {
        _cloud.Handler.Fallback = _ => Json(Attachments(("tr-attach-1", "vpc-other", "Attached")));

        var (state, _) = await Wait(VpcAttachment, new ReconcilerOptions { NotFoundGrace = TimeSpan.FromSeconds(5) });

        Assert.Equal(ReadyState.Gone, state);
    }

    [Fact]
    public async Task Vpc_attachment_without_its_id_is_found_by_vpc_in_the_region()
    {
        _cloud.Handler.Fallback = _ => Json(Attachments(("tr-attach-9", "vpc-other", "Detached"), ("tr-attach-1", "vpc-sh2", "Attached")));

        var (state, _) = await Wait(new AttachmentNetwork(AttachmentType.Vpc, null, "vpc-sh2", null, "cn-shanghai"));

        Assert.Equal(ReadyState.Ready, state);
        var sent = Assert.Single(_cloud.Handler.Sent);
        Assert.Equal(("cn-shanghai", "vpc-sh2"), (sent.Query["RegionId"], sent.Query["VpcId"]));
    }

    [Theory]
    [InlineData(AttachmentType.Vbr, "ListTransitRouterVbrAttachments")]
    [InlineData(AttachmentType.Vpn, "ListTransitRouterVpnAttachments")]
    [InlineData(AttachmentType.Peer, "ListTransitRouterPeerAttachments")]
    public async Task Other_attachments_are_looked_up_by_their_kind(AttachmentType type, string action)
    {
        AnswerAttachment("Attached");

        var (state, _) = await Wait(new AttachmentNetwork(type, "tr-attach-1", null, "tr-sh", null));

        Assert.Equal(ReadyState.Ready, state);
        Assert.Equal(action, Assert.Single(_cloud.Handler.Sent).Header("x-acs-action"));
    }

    [Fact]
    public async Task Running_registry_is_ready()
    {
        AnswerRegistry("RUNNING");

        var (state, reason) = await Wait(ShanghaiRegistry);

        Assert.Equal(ReadyState.Ready, state);
        Assert.Null(reason);
        var sent = Assert.Single(_cloud.Handler.Sent);
        Assert.Equal(("GetInstance", "cr.cn-shanghai.aliyuncs.com"), (sent.Header("x-acs-action"), sent.Header("host")));
    }

    [Fact]
    public async Task Starting_registry_is_waited_for()
    {
        AnswerRegistry("PENDING", "STARTING", "RUNNING");

        var (state, _) = await Wait(ShanghaiRegistry);

        Assert.Equal(ReadyState.Ready, state);
        Assert.Equal(3, _cloud.Handler.Sent.Count);
    }

    [Theory]
    [InlineData("STOPPED")]
    [InlineData("DELETING")]
    [InlineData("INIT_ERROR")]
    public async Task Ended_registry_is_gone(string status)
    {
        AnswerRegistry(status);

        var (state, reason) = await Wait(ShanghaiRegistry);

        Assert.Equal(ReadyState.Gone, state);
        Assert.Equal($"the registry of registry cri-1 in cn-shanghai is {status}: nothing to reconcile", reason);
    }

    [Fact]
    public async Task Registry_the_cloud_says_does_not_exist_is_gone_after_the_grace()
    {
        _cloud.Handler.Fallback = _ => Json("""{ "Code": "INSTANCE_NOT_EXIST", "IsSuccess": false, "RequestId": "r" }""");

        var (state, reason) = await Wait(ShanghaiRegistry, new ReconcilerOptions { NotFoundGrace = TimeSpan.FromSeconds(5) });

        Assert.Equal(ReadyState.Gone, state);
        Assert.Contains("was not found", reason);
    }

    [Fact]
    public async Task Other_registry_errors_are_not_taken_for_absence()
    {
        _cloud.Handler.Fallback = _ => Json("""{ "Code": "Forbidden.RAM", "Message": "no", "RequestId": "r" }""", HttpStatusCode.Forbidden);

        await Assert.ThrowsAsync<AcrReach.Cloud.OpenApi.CloudApiException>(() => Wait(ShanghaiRegistry));
    }

    [Fact]
    public async Task Registry_without_a_region_is_found_among_the_regions_container_registry_serves()
    {
        _cloud.Handler.Fallback = sent => (sent.Header("x-acs-action"), sent.Header("host")) switch
        {
            ("ListInstanceRegion", _) => Json("""{ "IsSuccess": true, "Regions": [{ "RegionId": "cn-hangzhou" }, { "RegionId": "cn-beijing" }] }"""),
            ("ListInstance", "cr.cn-hangzhou.aliyuncs.com") => Json("""{ "IsSuccess": true, "TotalCount": 1, "Instances": [{ "InstanceId": "cri-other", "RegionId": "cn-hangzhou" }] }"""),
            ("ListInstance", "cr.cn-beijing.aliyuncs.com") => Json("""{ "IsSuccess": true, "TotalCount": 1, "Instances": [{ "InstanceId": "cri-1", "RegionId": "cn-beijing" }] }"""),
            ("GetInstance", "cr.cn-beijing.aliyuncs.com") => Json("""{ "IsSuccess": true, "InstanceId": "cri-1", "InstanceStatus": "RUNNING" }"""),
            var other => throw new InvalidOperationException($"unexpected {other}"),
        };

        var (state, _) = await Wait(new RegistryNetworks("cri-1", null));

        Assert.Equal(ReadyState.Ready, state);
    }

    [Fact]
    public async Task Registry_in_no_region_is_gone_after_the_grace()
    {
        _cloud.Handler.Fallback = sent => sent.Header("x-acs-action") switch
        {
            "ListInstanceRegion" => Json("""{ "IsSuccess": true, "Regions": [{ "RegionId": "cn-hangzhou" }] }"""),
            "ListInstance" => Json("""{ "IsSuccess": true, "TotalCount": 0, "Instances": [] }"""),
            var other => throw new InvalidOperationException($"unexpected {other}"),
        };

        var (state, reason) = await Wait(new RegistryNetworks("cri-1", null), new ReconcilerOptions { NotFoundGrace = TimeSpan.FromSeconds(5) });

        Assert.Equal(ReadyState.Gone, state);
        Assert.Contains("not found", reason);
        Assert.DoesNotContain(_cloud.Handler.Sent, s => s.Header("x-acs-action") == "GetInstance");
    }

    private Task<(ReadyState State, string? Reason)> Wait(ReconcileScope scope, ReconcilerOptions? options = null) =>
        _cloud.Settle(new Readiness(_cloud.Apis, options ?? new ReconcilerOptions { ReadyPoll = TimeSpan.FromSeconds(1), MaxReadyPoll = TimeSpan.FromSeconds(4) }, _cloud.Time)
            .WaitAsync(scope, Timeout, CancellationToken.None));

    // The statuses of tr-attach-1 (of vpc-sh2) at each look, the last one repeated; none: never listed.
    private void AnswerAttachment(params string[] statuses)
    {
        var looks = 0;
        _cloud.Handler.Fallback = _ =>
        {
            var look = Interlocked.Increment(ref looks) - 1;
            return Json(statuses.Length == 0 ? Attachments() : Attachments(("tr-attach-1", "vpc-sh2", statuses[Math.Min(look, statuses.Length - 1)])));
        };
    }

    private void AnswerRegistry(params string[] statuses)
    {
        var looks = 0;
        _cloud.Handler.Fallback = _ =>
        {
            var look = Interlocked.Increment(ref looks) - 1;
            return Json($$"""{ "IsSuccess": true, "InstanceId": "cri-1", "InstanceStatus": "{{statuses[Math.Min(look, statuses.Length - 1)]}}" }""");
        };
    }

    private static string Attachments(params (string Id, string Vpc, string Status)[] items) =>
        $$"""{ "RequestId": "R", "TransitRouterAttachments": [{{string.Join(",", items.Select(i => $$"""{ "TransitRouterAttachmentId": "{{i.Id}}", "TransitRouterId": "tr-sh", "VpcId": "{{i.Vpc}}", "Status": "{{i.Status}}" }"""))}}] }""";

    private static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        FakeHandler.Respond(status, body, "application/json");
}
