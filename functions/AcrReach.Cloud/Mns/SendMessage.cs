namespace AcrReach.Cloud.Mns;

/// <summary>
/// MNS SendMessage (<c>POST /queues/{QueueName}/messages</c>). <see cref="MessageBody"/> is sent Base64-encoded
/// (UTF-8), the documented convention and the Java/Python SDK default: consumers decode it.
/// </summary>
public sealed record SendMessageRequest
{
    public required string QueueName { get; init; }

    public required string MessageBody { get; init; }

    /// <summary>0–604800 seconds; 0 (the SDK's default) delivers at once.</summary>
    public int DelaySeconds { get; init; }

    /// <summary>1–16; 8 is the SDK's default.</summary>
    public int Priority { get; init; } = 8;
}

public sealed record SendMessageResponse
{
    public string? MessageId { get; init; }

    /// <summary>Upper-case hex MD5 of the body as sent (the Base64 text).</summary>
    public string? MessageBodyMD5 { get; init; }

    public string? ReceiptHandle { get; init; }

    /// <summary>From the <c>x-mns-request-id</c> header.</summary>
    public string? RequestId { get; init; }
}
