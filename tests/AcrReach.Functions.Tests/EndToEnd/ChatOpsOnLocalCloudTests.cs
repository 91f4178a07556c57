using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.EndToEnd;

/// <summary>The chat function with the real engine on the local cloud: plan, approve by plan id, refuse anything unsigned.</summary>
public sealed partial class ChatOpsOnLocalCloudTests
{
    [Fact]
    public async Task Plan_then_apply_of_its_plan_id_creates_the_routes()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.Chatops);

        using var plan = await rig.ChatAsync("plan vpc-sh2 cri-xxxxxx", "chat-1");
        var (_, planText) = await plan.MarkdownAsync();
        var writesWhilePlanning = rig.NetworkWriteCalls();
        var planId = ApprovalId(planText);
        using var apply = await rig.ChatAsync($"apply {planId}", "chat-2");
        var (title, text) = await apply.MarkdownAsync();

        Assert.Equal(0, writesWhilePlanning);
        Assert.StartsWith("vpc-sh2:cri-xxxxxx:plan-", planId, StringComparison.Ordinal);
        Assert.Contains("100.118.28.43/32", planText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        Assert.Equal($"Applied {planId[(planId.LastIndexOf(':') + 1)..]}", title);
        Assert.Contains("outcome: **Repaired**", text, StringComparison.Ordinal);
        Assert.Equal(OnAttachmentOnLocalCloudTests.SeedRoutes, rig.MarkedRoutes());
        rig.AssertConverged();
        Assert.Equal("chatops", (string?)Assert.Single(rig.Messages())["trigger"]);
    }

    [Fact]
    public async Task Apply_with_a_stale_plan_id_writes_nothing_and_shows_the_new_plan()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.Chatops);
        using var plan = await rig.ChatAsync("plan vpc-sh2", "chat-1");
        var staleId = ApprovalId((await plan.MarkdownAsync()).Text);
        using var control = new HttpClient { BaseAddress = rig.Cloud.Endpoint };
        (await control.PutAsJsonAsync("_local/resolve", new { region = "cn-hangzhou", name = "oss-cn-hangzhou-internal.aliyuncs.com", address = "100.118.28.99" })).EnsureSuccessStatusCode();
        rig.Cloud.ResetCalls();

        using var apply = await rig.ChatAsync($"apply {staleId}", "chat-2");
        var (title, text) = await apply.MarkdownAsync();

        Assert.Equal("Plan changed: nothing applied", title);
        var newId = ApprovalId(text);
        Assert.NotEqual(staleId, newId);
        Assert.StartsWith("vpc-sh2:plan-", newId, StringComparison.Ordinal);
        Assert.Contains("100.118.28.99/32", text, StringComparison.Ordinal);
        Assert.Equal(0, rig.NetworkWriteCalls());
        Assert.Empty(rig.MarkedRoutes());
        Assert.Empty(rig.Messages());
    }

    [Fact]
    public async Task Status_and_explain_read_the_cloud_and_change_nothing()
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.Chatops);

        using var status = await rig.ChatAsync("status", "chat-1");
        using var explain = await rig.ChatAsync("explain vpc-sh2", "chat-2");
        using var unknown = await rig.ChatAsync("explain vpc-nowhere", "chat-3");

        Assert.Contains("vpc-sh2 -> cri-xxxxxx: **not reachable** (4 actions pending, 0 error findings)", (await status.MarkdownAsync()).Text, StringComparison.Ordinal);
        var paths = (await explain.MarkdownAsync()).Text;
        Assert.Contains("vpc-sh2 -> cri-xxxxxx", paths, StringComparison.Ordinal);
        Assert.Contains("breaks here", paths, StringComparison.Ordinal);
        Assert.Contains("No reach rule starts at vpc-nowhere**: nothing was planned or applied.\n\nNetworks with reach rules: vpc-sh2", (await unknown.MarkdownAsync()).Text, StringComparison.Ordinal);
        Assert.Equal(0, rig.NetworkWriteCalls());
        Assert.Empty(rig.Messages());
    }

    public static TheoryData<string> Refusals => ["unsigned", "badly signed", "expired", "replayed"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refuses_an_apply_that_is_not_correctly_signed_before_any_cloud_call(string how)
    {
        await using var rig = await CloudRig.StartAsync(FunctionKind.Chatops);
        using var plan = await rig.ChatAsync("plan vpc-sh2", "chat-1");
        var body = Robot.Message($"apply {ApprovalId((await plan.MarkdownAsync()).Text)}");
        rig.Host.Time.Advance(TimeSpan.FromSeconds(1));
        var now = rig.Host.Time.GetUtcNow();
        var timestamp = Robot.Timestamp(now);
        var (stamp, sign) = how switch
        {
            "unsigned" => (null, null),
            "badly signed" => (timestamp, Robot.Sign("SECsomeoneElsesSecret", timestamp)),
            "expired" => (Robot.Timestamp(now.AddHours(-2)), Robot.Sign(HostUnderTest.ChatSecret, Robot.Timestamp(now.AddHours(-2)))),
            _ => (timestamp, Robot.Sign(HostUnderTest.ChatSecret, timestamp)),
        };
        if (how == "replayed")
        {
            using var original = await rig.Host.Client.SendAsync(WithRole(Robot.Request(rig.Host.Address, Robot.Message("help"), stamp, sign, "chat-2")));
            Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        }

        rig.Cloud.ResetCalls();

        using var response = await rig.Host.Client.SendAsync(WithRole(Robot.Request(rig.Host.Address, body, stamp, sign, "chat-3")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("SignatureRefused", (await response.JsonAsync()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(0, rig.AllCalls());
        Assert.Empty(rig.MarkedRoutes());
        Assert.Empty(rig.Messages());
    }

    private static HttpRequestMessage WithRole(HttpRequestMessage request)
    {
        foreach (var (name, value) in CloudRig.RoleHeaders)
        {
            request.Headers.Add(name, value);
        }

        return request;
    }

    /// <summary>The plan id the answer asks to approve with <c>apply</c>.</summary>
    private static string ApprovalId(string answer) =>
        ApplyHint().Match(answer) is { Success: true } match ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException($"no plan id in:\n{answer}");

    [GeneratedRegex(@"`apply ([^`]+)`")]
    private static partial Regex ApplyHint();
}
