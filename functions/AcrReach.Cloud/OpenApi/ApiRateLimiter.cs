using System.Collections.Concurrent;

namespace AcrReach.Cloud.OpenApi;

/// <summary>
/// A token bucket per API action, on an injected <see cref="TimeProvider"/>. Implemented as the generic cell rate
/// algorithm: each call reserves the next free slot (so waiting callers go in order) and waits until the slot
/// falls inside the burst window. (System.Threading.RateLimiting ships with ASP.NET Core, not the base
/// framework, and does not run on a TimeProvider.)
/// </summary>
public sealed class ApiRateLimiter
{
    private readonly RateLimitOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public ApiRateLimiter(RateLimitOptions options, TimeProvider time)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        if (options.Burst < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "the burst must be at least 1");
        }
    }

    /// <summary>Waits until <paramref name="operation"/> may be called once more.</summary>
    public ValueTask WaitAsync(ApiOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (!_options.Enabled)
        {
            return ValueTask.CompletedTask;
        }

        var bucket = _buckets.GetOrAdd(operation.RamAction, static (_, state) => new Bucket(state.Qps, state.Burst), (Qps: _options.QpsFor(operation), _options.Burst));
        var wait = bucket.Reserve(_time.GetTimestamp(), _time.TimestampFrequency);
        return wait <= TimeSpan.Zero ? ValueTask.CompletedTask : new ValueTask(Task.Delay(wait, _time, cancellationToken));
    }

    private sealed class Bucket
    {
        private readonly Lock _lock = new();
        private readonly double _interval;
        private readonly double _tolerance;
        private double _theoreticalArrival = double.NegativeInfinity;

        public Bucket(double qps, int burst)
        {
            if (!(qps > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(qps), qps, "a rate limit must be above zero calls per second");
            }

            _interval = 1.0 / qps;
            _tolerance = _interval * (burst - 1);
        }

        /// <summary>Reserves a slot; returns how long the caller must wait for it.</summary>
        public TimeSpan Reserve(long timestamp, long frequency)
        {
            var now = (double)timestamp / frequency;
            lock (_lock)
            {
                var arrival = Math.Max(_theoreticalArrival, now);
                _theoreticalArrival = arrival + _interval;
                var allowedAt = arrival - _tolerance;
                return allowedAt <= now ? TimeSpan.Zero : TimeSpan.FromSeconds(allowedAt - now);
            }
        }
    }
}
