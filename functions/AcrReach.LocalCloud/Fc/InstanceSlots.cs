namespace AcrReach.LocalCloud.Fc;

/// <summary>
/// A function's reserved concurrency with instanceConcurrency 1: at most <see cref="Limit"/> invocations run at once
/// (none when no limit is set); the rest wait, first come first served, until an instance frees. FC itself holds a
/// throttled async invocation and tries it again with a backoff (0.5 s, doubling) for up to 5 hours, unbilled and apart
/// from maxAsyncRetryAttempts (Function Compute, "Configure a retry mechanism": "Concurrency limit exceeded",
/// https://www.alibabacloud.com/help/en/functioncompute/fc/error-handling-1-2); a queue in arrival order is the same
/// promise without the backoff's slack, so a run of the emulator does not depend on the timing of those retries.
/// </summary>
internal sealed class InstanceSlots
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource> _waiting = new();
    private int _running;
    private int? _limit;

    public int? Limit
    {
        get
        {
            lock (_gate)
            {
                return _limit;
            }
        }
    }

    /// <summary>Changes the cap; a higher one lets waiting invocations start at once (PutConcurrencyConfig takes effect for what is queued).</summary>
    public void SetLimit(int limit)
    {
        List<TaskCompletionSource> started;
        lock (_gate)
        {
            _limit = limit;
            started = TakeStartable();
        }

        StartAll(started);
    }

    /// <summary>Completes when an instance takes the invocation; the caller must <see cref="Release"/> it when done.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource> node;
        lock (_gate)
        {
            if (_waiting.Count == 0 && HasRoom())
            {
                _running++;
                return;
            }

            node = _waiting.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        await using var registration = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                // Taken by an instance already: it runs, and the caller releases it as usual.
                if (node.List is null)
                {
                    return;
                }

                _waiting.Remove(node);
            }

            node.Value.TrySetCanceled(cancellationToken);
        });
        await node.Value.Task;
    }

    public void Release()
    {
        List<TaskCompletionSource> started;
        lock (_gate)
        {
            _running--;
            started = TakeStartable();
        }

        StartAll(started);
    }

    private bool HasRoom() => _limit is not { } limit || _running < limit;

    private List<TaskCompletionSource> TakeStartable()
    {
        var started = new List<TaskCompletionSource>();
        while (_waiting.First is { } first && HasRoom())
        {
            _waiting.RemoveFirst();
            _running++;
            started.Add(first.Value);
        }

        return started;
    }

    private static void StartAll(List<TaskCompletionSource> started)
    {
        foreach (var waiter in started)
        {
            waiter.TrySetResult();
        }
    }
}
