using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Fc;

/// <summary>
/// Function Compute 3.0 calls, as npm <c>@alicloud/fc20230330</c> 4.7 makes them through <c>@alicloud/openapi-core</c>
/// <c>doRequest</c>: ROA, the payload as an <c>application/octet-stream</c> body, signed ACS3-HMAC-SHA256 with the
/// path as the canonical URI and the body's SHA-256 as <c>x-acs-content-sha256</c>. The <c>x-fc-*</c> headers are not
/// signed (only <c>x-acs-*</c>, host and content-type are). Through the same <see cref="CallPipeline"/> as every call.
/// </summary>
public sealed class FcApi : IFcApi
{
    public const string RequestIdHeader = "x-fc-request-id";
    private const string ContentType = "application/octet-stream";

    private readonly HttpClient _http;
    private readonly CallPipeline _pipeline;
    private readonly ICredentialProvider _credentials;
    private readonly TimeProvider _time;
    private readonly Uri _endpoint;
    private readonly string _userAgent;
    private readonly Func<string> _nonce;

    public FcApi(HttpClient http, CallPipeline pipeline, ICredentialProvider credentials, TimeProvider time, Uri endpoint, string? userAgent = null, Func<string>? nonce = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _userAgent = userAgent ?? OpenApiClient.DefaultUserAgent;
        _nonce = nonce ?? (() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
    }

    public Task<InvokeFunctionResponse> InvokeFunctionAsync(InvokeFunctionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.FunctionName);
        var body = request.Payload.ToArray();
        return _pipeline.ExecuteAsync(FcOperations.InvokeFunction, token => AttemptAsync(request, body, token), cancellationToken);
    }

    /// <summary>The path of an invocation (the SDK percent-encodes the name into it).</summary>
    public static string InvocationPath(string functionName) => $"/2023-03-30/functions/{PercentEncoding.Encode(functionName)}/invocations";

    private async Task<InvokeFunctionResponse> AttemptAsync(InvokeFunctionRequest request, byte[] body, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetCredentialsAsync(cancellationToken);
        using var message = CreateRequest(request, body, credentials);
        using var response = await _http.SendAsync(message, cancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var status = (int)response.StatusCode;
        if (status >= 400)
        {
            throw ErrorResponse.ToException(status, content, response.Headers, FcOperations.InvokeFunction.RamAction, RequestIdHeader);
        }

        var requestId = response.Headers.TryGetValues(RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
        return new InvokeFunctionResponse(status, requestId, content);
    }

    internal HttpRequestMessage CreateRequest(InvokeFunctionRequest request, byte[] body, CloudCredentials credentials)
    {
        var path = InvocationPath(request.FunctionName);
        var query = new ApiParameters();
        if (request.Qualifier is { } qualifier)
        {
            query.Set("qualifier", qualifier);
        }

        var host = _endpoint.Authority;
        var payloadHash = Acs3Signer.Sha256Hex(body);
        var headers = new List<KeyValuePair<string, string>>(10)
        {
            new("host", host),
            new("x-acs-action", FcOperations.InvokeFunction.Action),
            new("x-acs-version", FcOperations.InvokeFunction.Product.Version),
            new("x-acs-date", _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("x-acs-signature-nonce", _nonce()),
            new("x-acs-content-sha256", payloadHash),
            new("content-type", ContentType),
        };
        if (credentials.SecurityToken is { } token)
        {
            headers.Add(new("x-acs-accesskey-id", credentials.AccessKeyId));
            headers.Add(new("x-acs-security-token", token));
        }

        var signature = Acs3Signer.Sign("POST", path, query, headers, payloadHash, credentials.AccessKeyId, credentials.AccessKeySecret);
        var canonicalQuery = query.ToCanonicalQuery();
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, canonicalQuery.Length == 0 ? path : path + "?" + canonicalQuery))
        {
            Content = new ByteArrayContent(body),
        };
        message.Headers.Host = host;
        foreach (var (name, value) in headers.Where(h => h.Key is not ("host" or "content-type")))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Headers.TryAddWithoutValidation("accept", "application/json");
        message.Headers.TryAddWithoutValidation("user-agent", _userAgent);
        message.Headers.TryAddWithoutValidation("x-fc-invocation-type", request.Type == InvocationType.Async ? "Async" : "Sync");
        if (request.AsyncTaskId is { } taskId)
        {
            message.Headers.TryAddWithoutValidation("x-fc-async-task-id", taskId);
        }

        message.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        return message;
    }
}
