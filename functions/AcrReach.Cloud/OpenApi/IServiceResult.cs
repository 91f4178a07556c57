namespace AcrReach.Cloud.OpenApi;

/// <summary>
/// A response that reports failure in its body: Container Registry answers some failures with HTTP 200 and
/// <c>IsSuccess=false</c> (cloud-apis.md §3.1; Terraform checks it), which the client turns into the same
/// <see cref="CloudApiException"/> as an HTTP error.
/// </summary>
public interface IServiceResult
{
    string? Code { get; }

    bool? IsSuccess { get; }

    string? Message { get; }

    string? RequestId { get; }
}
