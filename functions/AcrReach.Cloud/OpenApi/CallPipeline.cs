using System.Net.Sockets;
using Polly;
using Polly.Retry;

namespace AcrReach.Cloud.OpenApi;

/// <summary>
/// What every cloud call goes through, whatever its wire format: retries of transient failures (Polly, jittered
/// exponential back-off, honouring <c>x-acs-retry-after</c>), the per-action rate limit before each attempt, a
/// per-attempt timeout, and the mapping of transport failures to <see cref="CloudApiException"/>.
/// </summary>
public sealed class CallPipeline
{
    private readonly ResiliencePipeline _pipeline;
    private readonly ApiRateLimiter _rateLimiter;
    private readonly RetryOptions _retry;
    private readonly TimeProvider _time;

    public CallPipeline(RetryOptions retry, ApiRateLimiter rateLimiter, TimeProvider time)
    {
        _retry = retry ?? throw new ArgumentNullException(nameof(retry));
        _rateLimiter = rateLimiter ?? throw new ArgumentNullException(nameof(rateLimiter));
        _time = time ?? throw new ArgumentNullException(nameof(time));

        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxRetryAttempts,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is CloudApiException { IsTransient: true }),
                DelayGenerator = args => ValueTask.FromResult(RequestedDelay(args.Outcome.Exception, retry.MaxDelay)),
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds, fails permanently or runs out of retries. Each attempt
    /// must build (and sign) its request afresh: signatures carry a date and a one-time nonce.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(ApiOperation operation, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(attempt);
        return await _pipeline.ExecuteAsync(
            async token =>
            {
                await _rateLimiter.WaitAsync(operation, token);
                using var timeout = new CancellationTokenSource(_retry.AttemptTimeout, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, timeout.Token);
                try
                {
                    return await attempt(linked.Token);
                }
                catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !token.IsCancellationRequested)
                {
                    throw new CloudApiException(
                        CloudApiException.RequestTimeoutCode,
                        $"no answer within {_retry.AttemptTimeout.TotalSeconds:0.###} s",
                        requestId: null,
                        httpStatus: 0,
                        action: operation.RamAction,
                        innerException: e);
                }
                catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound })
                {
                    throw new CloudApiException(
                        CloudApiException.EndpointUnreachableCode,
                        e.Message,
                        requestId: null,
                        httpStatus: 0,
                        action: operation.RamAction,
                        innerException: e);
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    throw new CloudApiException(
                        CloudApiException.NetworkErrorCode,
                        e.Message,
                        requestId: null,
                        httpStatus: 0,
                        action: operation.RamAction,
                        innerException: e);
                }
            },
            cancellationToken);
    }

    private static TimeSpan? RequestedDelay(Exception? failure, TimeSpan maxDelay) =>
        failure is CloudApiException { RetryAfter: { } wait }
            ? wait < TimeSpan.Zero ? TimeSpan.Zero : wait > maxDelay ? maxDelay : wait
            : null;
}
