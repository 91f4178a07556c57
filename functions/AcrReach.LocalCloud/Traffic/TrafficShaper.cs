using AcrReach.LocalCloud.Http;

namespace AcrReach.LocalCloud.Traffic;

/// <summary>
/// Decides, before a call reaches state, whether it is refused: per-action QPS limits, scripted faults, then the random
/// throttle and fault rates (one seeded generator, so a run repeats). A refused call changes nothing.
/// </summary>
internal sealed class TrafficShaper
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly TimeProvider _time;
    private readonly double _throttleRate;
    private readonly double _faultRate;
    private readonly Dictionary<string, int> _limits;
    private readonly int? _limitForAll;
    private readonly Dictionary<string, (long Second, int Count)> _windows = new(StringComparer.Ordinal);
    private readonly List<ScriptedFault> _faults = [];

    public TrafficShaper(LocalCloudOptions options)
    {
        _random = new Random(options.Seed);
        _time = options.TimeProvider;
        _throttleRate = options.ThrottleRate;
        _faultRate = options.FaultRate;
        Latency = TimeSpan.FromMilliseconds(options.LatencyMs);
        _limitForAll = options.Qps.TryGetValue("*", out var all) ? all : null;
        _limits = _limitForAll is null ? new(LocalCloudOptions.DefaultQps, StringComparer.Ordinal) : new(StringComparer.Ordinal);
        foreach (var (action, limit) in options.Qps.Where(q => q.Key != "*"))
        {
            _limits[action] = limit;
        }
    }

    public TimeSpan Latency { get; }

    /// <summary>Calls refused per action because its QPS limit was reached (not the random throttle rate): a client that paces itself keeps this empty.</summary>
    public CallCounter RateLimited { get; } = new();

    public void Schedule(ScriptedFault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    public IReadOnlyList<ScriptedFault> PendingFaults()
    {
        lock (_gate)
        {
            return [.. _faults];
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>Throws the refusal for this call, if any.</summary>
    public void Admit(string action)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var limit = _limits.TryGetValue(action, out var perAction) ? perAction : _limitForAll ?? 0;
            if (limit > 0)
            {
                var second = now.ToUnixTimeMilliseconds() / 1000;
                var window = _windows.TryGetValue(action, out var current) && current.Second == second ? current : (Second: second, Count: 0);
                if (window.Count >= limit)
                {
                    RateLimited.Count(action);
                    throw Throttled((int)(1000 - (now.ToUnixTimeMilliseconds() % 1000)));
                }

                _windows[action] = (second, window.Count + 1);
            }

            var index = _faults.FindIndex(f => f.Action == action || f.Action == "*" || SameWrite(f.Action, action));
            if (index >= 0)
            {
                var fault = _faults[index];
                if (fault.Count <= 1)
                {
                    _faults.RemoveAt(index);
                }
                else
                {
                    _faults[index] = fault with { Count = fault.Count - 1 };
                }

                throw new ApiError(fault.Code, fault.Message ?? $"Scripted fault {fault.Code}.", fault.HttpStatus) { RetryAfterMilliseconds = fault.RetryAfterMs };
            }

            if (_throttleRate > 0 && _random.NextDouble() < _throttleRate)
            {
                throw Throttled(100);
            }

            if (_faultRate > 0 && _random.NextDouble() < _faultRate)
            {
                throw _random.Next(2) == 0
                    ? new ApiError("ServiceUnavailable", "The request has failed due to a temporary failure of the server.", 503)
                    : new ApiError("InternalError", "The request processing has failed due to some unknown error, exception or failure.", 500);
            }
        }
    }

    /// <summary>
    /// A fault scripted for <c>CreateRouteEntry</c> also answers <c>CreateRouteEntries</c>: both create VPC route entries,
    /// and a test that fails "the next route write" should not depend on whether the applier wrote one route or a batch.
    /// </summary>
    private static bool SameWrite(string scripted, string action) =>
        scripted == "CreateRouteEntry" && action == "CreateRouteEntries";

    private static ApiError Throttled(int retryAfterMilliseconds) =>
        new("Throttling.User", "Request was denied due to user flow control.") { RetryAfterMilliseconds = retryAfterMilliseconds };
}
