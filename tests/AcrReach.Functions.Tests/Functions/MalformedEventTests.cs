using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AcrReach.Functions.Hosting;
using AcrReach.Functions.Tests.Support;

namespace AcrReach.Functions.Tests.Functions;

/// <summary>A body that can never be used is answered with a clear error and logged; FC's retries are bounded (s.yaml).</summary>
public sealed class MalformedEventTests
{
    [Theory]
    [InlineData(FunctionKind.OnAttachment, "malformed-truncated.json", "not JSON")]
    [InlineData(FunctionKind.OnRegistry, "malformed-truncated.json", "not JSON")]
    [InlineData(FunctionKind.Sweep, "malformed-truncated.json", "not JSON")]
    [InlineData(FunctionKind.OnAttachment, "malformed-no-event-name.json", "eventName is missing")]
    [InlineData(FunctionKind.OnRegistry, "malformed-no-event-name.json", "eventName is missing")]
    [InlineData(FunctionKind.Sweep, "attachment-vpc-created.json", "neither a timer event")]
    public async Task Refuses_a_malformed_event_with_a_function_error_naming_the_problem(FunctionKind function, string file, string problem)
    {
        await using var host = await HostUnderTest.StartAsync(function);

        using var response = await host.InvokeAsync(EventFiles.Read(file), "r-bad");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", response.FcStatus());
        var body = await response.JsonAsync();
        Assert.False(body.GetProperty("ok").GetBoolean());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("MalformedEvent", error.GetProperty("code").GetString());
        Assert.Contains(problem, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Engine.CallCount);
        Assert.Contains(host.OutputLines, line => line.Contains("\"event\":\"event.malformed\"", StringComparison.Ordinal) && line.Contains("r-bad", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[]", "empty batch")]
    [InlineData("42", "not an event object")]
    [InlineData("", "empty")]
    [InlineData("{\"id\":\"e1\",\"source\":\"acs.cen\",\"type\":\"cen:ActionTrail:ApiCall\",\"data\":\"plain text\"}", "no data object")]
    public async Task Refuses_bodies_that_hold_no_event(string body, string problem)
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);

        using var response = await host.InvokeAsync(body);

        Assert.Equal("404", response.FcStatus());
        Assert.Contains(problem, (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Engine.CallCount);
    }

    [Fact]
    public async Task Runs_the_good_events_of_a_batch_and_still_fails_the_invocation_for_the_malformed_one()
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);

        using var response = await host.InvokeAsync(EventFiles.Read("batch-with-malformed.json"));

        Assert.Equal("404", response.FcStatus());
        Assert.Single(host.Engine.Reconciles);
        var body = await response.JsonAsync();
        Assert.Single(body.GetProperty("runs").EnumerateArray());
        Assert.Equal(1, Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("index").GetInt32());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Refuses_an_oversized_body_whether_or_not_it_declares_its_length(bool declaresLength)
    {
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment);
        var oversized = EventFiles.Node("attachment-vpc-created.json");
        oversized["data"]!["requestParameters"]!["TransitRouterAttachmentDescription"] = new string('x', HostConfig.DefaultMaxEventBytes);
        var bytes = Encoding.UTF8.GetBytes(oversized.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Address, "/invoke"))
        {
            Content = declaresLength ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes)),
        };
        request.Headers.Add("x-fc-request-id", "r-big");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", response.FcStatus());
        var body = await response.JsonAsync();
        Assert.False(body.GetProperty("ok").GetBoolean());
        Assert.Equal("PayloadTooLarge", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
        Assert.Contains(host.OutputLines, line => line.Contains("\"event\":\"event.too-large\"", StringComparison.Ordinal));
        Assert.Equal(0, host.Engine.CallCount);
    }

    [Fact]
    public async Task Accepts_a_body_just_under_a_configured_limit()
    {
        var body = EventFiles.Read("attachment-vpc-created.json");
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment, config => config with { MaxEventBytes = Encoding.UTF8.GetByteCount(body) });

        using var response = await host.InvokeAsync(body);

        Assert.Equal("200", response.FcStatus());
        Assert.Single(host.Engine.Reconciles);
    }

    [Fact]
    public async Task Reads_a_body_up_to_a_configured_limit_above_kestrels_own_default()
    {
        // FC passes synchronous bodies of up to 32 MB and the configuration allows a limit that high; Kestrel's own
        // 30,000,000-byte default used to cut such a body off first, answered as a 500 crash instead of read.
        await using var host = await HostUnderTest.StartAsync(FunctionKind.OnAttachment, config => config with { MaxEventBytes = 32 * 1024 * 1024 });
        var spaces = new byte[31 * 1000 * 1000];
        Array.Fill(spaces, (byte)' ');

        using var response = await host.InvokeAsync(spaces);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", response.FcStatus());
        var error = Assert.Single((await response.JsonAsync()).GetProperty("errors").EnumerateArray());
        Assert.Equal("MalformedEvent", error.GetProperty("code").GetString());
        Assert.Contains("empty", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A stream that hides its length, so the client sends the body chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
