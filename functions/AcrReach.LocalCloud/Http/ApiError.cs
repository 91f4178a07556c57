namespace AcrReach.LocalCloud.Http;

/// <summary>
/// An error answered the way the service answers it: a code, a message and an HTTP status. Thrown by handlers and
/// the authenticator; the endpoint turns it into the product's error body. Never carries a stack trace to the wire.
/// </summary>
internal sealed class ApiError(string code, string message, int httpStatus = 400) : Exception(message)
{
    public string Code { get; } = code;

    public int HttpStatus { get; } = httpStatus;

    /// <summary>Milliseconds the client should wait, sent as x-acs-retry-after (read by the official SDK as milliseconds).</summary>
    public int? RetryAfterMilliseconds { get; init; }

    public static ApiError Missing(string parameter) =>
        new("MissingParameter", $"The input parameter \"{parameter}\" that is mandatory for processing this request is not supplied.");

    public static ApiError Invalid(string parameter, string? why = null) =>
        new("InvalidParameter", $"The specified parameter \"{parameter}\" is not valid.{(why is null ? string.Empty : " " + why)}");
}
