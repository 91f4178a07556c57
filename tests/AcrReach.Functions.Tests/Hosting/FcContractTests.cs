using System.Net;
using System.Text.Json;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Topology;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.Hosting;

/// <summary>FC 3.0's custom-runtime contract (platform.md §3), seen over real HTTP.</summary>
public sealed class FcContractTests
{
    private static readonly string TimerEvent = EventFiles.Read("timer-sweep-report.json");

    [Fact]
    public async Task Answers_an_invocation_with_status_200_and_x_fc_status_200()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep);

        using var response = await host.InvokeAsync(TimerEvent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("200", response.FcStatus());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Frames_each_invocation_with_fc_start_and_end_markers_carrying_the_request_id()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep);

        using var first = await host.InvokeAsync(TimerEvent, requestId: "1-6a3c-42");
        using var second = await host.InvokeAsync(TimerEvent, requestId: "1-6a3c-43");

        var lines = host.OutputLines.ToList();
        var start = lines.IndexOf("FC Invoke Start RequestId: 1-6a3c-42");
        var end = lines.IndexOf("FC Invoke End RequestId: 1-6a3c-42");
        Assert.True(start >= 0 && end > start, string.Join('\n', lines));
        Assert.True(lines.IndexOf("FC Invoke Start RequestId: 1-6a3c-43") > end);
        Assert.Contains(lines[(start + 1)..end], line => line.Contains("\"requestId\":\"1-6a3c-42\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_other_stdout_line_is_a_json_log_object_with_time_level_function_and_event()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep);

        using var response = await host.InvokeAsync(TimerEvent);

        var logLines = host.OutputLines.Where(line => !line.StartsWith("FC ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(logLines);
        foreach (var line in logLines)
        {
            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            Assert.Equal("2026-11-20T04:00:00.000Z", root.GetProperty("time").GetString());
            Assert.Contains(root.GetProperty("level").GetString(), new[] { "info", "warning", "error" });
            Assert.Equal("sweep", root.GetProperty("function").GetString());
            Assert.False(string.IsNullOrEmpty(root.GetProperty("event").GetString()));
        }
    }

    [Fact]
    public async Task Takes_the_credentials_of_each_request_from_its_fc_headers()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep, config => config with
        {
            EnvironmentCredentials = new CloudCredentials("LTAIenvironment", "env-secret", null),
        });

        using var first = await host.InvokeAsync(TimerEvent, "r-1", Credentials("STS.first", "secret-1", "token-1"));
        using var second = await host.InvokeAsync(TimerEvent, "r-2", Credentials("STS.second", "secret-2", "token-2"));

        Assert.Equal(
            [new CloudCredentials("STS.first", "secret-1", "token-1"), new CloudCredentials("STS.second", "secret-2", "token-2")],
            host.Engine.ReconcileContexts.Select(FakeReachEngine.CredentialsOf));
    }

    [Fact]
    public async Task Falls_back_to_the_environment_credentials_when_a_request_carries_none()
    {
        var environment = new CloudCredentials("LTAIenvironment", "env-secret", "env-token");
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep, config => config with { EnvironmentCredentials = environment });

        using var response = await host.InvokeAsync(TimerEvent);

        Assert.Equal(environment, FakeReachEngine.CredentialsOf(Assert.Single(host.Engine.ReconcileContexts)));
    }

    [Fact]
    public async Task Leaves_credentials_to_the_engine_default_chain_when_there_are_none_at_all()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep);

        using var response = await host.InvokeAsync(TimerEvent);

        Assert.Null(Assert.Single(host.Engine.ReconcileContexts).Credentials);
    }

    [Fact]
    public async Task Passes_request_id_region_and_account_from_fc_headers_to_the_engine()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep);

        using var response = await host.InvokeAsync(TimerEvent, "r-77", [("x-fc-region", "cn-shanghai"), ("x-fc-account-id", "998877")]);

        var context = Assert.Single(host.Engine.ReconcileContexts);
        Assert.Equal(("cn-shanghai", "998877", (Cloud.Credentials.ICredentialProvider?)null), (context.Region, context.AccountId, context.Credentials));
        Assert.Contains(host.OutputLines, line => line.Contains("\"requestId\":\"r-77\"", StringComparison.Ordinal) && line.Contains("run.start", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Never_writes_a_secret_to_its_logs()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep);
        host.Engine.Throws = new InvalidOperationException("cloud said no");

        using var response = await host.InvokeAsync(TimerEvent, "r-1", Credentials("STS.visible-id", "very-secret-value", "very-secret-token"));

        var output = string.Join('\n', host.OutputLines);
        Assert.DoesNotContain("very-secret", output, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", new CloudCredentials("a", "very-secret-value", "very-secret-token").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_initialize_with_200_framed_by_initialize_markers()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Address, "/initialize"));
        request.Headers.Add("x-fc-request-id", "init-1");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("200", response.FcStatus());
        Assert.Contains("FC Initialize Start RequestId: init-1", host.OutputLines);
        Assert.Contains("FC Initialize End RequestId: init-1", host.OutputLines);
        Assert.Equal(0, host.Engine.CallCount);
    }

    [Theory]
    [InlineData("GET", "/invoke")]
    [InlineData("POST", "/somewhere-else")]
    public async Task Answers_a_request_an_event_function_does_not_serve_with_a_function_error(string method, string path)
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnRegistry);

        using var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(host.Address, path)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", response.FcStatus());
        Assert.Equal("NotFound", (await response.JsonAsync()).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Reports_an_engine_exception_as_a_function_error_and_logs_it()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.Sweep);
        host.Engine.Throws = new InvalidOperationException("discovery failed: Throttling.User");

        using var response = await host.InvokeAsync(TimerEvent, "r-9");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", response.FcStatus());
        var error = Assert.Single((await response.JsonAsync()).GetProperty("errors").EnumerateArray());
        Assert.Equal("EngineFailed", error.GetProperty("code").GetString());
        Assert.Contains("Throttling.User", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(host.OutputLines, line => line.Contains("\"event\":\"run.failed\"", StringComparison.Ordinal) && line.Contains("\"level\":\"error\"", StringComparison.Ordinal));
    }

    private static (string, string)[] Credentials(string id, string secret, string token) =>
        [("x-fc-access-key-id", id), ("x-fc-access-key-secret", secret), ("x-fc-security-token", token)];
}
