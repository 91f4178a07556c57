namespace AcrReach.LocalCloud.Signing;

/// <summary>
/// Nonces seen within the signature window. A nonce may be used once: the service refuses a replay with
/// <c>SignatureNonceUsed</c>. Entries older than the window are dropped, since a request that old fails the date check anyway.
/// </summary>
internal sealed class NonceCache(TimeProvider time, TimeSpan window)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    /// <summary>Records the nonce; false when it was already used.</summary>
    public bool TryUse(string accessKeyId, string nonce)
    {
        var now = time.GetUtcNow();
        var key = accessKeyId + "\n" + nonce;
        lock (_gate)
        {
            if (now >= _nextPrune)
            {
                foreach (var stale in _seen.Where(e => e.Value <= now).Select(e => e.Key).ToList())
                {
                    _seen.Remove(stale);
                }

                _nextPrune = now + TimeSpan.FromMinutes(1);
            }

            if (_seen.TryGetValue(key, out var expiry) && expiry > now)
            {
                return false;
            }

            _seen[key] = now + (window * 2);
            return true;
        }
    }
}
