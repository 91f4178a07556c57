using System.Text.Json.Serialization;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>
/// Why a run failed, was not ready, was cancelled or ran out of time: a code to switch on (a cloud error code such as
/// <c>InvalidAccessKeyId</c>, or one of AcrReach's below), the message a person reads, and the request id of the cloud
/// call that failed. Kept together until the edge that prints it.
/// </summary>
/// <param name="Action">The cloud call that failed (<c>vpc:DescribeVpcs</c>), when one did.</param>
public sealed record RunError(
    [property: JsonPropertyOrder(0)] string Code,
    [property: JsonPropertyOrder(1)] string Message,
    [property: JsonPropertyOrder(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequestId = null,
    [property: JsonPropertyOrder(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Action = null)
{
    public const string NotReadyCode = "NotReady";
    public const string NotFoundCode = "NotFound";
    public const string CancelledCode = "Cancelled";
    public const string DeadlineExceededCode = "DeadlineExceeded";
    public const string CredentialsNotFoundCode = "CredentialsNotFound";

    /// <summary>A cloud call's failure: its code, the service's message with the action that failed, its request id.</summary>
    public static RunError Of(CloudApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception.HttpStatus == 0 ? "no HTTP answer" : $"HTTP {exception.HttpStatus}";
        return new RunError(exception.Code, $"{exception.ServiceMessage} ({status})", exception.RequestId, exception.Action);
    }

    /// <summary>One line: the call that failed, the code, the message and the request id.</summary>
    public override string ToString() =>
        $"{(Action is null ? string.Empty : Action + ": ")}{Code}: {Message}{(RequestId is null ? string.Empty : $" (request {RequestId})")}";
}
