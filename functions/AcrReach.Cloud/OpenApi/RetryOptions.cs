namespace AcrReach.Cloud.OpenApi;

/// <summary>
/// Retries of transient failures (<see cref="CloudApiException.IsTransient"/>): exponential back-off with jitter,
/// or the wait the service asked for with <c>x-acs-retry-after</c>, capped at <see cref="MaxDelay"/>.
/// </summary>
public sealed record RetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; init; } = 6;

    /// <summary>The median first delay; later ones double.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take before it counts as a (transient) timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
