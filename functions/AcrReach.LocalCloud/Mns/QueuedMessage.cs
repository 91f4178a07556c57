namespace AcrReach.LocalCloud;

/// <summary>
/// A message the local cloud received on an MNS queue: the <see cref="Body"/> exactly as sent, and
/// <see cref="DecodedBody"/> when the body is Base64 of UTF-8 text (the SDKs' convention, platform.md §6).
/// </summary>
public sealed record QueuedMessage(string MessageId, string Body, string? DecodedBody, int Priority, int DelaySeconds, DateTimeOffset EnqueueTime);
