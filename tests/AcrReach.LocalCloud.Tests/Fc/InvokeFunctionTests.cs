using System.Net;
using System.Text;
using AcrReach.LocalCloud.Fc;
using AcrReach.LocalCloud.Tests.Support;

namespace AcrReach.LocalCloud.Tests.Fc;

public sealed class InvokeFunctionTests : IAsyncLifetime
{
    private const string Worker = "acr-reach-sweep-worker";
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"sweepId":"s-1"}""");

    private readonly FunctionStub _function = new();
    private LocalCloudServer _cloud = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloudServer.StartAsync(Cloud.Scenario(), new LocalCloudOptions { AsyncRetryDelay = TimeSpan.FromMilliseconds(10) });
        _http = new HttpClient { BaseAddress = _cloud.Endpoint };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cloud.DisposeAsync();
        _function.Dispose();
    }

    [Fact]
    public async Task An_async_invocation_is_accepted_at_once_and_delivered_to_the_function_host_as_fc_does()
    {
        _cloud.RegisterFunction(new LocalFunction(Worker, _function.Endpoint));

        var answer = await InvokeAsync(Worker, "Async");

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var requestId = answer.Headers.GetValues("x-fc-request-id").Single();
        var delivered = await _function.NextAsync();
        Assert.Equal("/invoke", delivered.Path);
        Assert.Equal(Payload, delivered.Body);
        Assert.Equal(requestId, delivered.Headers["x-fc-request-id"]);
        Assert.Equal("Async", delivered.Headers["x-fc-invocation-type"]);
        Assert.Equal(Worker, delivered.Headers["x-fc-function-name"]);
        Assert.Equal(_cloud.AccountId, delivered.Headers["x-fc-account-id"]);
        Assert.Equal(LocalCloudOptions.DefaultAccessKeyId, delivered.Headers["x-fc-access-key-id"]);
        Assert.Equal(1, _cloud.Calls()[FunctionEndpoint.Action]);
        var record = await EventuallyAsync(() => _cloud.Invocations().SingleOrDefault(i => i.Status != "Running"));
        Assert.Equal(new InvocationRecord(requestId, Worker, "Async", 1, "Succeeded", null), record);
    }

    [Fact]
    public async Task A_failed_async_invocation_is_retried_until_it_succeeds_within_the_functions_retry_limit()
    {
        _cloud.RegisterFunction(new LocalFunction(Worker, _function.Endpoint, MaxAsyncRetryAttempts: 2));
        _function.Answers.Enqueue("404");
        _function.Answers.Enqueue("404");

        await InvokeAsync(Worker, "Async");

        var record = await EventuallyAsync(() => _cloud.Invocations().SingleOrDefault(i => i.Status != "Running"));
        Assert.Equal(("Succeeded", 3), (record.Status, record.Attempts));
        Assert.Equal(["0", "1", "2"], _function.Received.Select(r => r.Headers["x-fc-retry-count"]));
    }

    [Fact]
    public async Task An_async_invocation_that_keeps_failing_stops_after_the_retry_limit()
    {
        _cloud.RegisterFunction(new LocalFunction(Worker, _function.Endpoint, MaxAsyncRetryAttempts: 1));
        for (var i = 0; i < 5; i++)
        {
            _function.Answers.Enqueue("404");
        }

        await InvokeAsync(Worker, "Async");

        var record = await EventuallyAsync(() => _cloud.Invocations().SingleOrDefault(i => i.Status != "Running"));
        Assert.Equal(("Failed", 2), (record.Status, record.Attempts));
        Assert.Contains("x-fc-status 404", record.LastError, StringComparison.Ordinal);
        await Task.Delay(100);
        Assert.Equal(2, _function.Received.Count);
    }

    [Fact]
    public async Task A_sync_invocation_answers_with_the_functions_own_answer()
    {
        _cloud.RegisterFunction(new LocalFunction(Worker, _function.Endpoint));

        var answer = await InvokeAsync(Worker, "Sync");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("answer of /invoke", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unregistered_function_is_function_not_found()
    {
        var answer = await InvokeAsync("nobody", "Async");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("\"Code\":\"FunctionNotFound\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_function.Received);
    }

    [Fact]
    public async Task A_signature_over_the_root_path_instead_of_the_function_path_is_refused()
    {
        _cloud.RegisterFunction(new LocalFunction(Worker, _function.Endpoint));

        var answer = await InvokeAsync(Worker, "Async", canonicalUri: "/");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("SignatureDoesNotMatch", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_cloud.Invocations());
    }

    [Fact]
    public async Task Functions_are_registered_and_invocations_listed_through_the_control_api()
    {
        using var registration = new StringContent($$"""{"name":"{{Worker}}","endpoint":"{{_function.Endpoint}}","maxAsyncRetryAttempts":0}""", Encoding.UTF8, "application/json");
        var registered = await _http.PostAsync("/_local/functions", registration);
        using var outside = new StringContent("""{"name":"x","endpoint":"http://10.0.0.1:80/"}""", Encoding.UTF8, "application/json");
        var refused = await _http.PostAsync("/_local/functions", outside);
        await InvokeAsync(Worker, "Async");
        await EventuallyAsync(() => _cloud.Invocations().SingleOrDefault(i => i.Status != "Running"));

        var listed = await _http.GetStringAsync("/_local/invocations");

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"status\": \"Succeeded\"", listed, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> InvokeAsync(string function, string type, string? canonicalUri = null) =>
        FcCalls.InvokeAsync(_http, _cloud.Endpoint, function, type, Payload, canonicalUri);

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe)
    {
        for (var i = 0; i < 500; i++)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("the invocation did not finish in 10 s");
    }
}
