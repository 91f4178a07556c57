using System.Collections.Concurrent;

namespace AcrReach.LocalCloud.Traffic;

/// <summary>Calls received per API action, whether or not they were answered with success: <c>GET /_local/calls</c>.</summary>
internal sealed class CallCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Count(string action) => _counts.AddOrUpdate(action, 1, (_, n) => n + 1);

    public SortedDictionary<string, int> Snapshot() => new(_counts, StringComparer.Ordinal);

    public void Reset() => _counts.Clear();
}
