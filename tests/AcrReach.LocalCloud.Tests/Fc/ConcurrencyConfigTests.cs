using System.Net;
using System.Text;
using System.Text.Json;
using AcrReach.LocalCloud.Fc;
using AcrReach.LocalCloud.Tests.Support;

namespace AcrReach.LocalCloud.Tests.Fc;

/// <summary>A function's reserved concurrency (FC 2023-03-30 PutConcurrencyConfig) and how async invocations honour it.</summary>
public sealed class ConcurrencyConfigTests : IAsyncLifetime
{
    private const string Worker = "acr-reach-sweep-worker";

    private readonly FunctionStub _function = new() { Hold = TimeSpan.FromMilliseconds(150) };
    private LocalCloudServer _cloud = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloudServer.StartAsync(Cloud.Scenario(), new LocalCloudOptions { AsyncRetryDelay = TimeSpan.FromMilliseconds(10) });
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cloud.DisposeAsync();
        _function.Dispose();
    }

    [Fact]
    public async Task Put_sets_the_reserved_concurrency_and_get_answers_it_with_the_functions_arn()
    {
        _cloud.RegisterFunction(new LocalFunction(Worker, _function.Endpoint));

        var put = await FcCalls.PutConcurrencyAsync(_http, _cloud.Endpoint, Worker, """{"reservedConcurrency":2}""");
        var get = await FcCalls.GetConcurrencyAsync(_http, _cloud.Endpoint, Worker);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var expected = $$"""{"functionArn":"acs:fc:cn-hangzhou:{{_cloud.AccountId}}:functions/{{Worker}}","reservedConcurrency":2}""";
        Assert.Equal(expected, await put.Content.ReadAsStringAsync());
        Assert.Equal(expected, await get.Content.ReadAsStringAsync());
        Assert.Equal(1, _cloud.Calls()[FunctionEndpoint.PutConcurrencyAction]);
        Assert.Equal(1, _cloud.Calls()[FunctionEndpoint.GetConcurrencyAction]);
    }

    [Fact]
    public async Task Get_before_any_put_is_on_demand_config_not_found()
    {
        _cloud.RegisterFunction(new LocalFunction(Worker, _function.Endpoint));

        var get = await FcCalls.GetConcurrencyAsync(_http, _cloud.Endpoint, Worker);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("OnDemandConfigNotFound", Code(await get.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"reservedConcurrency":-1}""")]
    [InlineData("""{"reservedConcurrency":"two"}""")]
    public async Task Put_without_a_count_of_instances_is_invalid_argument_and_changes_nothing(string body)
    {
        _cloud.RegisterFunction(new LocalFunction(Worker, _function.Endpoint));

        var put = await FcCalls.PutConcurrencyAsync(_http, _cloud.Endpoint, Worker, body);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("InvalidArgument", Code(await put.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await FcCalls.GetConcurrencyAsync(_http, _cloud.Endpoint, Worker)).StatusCode);
    }

    [Fact]
    public async Task Put_for_an_unknown_function_is_function_not_found()
    {
        var put = await FcCalls.PutConcurrencyAsync(_http, _cloud.Endpoint, "nobody", """{"reservedConcurrency":1}""");

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal("FunctionNotFound", Code(await put.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Without_reserved_concurrency_async_invocations_run_side_by_side()
    {
        _cloud.RegisterFunction(new LocalFunction(Worker, _function.Endpoint));

        await InvokeManyAsync(4);

        await FinishedAsync(4);
        Assert.True(_function.MaxRunning > 1, $"at most {_function.MaxRunning} ran at once");
    }

    [Fact]
    public async Task With_reserved_concurrency_one_async_invocations_run_one_at_a_time_in_the_order_they_came_and_all_succeed_first_time()
    {
        _cloud.RegisterFunction(new LocalFunction(Worker, _function.Endpoint));
        await PutAsync(1);

        var requestIds = await InvokeManyAsync(4);

        var invocations = await FinishedAsync(4);
        Assert.Equal(1, _function.MaxRunning);
        Assert.All(invocations, i => Assert.Equal(("Succeeded", 1), (i.Status, i.Attempts)));
        Assert.Equal(requestIds, _function.Received.Select(r => r.Headers["x-fc-request-id"]));
        var attempts = _cloud.InvocationAttempts();
        Assert.Equal(requestIds, attempts.Select(a => a.RequestId));
        Assert.All(attempts.Zip(attempts.Skip(1)), pair => Assert.True(pair.Second.Started >= pair.First.Finished, "two attempts overlapped"));
        // The last came in while the first was running (four posts against a 150 ms hold), so it waited out at least the
        // whole run before its own; comparing with the first run instead was flaky, that run carries the first connection.
        Assert.True(attempts[^1].Waited >= attempts[^2].Ran, $"the last waited {attempts[^1].Waited} behind a run of {attempts[^2].Ran}");
    }

    [Fact]
    public async Task With_reserved_concurrency_two_at_most_two_run_at_once()
    {
        _cloud.RegisterFunction(new LocalFunction(Worker, _function.Endpoint));
        await PutAsync(2);

        await InvokeManyAsync(5);

        Assert.All(await FinishedAsync(5), i => Assert.Equal("Succeeded", i.Status));
        Assert.Equal(2, _function.MaxRunning);
    }

    [Fact]
    public async Task Under_the_cap_a_failing_invocation_is_retried_as_configured_and_the_ones_waiting_behind_it_still_run_once()
    {
        _cloud.RegisterFunction(new LocalFunction(Worker, _function.Endpoint, MaxAsyncRetryAttempts: 1));
        _function.Fails = body => body.Contains("\"index\":0", StringComparison.Ordinal);
        await PutAsync(1);

        var requestIds = await InvokeManyAsync(3);

        var invocations = (await FinishedAsync(3)).ToDictionary(i => i.RequestId);
        Assert.Equal(("Failed", 2), (invocations[requestIds[0]].Status, invocations[requestIds[0]].Attempts));
        Assert.All(requestIds.Skip(1), id => Assert.Equal(("Succeeded", 1), (invocations[id].Status, invocations[id].Attempts)));
        Assert.Equal(1, _function.MaxRunning);
        Assert.Equal(4, _function.Received.Count);
    }

    [Fact]
    public async Task Raising_the_cap_lets_the_waiting_invocations_start()
    {
        _cloud.RegisterFunction(new LocalFunction(Worker, _function.Endpoint));
        _function.Hold = TimeSpan.FromMilliseconds(600);
        await PutAsync(1);
        await InvokeManyAsync(4);
        await _function.NextAsync();

        await PutAsync(4);

        await FinishedAsync(4);
        Assert.True(_function.MaxRunning > 1, "the waiting invocations stayed one at a time after the cap was raised");
    }

    private async Task PutAsync(int reserved)
    {
        var put = await FcCalls.PutConcurrencyAsync(_http, _cloud.Endpoint, Worker, $$"""{"reservedConcurrency":{{reserved}}}""");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    private async Task<List<string>> InvokeManyAsync(int count)
    {
        var requestIds = new List<string>();
        for (var index = 0; index < count; index++)
        {
            var answer = await FcCalls.InvokeAsync(_http, _cloud.Endpoint, Worker, "Async", Encoding.UTF8.GetBytes($$"""{"index":{{index}}}"""));
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
            requestIds.Add(answer.Headers.GetValues("x-fc-request-id").Single());
        }

        return requestIds;
    }

    private async Task<IReadOnlyList<InvocationRecord>> FinishedAsync(int count)
    {
        for (var i = 0; i < 500; i++)
        {
            var invocations = _cloud.Invocations();
            if (invocations.Count == count && invocations.All(r => r.Status != "Running"))
            {
                return invocations;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"the invocations did not finish in 10 s: {string.Join("; ", _cloud.Invocations())}");
    }

    private static string? Code(string body) => JsonDocument.Parse(body).RootElement.GetProperty("Code").GetString();
}
