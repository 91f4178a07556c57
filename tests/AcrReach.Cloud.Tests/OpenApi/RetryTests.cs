using System.Net;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Tests.Support;
using AcrReach.Cloud.Vpc;

namespace AcrReach.Cloud.Tests.OpenApi;

/// <summary>Retries on the fake clock: transient failures are retried, permanent ones are not.</summary>
public class RetryTests
{
    private const string Created = """{ "RequestId": "ok", "RouteEntryId": "rte-1" }""";

    private static TestCloud Cloud(int retries = 4, TimeSpan? maxDelay = null) => new(new CloudOptions
    {
        Retry = new RetryOptions
        {
            MaxRetryAttempts = retries,
            BaseDelay = TimeSpan.FromSeconds(1),
            MaxDelay = maxDelay ?? TimeSpan.FromSeconds(30),
            AttemptTimeout = TimeSpan.FromSeconds(10),
        },
    });

    private static Task<CreateRouteEntryResponse> CreateRoute(TestCloud cloud, string? clientToken = null) =>
        cloud.Apis.Vpc("cn-hangzhou").CreateRouteEntryAsync(new CreateRouteEntryRequest
        {
            RouteTableId = "vtb-1",
            DestinationCidrBlock = "100.0.0.0/8",
            NextHopType = "Attachment",
            NextHopId = "tr-attach-1",
            ClientToken = clientToken,
        });

    private static async Task WaitForRequests(TestCloud cloud, int count)
    {
        for (var i = 0; i < 2000 && cloud.Handler.Sent.Count < count; i++)
        {
            await Task.Delay(1);
        }

        Assert.Equal(count, cloud.Handler.Sent.Count);
    }

    [Fact]
    public async Task Retries_transient_failures_until_one_succeeds()
    {
        using var cloud = Cloud();
        cloud.Handler
            .ThenJson("""{ "Code": "TaskConflict", "Message": "The operation is too frequent." }""", HttpStatusCode.BadRequest)
            .ThenJson("""{ "Code": "ServiceUnavailable", "Message": "busy" }""", HttpStatusCode.ServiceUnavailable)
            .ThenJson(Created);

        var created = await cloud.Settle(CreateRoute(cloud));

        Assert.Equal("rte-1", created.RouteEntryId);
        Assert.Equal(3, cloud.Handler.Sent.Count);
    }

    [Fact]
    public async Task Does_not_retry_a_permanent_failure()
    {
        using var cloud = Cloud();
        cloud.Handler.ThenJson("""{ "Code": "InvalidCIDRBlock.Duplicate", "Message": "exists" }""", HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => cloud.Settle(CreateRoute(cloud)));

        Assert.Equal("InvalidCIDRBlock.Duplicate", error.Code);
        Assert.Single(cloud.Handler.Sent);
    }

    [Fact]
    public async Task Gives_up_after_the_configured_retries_with_the_last_error()
    {
        using var cloud = Cloud(retries: 3);
        cloud.Handler.Fallback = _ => FakeHandler.Respond(HttpStatusCode.BadRequest, """{ "Code": "IncorrectRouteEntryStatus", "Message": "pending" }""", "application/json");

        var error = await Assert.ThrowsAsync<CloudApiException>(() => cloud.Settle(CreateRoute(cloud)));

        Assert.Equal("IncorrectRouteEntryStatus", error.Code);
        Assert.Equal(4, cloud.Handler.Sent.Count);
    }

    [Fact]
    public async Task Waits_exactly_as_long_as_x_acs_retry_after_asks()
    {
        using var cloud = Cloud();
        cloud.Handler
            .ThenJson("""{ "Code": "Throttling.User", "Message": "flow control" }""", HttpStatusCode.BadRequest, ("x-acs-retry-after", "5000"))
            .ThenJson(Created);

        var call = CreateRoute(cloud);
        await WaitForRequests(cloud, 1);
        await Task.Delay(20);
        cloud.Time.Advance(TimeSpan.FromMilliseconds(4900));
        await Task.Delay(50);
        Assert.Single(cloud.Handler.Sent);

        cloud.Time.Advance(TimeSpan.FromMilliseconds(100));
        await WaitForRequests(cloud, 2);
        Assert.Equal("rte-1", (await call).RouteEntryId);
    }

    [Fact]
    public async Task Caps_a_requested_wait_at_the_maximum_delay()
    {
        using var cloud = Cloud(maxDelay: TimeSpan.FromSeconds(2));
        cloud.Handler
            .ThenJson("""{ "Code": "Throttling", "Message": "slow down" }""", HttpStatusCode.BadRequest, ("x-acs-retry-after", "600000"))
            .ThenJson(Created);

        var call = CreateRoute(cloud);
        await WaitForRequests(cloud, 1);
        await Task.Delay(20);
        cloud.Time.Advance(TimeSpan.FromSeconds(2));

        await WaitForRequests(cloud, 2);
        Assert.Equal("rte-1", (await call).RouteEntryId);
    }

    [Fact]
    public async Task Reuses_the_same_client_token_on_every_retry_of_one_write_and_a_new_one_for_the_next_write()
    {
        using var cloud = Cloud();
        cloud.Handler
            .ThenJson("""{ "Code": "TaskConflict", "Message": "busy" }""", HttpStatusCode.BadRequest)
            .ThenJson("""{ "Code": "TaskConflict", "Message": "busy" }""", HttpStatusCode.BadRequest)
            .ThenJson(Created)
            .ThenJson(Created);

        await cloud.Settle(CreateRoute(cloud));
        await cloud.Settle(CreateRoute(cloud));

        var tokens = cloud.Handler.Sent.Select(s => s.Query["ClientToken"]).ToList();
        Assert.Equal(4, tokens.Count);
        Assert.False(string.IsNullOrEmpty(tokens[0]));
        Assert.Equal(tokens[0], tokens[1]);
        Assert.Equal(tokens[0], tokens[2]);
        Assert.NotEqual(tokens[0], tokens[3]);
        Assert.NotEqual(cloud.Handler.Sent[0].Header("x-acs-signature-nonce"), cloud.Handler.Sent[1].Header("x-acs-signature-nonce"));
    }

    [Fact]
    public async Task Keeps_the_callers_client_token_across_retries()
    {
        using var cloud = Cloud();
        cloud.Handler
            .ThenJson("""{ "Code": "TaskConflict", "Message": "busy" }""", HttpStatusCode.BadRequest)
            .ThenJson(Created);

        await cloud.Settle(CreateRoute(cloud, clientToken: "acr-reach-7f3a"));

        Assert.All(cloud.Handler.Sent, s => Assert.Equal("acr-reach-7f3a", s.Query["ClientToken"]));
    }

    [Fact]
    public async Task Delete_route_entry_gets_no_made_up_client_token()
    {
        using var cloud = Cloud();
        cloud.Handler.ThenJson("""{ "RequestId": "d" }""");

        await cloud.Apis.Vpc("cn-hangzhou").DeleteRouteEntryAsync(new DeleteRouteEntryRequest { RouteEntryId = "rte-1" });

        Assert.False(cloud.LastSent.Query.ContainsKey("ClientToken"));
    }

    [Fact]
    public async Task An_attempt_that_hangs_times_out_and_is_retried()
    {
        using var cloud = Cloud();
        cloud.Handler.ThenHang().ThenJson(Created);

        var created = await cloud.Settle(CreateRoute(cloud), TimeSpan.FromSeconds(1));

        Assert.Equal("rte-1", created.RouteEntryId);
        Assert.Equal(2, cloud.Handler.Sent.Count);
    }

    [Fact]
    public async Task Timeouts_that_never_end_surface_as_request_timeout()
    {
        using var cloud = Cloud(retries: 1);
        cloud.Handler.ThenHang().ThenHang();

        var error = await Assert.ThrowsAsync<CloudApiException>(() => cloud.Settle(CreateRoute(cloud), TimeSpan.FromSeconds(1)));

        Assert.Equal((CloudApiException.RequestTimeoutCode, 0), (error.Code, error.HttpStatus));
        Assert.Equal(2, cloud.Handler.Sent.Count);
    }

    [Fact]
    public async Task The_callers_cancellation_stops_at_once_without_retrying()
    {
        using var cloud = Cloud();
        using var cancel = new CancellationTokenSource();
        cloud.Handler.ThenHang();

        var call = cloud.Apis.Vpc("cn-hangzhou").DescribeVpcsAsync(new DescribeVpcsRequest(), cancel.Token);
        await WaitForRequests(cloud, 1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(cloud.Handler.Sent);
    }
}
