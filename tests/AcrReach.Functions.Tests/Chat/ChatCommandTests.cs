using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Topology;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.Chat;

// The host's own behaviour, with a recording engine double; plan/apply on the local cloud: EndToEnd/ChatOpsOnLocalCloudTests.
public sealed class ChatCommandTests
{
    [Fact]
    public async Task Plans_a_network_toward_a_registry_and_answers_the_plan_id_to_apply()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);
        var planId = host.Engine.Planned(new OneNetwork("vpc-sh2", "cri-xxxxxx")).Plan.PlanId;

        using var response = await host.Client.SendAsync(Robot.Signed(host, "plan vpc-sh2 cri-xxxxxx"));

        var (title, text) = await response.MarkdownAsync();
        Assert.Equal(new OneNetwork("vpc-sh2", "cri-xxxxxx"), Assert.Single(host.Engine.Plans).Scope);
        Assert.Equal("Plan for vpc-sh2 -> cri-xxxxxx", title);
        Assert.Contains($"plan id: **vpc-sh2:cri-xxxxxx:{planId}**", text, StringComparison.Ordinal);
        Assert.Contains($"`apply vpc-sh2:cri-xxxxxx:{planId}`", text, StringComparison.Ordinal);
        Assert.Contains("100.0.0.0/8", text, StringComparison.Ordinal);
        Assert.Empty(host.Engine.ApplyRequests);
    }

    [Fact]
    public async Task Applies_a_plan_whose_id_is_unchanged()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);
        var scope = new OneNetwork("vpc-sh2", "cri-xxxxxx");
        var planId = host.Engine.Planned(scope).Plan.PlanId;

        using var response = await host.Client.SendAsync(Robot.Signed(host, $"apply vpc-sh2:cri-xxxxxx:{planId}"));

        var (title, text) = await response.MarkdownAsync();
        Assert.Equal((planId, (ReconcileScope)scope), Assert.Single(host.Engine.Applied));
        Assert.Equal($"Applied {planId}", title);
        Assert.Contains("outcome: **Repaired**", text, StringComparison.Ordinal);
        Assert.Contains($"{host.Engine.Planned(scope).Plan.Actions.Length} applied, 0 already present, 0 failed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_to_apply_a_stale_plan_id_and_shows_the_plan_as_it_is_now()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);
        var scope = new OneNetwork("vpc-sh2", null);
        var stale = host.Engine.Planned(scope).Plan.PlanId;
        host.Engine.Account = TestSupport.Scenarios.Seed(json => json["policy"]!["transitRouteScope"] = "HostRoutes");
        var current = host.Engine.Planned(scope).Plan.PlanId;

        using var response = await host.Client.SendAsync(Robot.Signed(host, $"apply vpc-sh2:{stale}"));

        var (title, text) = await response.MarkdownAsync();
        Assert.NotEqual(stale, current);
        Assert.Equal(stale, Assert.Single(host.Engine.ApplyRequests).PlanId);
        Assert.Empty(host.Engine.Applied);
        Assert.Equal("Plan changed: nothing applied", title);
        Assert.Contains($"Plan {stale} is no longer current: nothing was applied", text, StringComparison.Ordinal);
        Assert.Contains($"`apply vpc-sh2:{current}`", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan vpc-nowhere")]
    [InlineData("explain vpc-nowhere")]
    [InlineData("apply vpc-nowhere:plan-0123456789abcdef")]
    public async Task Says_a_network_no_rule_starts_at_does_not_exist_instead_of_planning_or_calling_it_changed(string command)
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);

        using var response = await host.Client.SendAsync(Robot.Signed(host, command));

        var (title, text) = await response.MarkdownAsync();
        Assert.Equal("No such network", title);
        Assert.Contains("No reach rule starts at vpc-nowhere", text, StringComparison.Ordinal);
        Assert.Contains("Networks with reach rules: vpc-sh2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("changed", text, StringComparison.Ordinal);
        Assert.Empty(host.Engine.Applied);
    }

    [Fact]
    public async Task Escapes_what_a_person_typed_before_echoing_it_into_markdown()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);

        using var response = await host.Client.SendAsync(Robot.Signed(host, "![x](http://evil.example/p.png)**<b>"));

        var (_, text) = await response.MarkdownAsync();
        Assert.Contains("unknown command '\\!\\[x\\](http://evil.example/p.png)\\*\\*\\<b\\>'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("![x]", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_the_status_of_every_network()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);

        using var response = await host.Client.SendAsync(Robot.Signed(host, "status"));

        var (_, text) = await response.MarkdownAsync();
        Assert.Contains("- idc-east -> cri-1: **not reachable** (3 actions pending, 1 error findings)", text, StringComparison.Ordinal);
        Assert.Contains("- vpc-1 -> cri-1: reachable", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("idc-east", StringComparison.Ordinal) < text.IndexOf("vpc-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explains_the_paths_of_a_network()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);

        using var response = await host.Client.SendAsync(Robot.Signed(host, "explain vpc-sh2"));

        var (title, text) = await response.MarkdownAsync();
        Assert.Equal(new OneNetwork("vpc-sh2", null), Assert.Single(host.Engine.Plans).Scope);
        Assert.Equal("Paths of vpc-sh2", title);
        Assert.Contains("vtb-sh2", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help", null)]
    [InlineData("", null)]
    [InlineData("deploy everything", "unknown command 'deploy'")]
    [InlineData("plan", "plan takes a VPC id")]
    [InlineData("plan vpc-1 registry-1", "is not a registry instance id")]
    [InlineData("apply", "apply takes one plan id")]
    [InlineData("apply vpc-1:plan;rm", "apply takes one plan id")]
    [InlineData("explain", "explain takes one VPC id")]
    [InlineData("status now", "status takes no argument")]
    public async Task Answers_help_and_says_what_was_not_understood_without_calling_the_engine(string command, string? problem)
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);

        using var response = await host.Client.SendAsync(Robot.Signed(host, command));

        var (title, text) = await response.MarkdownAsync();
        Assert.Equal("AcrReach help", title);
        Assert.Contains("- `apply <plan-id>`:", text, StringComparison.Ordinal);
        if (problem is not null)
        {
            Assert.Contains(problem, text, StringComparison.Ordinal);
        }

        Assert.Equal(0, host.Engine.CallCount);
    }

    [Fact]
    public async Task Reads_a_command_after_an_at_mention_of_the_robot()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);

        using var response = await host.Client.SendAsync(Robot.Signed(host, "@AcrReach  PLAN vpc-sh2"));

        Assert.Equal(new OneNetwork("vpc-sh2", null), Assert.Single(host.Engine.Plans).Scope);
    }

    [Fact]
    public async Task Refuses_a_sender_not_on_the_allow_list_and_serves_one_that_is()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops, config => config with { ChatAllowedUsers = ["netops-001"] });

        var planId = host.Engine.Planned(new OneNetwork("vpc-sh2")).Plan.PlanId;

        using var refused = await host.Client.SendAsync(Robot.Signed(host, $"apply vpc-sh2:{planId}", senderStaffId: "intern-042", requestId: "c-1"));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        using var served = await host.Client.SendAsync(Robot.Signed(host, $"apply vpc-sh2:{planId}", senderStaffId: "netops-001", requestId: "c-2"));

        var (title, text) = await refused.MarkdownAsync();
        Assert.Equal("Not allowed", title);
        Assert.Contains("intern-042", text, StringComparison.Ordinal);
        Assert.Equal($"Applied {planId}", (await served.MarkdownAsync()).Title);
        Assert.Single(host.Engine.ApplyRequests);
    }

    [Fact]
    public async Task Serves_a_sender_whose_sender_id_is_on_the_allow_list_even_when_the_message_also_has_a_staff_id()
    {
        // The allow-list takes senderStaffId or senderId; DingTalk sends both for staff, so either must do.
        var senderId = (string)EventFiles.Node("chat-message.json")["senderId"]!;
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops, config => config with { ChatAllowedUsers = [senderId] });

        using var response = await host.Client.SendAsync(Robot.Signed(host, "status", senderStaffId: "netops-001"));

        Assert.Equal("Reach status", (await response.MarkdownAsync()).Title);
        Assert.Single(host.Engine.StatusRequests);
    }

    [Fact]
    public async Task Tells_the_chat_when_the_engine_fails()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);
        host.Engine.Throws = new InvalidOperationException("DescribeVpcs: Throttling.User");

        using var response = await host.Client.SendAsync(Robot.Signed(host, "plan vpc-1"));

        var (title, text) = await response.MarkdownAsync();
        Assert.Equal("AcrReach failed", title);
        Assert.Contains("**plan failed:** DescribeVpcs: Throttling.User", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_chat_commands_on_the_credentials_of_the_request()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Chatops);
        using var request = Robot.Signed(host, "plan vpc-1");
        request.Headers.Add("x-fc-access-key-id", "STS.chat");
        request.Headers.Add("x-fc-access-key-secret", "chat-secret");
        request.Headers.Add("x-fc-security-token", "chat-token");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(new CloudCredentials("STS.chat", "chat-secret", "chat-token"), FakeReachEngine.CredentialsOf(Assert.Single(host.Engine.Plans).Context));
    }
}
