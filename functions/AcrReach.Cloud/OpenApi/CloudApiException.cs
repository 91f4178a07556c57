namespace AcrReach.Cloud.OpenApi;

/// <summary>
/// Every failure of a cloud call: the service's error code and message, its request id and the HTTP status,
/// plus how long the service asked to wait (<c>x-acs-retry-after</c>). Whether to retry is decided in one
/// place, <see cref="IsTransientCode"/>, from the codes in cloud-apis.md.
/// </summary>
public sealed class CloudApiException : Exception
{
    /// <summary>Our code for a request the client gave up waiting for (per-attempt timeout).</summary>
    public const string RequestTimeoutCode = "RequestTimeout";

    /// <summary>Our code for a connection or transport failure (no HTTP answer at all).</summary>
    public const string NetworkErrorCode = "NetworkError";

    /// <summary>
    /// Our code for an endpoint nobody answers at: the connection was refused or the host name does not exist. Nothing
    /// was sent, and a retry a minute later meets the same wrong <c>--endpoint</c>, so it is not transient.
    /// </summary>
    public const string EndpointUnreachableCode = "EndpointUnreachable";

    /// <summary>Our code for an answer we could not read (not JSON/XML, or not the documented shape).</summary>
    public const string InvalidResponseCode = "InvalidResponse";

    /// <summary>
    /// Our code for an id that would have become part of a host name but has not the id's shape (a region like
    /// <c>x@127.0.0.1:8080/#</c>): refused before any request is built, so nothing is sent anywhere.
    /// </summary>
    public const string InvalidIdCode = "InvalidId";

    /// <summary>Our code for a CR answer with HTTP 200 and <c>IsSuccess=false</c> that carries no code of its own.</summary>
    public const string UnsuccessfulCode = "IsSuccessFalse";

    public CloudApiException(
        string code,
        string message,
        string? requestId,
        int httpStatus,
        TimeSpan? retryAfter = null,
        string? action = null,
        Exception? innerException = null)
        : base(Credentials.Secrets.Redact(Describe(code, message, requestId, httpStatus, action)), innerException)
    {
        Code = code;
        ServiceMessage = Credentials.Secrets.Redact(message);
        RequestId = requestId;
        HttpStatus = httpStatus;
        RetryAfter = retryAfter;
        Action = action;
    }

    public CloudApiException()
        : this("Unknown", "unknown cloud error", null, 0)
    {
    }

    public CloudApiException(string message)
        : this("Unknown", message, null, 0)
    {
    }

    public CloudApiException(string message, Exception innerException)
        : this("Unknown", message, null, 0, innerException: innerException)
    {
    }

    /// <summary>The service's error code, e.g. <c>TaskConflict</c>, <c>InvalidCIDRBlock.Duplicate</c>.</summary>
    public string Code { get; }

    /// <summary>The service's message, as sent, but for any secret it echoed (a string to sign holds the STS token).</summary>
    public string ServiceMessage { get; }

    public string? RequestId { get; }

    /// <summary>The HTTP status; 0 when no answer arrived (timeout, network).</summary>
    public int HttpStatus { get; }

    /// <summary>The wait the service asked for with <c>x-acs-retry-after</c>, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The RAM-style action that failed, e.g. <c>vpc:CreateRouteEntry</c>.</summary>
    public string? Action { get; }

    public bool IsTransient => IsTransientCode(Code, HttpStatus);

    /// <summary>
    /// The one place that decides whether a failed call may be retried unchanged. Sources: cloud-apis.md §0
    /// (any code containing <c>Throttling</c>, as the SDK does; Terraform's generic predicate), §1.5 (VPC route
    /// writes: one write per VPC at a time) and §2.4 (CBN statuses Terraform retries).
    /// </summary>
    public static bool IsTransientCode(string code, int httpStatus)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Contains("Throttling", StringComparison.Ordinal))
        {
            return true;
        }

        switch (code)
        {
            case RequestTimeoutCode:
            case NetworkErrorCode:
            case "ServiceUnavailable":
            case "SystemBusy":
            case "System.Busy": // PrivateZone's spelling (terraform-provider-alicloud retries it for pvtz calls)
            case "InternalError":
            case "UnknownError":
            case "TaskConflict":
            case "IncorrectRouteEntryStatus":
            case "IncorrcetRouteEntryStatus": // sic: DeleteRouteEntry's documented spelling
            case "Operation.Blocking":
            case "OperationConflict":
            case "OperationFailed.DistibuteLock": // sic
            case "LastTokenProcessing":
            case "TokenProcessing":
            case "InstanceStatus.NotSupport":
            case "IncorrectVpcStatus":
            case "IncorrectVSwitchStatus":
            case "IncorrectInstanceStatus":
                return true;

            // Temporary credentials that expired before the client's own clock said so (skew, or a token revoked):
            // the credential provider drops them when it sees this code, so the retry assumes the role afresh.
            case "InvalidSecurityToken.Expired":
                return true;

            // Not retried although Terraform retries it briefly: for AcrReach a same-destination route means
            // "look again" (same next hop = already present, another = conflict), which the applier decides.
            case "OperationFailed.CreateRouteEntryWithSameDestinationCidrBlock":
                return false;
        }

        if (code.StartsWith("IncorrectStatus.", StringComparison.Ordinal))
        {
            return true;
        }

        return httpStatus is 429 or (>= 500 and <= 599);
    }

    private static string Describe(string code, string message, string? requestId, int httpStatus, string? action)
    {
        var where = action is null ? "" : $"{action}: ";
        var status = httpStatus == 0 ? "no HTTP answer" : $"HTTP {httpStatus}";
        var id = requestId is null ? "" : $", request {requestId}";
        return $"{where}{code}: {message} ({status}{id})";
    }
}
