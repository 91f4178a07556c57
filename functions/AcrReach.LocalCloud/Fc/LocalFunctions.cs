using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace AcrReach.LocalCloud.Fc;

/// <summary>
/// A function the local Function Compute forwards invocations to: a host speaking FC 3.0's custom-runtime contract
/// (<c>POST /invoke</c>, <c>x-fc-status</c> in the answer), such as <c>acr-reach serve</c>.
/// </summary>
/// <param name="MaxAsyncRetryAttempts">Retries of a failed async invocation (fc3 <c>asyncInvokeConfig.maxAsyncRetryAttempts</c>).</param>
public sealed record LocalFunction(string Name, Uri Endpoint, int MaxAsyncRetryAttempts = LocalFunction.DefaultMaxAsyncRetryAttempts)
{
    /// <summary>FC retries a failed async invocation three times unless the function's async configuration says otherwise.</summary>
    public const int DefaultMaxAsyncRetryAttempts = 3;
}

/// <summary>One invocation as the local Function Compute saw it through: <c>GET /_local/invocations</c>.</summary>
/// <param name="Status"><c>Running</c>, <c>Succeeded</c>, or <c>Failed</c> (every attempt failed).</param>
public sealed record InvocationRecord(string RequestId, string Function, string Type, int Attempts, string Status, string? LastError);

/// <summary>
/// One attempt of an async invocation: when it was ready to run (accepted, or its retry delay over), when an instance
/// took it (after any wait for the function's reserved concurrency), and when the function answered.
/// </summary>
/// <param name="Attempt">0 for the first, as <c>x-fc-retry-count</c> says.</param>
public sealed record InvocationAttempt(string RequestId, string Function, int Attempt, DateTimeOffset Queued, DateTimeOffset Started, DateTimeOffset Finished, string? Error)
{
    /// <summary>The time it waited for an instance: queued, not running.</summary>
    public TimeSpan Waited => Started - Queued;

    public TimeSpan Ran => Finished - Started;
}

/// <summary>
/// The functions registered with the local cloud and what their invocations did. Async invocations are delivered in
/// the background, as FC's async queue does: each attempt a <c>POST /invoke</c> to the function's host; a failure
/// (an HTTP error, or <c>x-fc-status</c> other than 200) is retried after a short, doubling delay up to the function's
/// retry limit. Each attempt first waits for an instance when the function has a reserved concurrency
/// (<see cref="InstanceSlots"/>, set through PutConcurrencyConfig): waiting is not failing, so it costs no retry. Sync
/// invocations are forwarded and answered with the function's own answer, outside the cap (what FC answers a sync call
/// over it is not modelled).
/// </summary>
internal sealed class LocalFunctions(LocalCloudOptions options, string accountId, string region) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, LocalFunction> _functions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InvocationRecord> _invocations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _deliveries = new();
    private readonly ConcurrentDictionary<string, InstanceSlots> _slots = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<InvocationAttempt> _attempts = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private long _order;

    public void Register(LocalFunction function) => _functions[function.Name] = function;

    public LocalFunction? Find(string name) => _functions.GetValueOrDefault(name);

    public IReadOnlyList<LocalFunction> All() => [.. _functions.Values.OrderBy(f => f.Name, StringComparer.Ordinal)];

    /// <summary>Every invocation received, in the order they came.</summary>
    public IReadOnlyList<InvocationRecord> Invocations() =>
        [.. _invocations.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => i.Value)];

    /// <summary>Every finished attempt of an async invocation, in the order they finished.</summary>
    public IReadOnlyList<InvocationAttempt> Attempts() => [.. _attempts];

    /// <summary>The function's reserved concurrency, when one was put.</summary>
    public int? ReservedConcurrency(string name) => _slots.TryGetValue(name, out var slots) ? slots.Limit : null;

    /// <summary>PutConcurrencyConfig: at most <paramref name="reserved"/> of the function's invocations run at once from now on.</summary>
    public void SetReservedConcurrency(string name, int reserved) => Slots(name).SetLimit(reserved);

    /// <summary>Queues an async invocation and returns at once; the delivery runs in the background.</summary>
    public void StartAsync(LocalFunction function, string requestId, byte[] payload)
    {
        var key = Key(requestId);
        _invocations[key] = new InvocationRecord(requestId, function.Name, "Async", 0, "Running", null);
        var delivery = Task.Run(() => DeliverAsync(function, key, requestId, payload, _stopping.Token));
        _deliveries[delivery] = 0;
        _ = delivery.ContinueWith(done => _deliveries.TryRemove(done, out _), TaskScheduler.Default);
    }

    /// <summary>Forwards a sync invocation once and returns the function's answer.</summary>
    public async Task<(int Status, byte[] Body, string? FunctionStatus)> InvokeAsync(LocalFunction function, string requestId, byte[] payload, CancellationToken cancellationToken)
    {
        var key = Key(requestId);
        var (status, body, functionStatus, error) = await AttemptAsync(function, requestId, payload, "Sync", 0, cancellationToken);
        _invocations[key] = new InvocationRecord(requestId, function.Name, "Sync", 1, error is null ? "Succeeded" : "Failed", error);
        return (status, body, functionStatus);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_deliveries.Keys);
        }
        catch (OperationCanceledException)
        {
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    private InstanceSlots Slots(string name) => _slots.GetOrAdd(name, _ => new InstanceSlots());

    private string Key(string requestId) => $"{Interlocked.Increment(ref _order):D12}/{requestId}";

    private async Task DeliverAsync(LocalFunction function, string key, string requestId, byte[] payload, CancellationToken cancellationToken)
    {
        var delay = options.AsyncRetryDelay;
        var slots = Slots(function.Name);
        for (var attempt = 0; ; attempt++)
        {
            var queued = options.TimeProvider.GetUtcNow();
            await slots.AcquireAsync(cancellationToken);
            var started = options.TimeProvider.GetUtcNow();
            string? error;
            try
            {
                (_, _, _, error) = await AttemptAsync(function, requestId, payload, "Async", attempt, cancellationToken);
            }
            finally
            {
                slots.Release();
            }

            _attempts.Enqueue(new InvocationAttempt(requestId, function.Name, attempt, queued, started, options.TimeProvider.GetUtcNow(), error));
            var last = error is not null && attempt >= function.MaxAsyncRetryAttempts;
            _invocations[key] = new InvocationRecord(requestId, function.Name, "Async", attempt + 1, error is null ? "Succeeded" : last ? "Failed" : "Running", error);
            if (error is null || last)
            {
                return;
            }

            await Task.Delay(delay, options.TimeProvider, cancellationToken);
            delay += delay;
        }
    }

    private async Task<(int Status, byte[] Body, string? FunctionStatus, string? Error)> AttemptAsync(
        LocalFunction function, string requestId, byte[] payload, string type, int retry, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(function.Endpoint, "/invoke")) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.TryAddWithoutValidation("x-fc-request-id", requestId);
        request.Headers.TryAddWithoutValidation("x-fc-function-name", function.Name);
        request.Headers.TryAddWithoutValidation("x-fc-region", region);
        request.Headers.TryAddWithoutValidation("x-fc-account-id", accountId);
        request.Headers.TryAddWithoutValidation("x-fc-control-path", "/invoke");
        request.Headers.TryAddWithoutValidation("x-fc-invocation-type", type);
        request.Headers.TryAddWithoutValidation("x-fc-retry-count", retry.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // FC hands the function its role's credentials on every request; here, the key the local cloud accepts.
        request.Headers.TryAddWithoutValidation("x-fc-access-key-id", options.AccessKeyId);
        request.Headers.TryAddWithoutValidation("x-fc-access-key-secret", options.AccessKeySecret);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var status = (int)response.StatusCode;
            var functionStatus = response.Headers.TryGetValues("x-fc-status", out var values) ? values.FirstOrDefault() : null;
            var failed = status >= 400 || (functionStatus is not null && functionStatus != "200");
            return (status, body, functionStatus, failed ? $"HTTP {status}, x-fc-status {functionStatus ?? "(none)"}" : null);
        }
        catch (HttpRequestException e)
        {
            return (502, [], null, $"the function's host did not answer: {e.Message}");
        }
    }
}
