using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Endpoints;

namespace AcrReach.Cloud.OpenApi;

/// <summary>
/// Calls RPC-style OpenAPI operations (VPC, CBN, CR, PrivateZone) as the generated SDKs do: <c>POST /</c> with
/// every parameter in the query string and an empty body, signed with ACS3-HMAC-SHA256 (or, selectable, the RPC
/// HMAC-SHA1 signature), JSON answers; errors become one <see cref="CloudApiException"/>.
/// </summary>
public sealed class OpenApiClient
{
    private const string ClientTokenParameter = "ClientToken";

    private readonly HttpClient _http;
    private readonly CallPipeline _pipeline;
    private readonly EndpointResolver _endpoints;
    private readonly ICredentialProvider _credentials;
    private readonly TimeProvider _time;
    private readonly SignatureStyle _style;
    private readonly string _userAgent;
    private readonly Func<string> _nonce;

    public OpenApiClient(
        HttpClient http,
        CallPipeline pipeline,
        EndpointResolver endpoints,
        ICredentialProvider credentials,
        TimeProvider time,
        SignatureStyle style = SignatureStyle.V3,
        string? userAgent = null,
        Func<string>? nonce = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _style = style;
        _userAgent = userAgent ?? DefaultUserAgent;
        _nonce = nonce ?? NewNonce;
    }

    public static string DefaultUserAgent { get; } =
        $"AcrReach/{typeof(OpenApiClient).Assembly.GetName().Version?.ToString(3) ?? "0"} (.NET {Environment.Version})";

    /// <summary>
    /// Calls <paramref name="operation"/> in <paramref name="regionId"/> (which picks the endpoint of a regional
    /// product) and returns the parsed answer. The parameters, including the ClientToken, are fixed once and
    /// reused by every retry; date, nonce and signature are made afresh for each attempt.
    /// </summary>
    public Task<TResponse> InvokeAsync<TRequest, TResponse>(
        ApiOperation<TRequest, TResponse> operation,
        TRequest request,
        string? regionId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var parameters = ParameterFlattener.Flatten(request, operation.RequestType);
        if (operation.SendsClientToken && !parameters.Contains(ClientTokenParameter))
        {
            parameters.Set(ClientTokenParameter, NewClientToken());
        }

        var endpoint = _endpoints.Resolve(operation.Product, regionId);
        return _pipeline.ExecuteAsync(operation, token => AttemptAsync(operation, parameters, endpoint, token), cancellationToken);
    }

    private async Task<TResponse> AttemptAsync<TRequest, TResponse>(
        ApiOperation<TRequest, TResponse> operation,
        ApiParameters parameters,
        Uri endpoint,
        CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetCredentialsAsync(cancellationToken);
        using var message = CreateRequest(operation, parameters, endpoint, credentials);
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            throw ErrorResponse.Redirect(status, response.Headers, operation.RamAction);
        }

        if (status >= 400)
        {
            var body = await ErrorResponse.ReadBodyAsync(response.Content, cancellationToken);
            var error = ErrorResponse.ToException(status, body, response.Headers, operation.RamAction);
            if (error.Code == "InvalidSecurityToken.Expired" && _credentials is IRefreshableCredentials refreshable)
            {
                refreshable.Invalidate(credentials);
            }

            throw error;
        }

        TResponse? result;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            result = await JsonSerializer.DeserializeAsync(stream, operation.ResponseType, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new CloudApiException(
                CloudApiException.InvalidResponseCode,
                $"the answer is not the documented JSON: {e.Message}",
                requestId: null,
                status,
                action: operation.RamAction,
                innerException: e);
        }

        if (result is null)
        {
            throw new CloudApiException(CloudApiException.InvalidResponseCode, "the answer is JSON null", null, status, action: operation.RamAction);
        }

        if (result is IServiceResult { IsSuccess: false } failed)
        {
            throw new CloudApiException(
                string.IsNullOrEmpty(failed.Code) ? CloudApiException.UnsuccessfulCode : failed.Code,
                failed.Message ?? "the service answered IsSuccess=false",
                failed.RequestId,
                status,
                action: operation.RamAction);
        }

        return result;
    }

    /// <summary>Builds and signs one attempt's request.</summary>
    internal HttpRequestMessage CreateRequest(ApiOperation operation, ApiParameters parameters, Uri endpoint, CloudCredentials credentials)
    {
        var timestamp = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var nonce = _nonce();
        var host = endpoint.Authority;
        string query;
        var message = new HttpRequestMessage(HttpMethod.Post, endpoint);
        message.Headers.Host = host;
        message.Headers.TryAddWithoutValidation("x-acs-action", operation.Action);
        message.Headers.TryAddWithoutValidation("x-acs-version", operation.Product.Version);
        message.Headers.TryAddWithoutValidation("accept", "application/json");
        message.Headers.TryAddWithoutValidation("user-agent", _userAgent);

        if (_style == SignatureStyle.V3)
        {
            var headers = new List<KeyValuePair<string, string>>(8)
            {
                new("host", host),
                new("x-acs-action", operation.Action),
                new("x-acs-version", operation.Product.Version),
                new("x-acs-date", timestamp),
                new("x-acs-signature-nonce", nonce),
                new("x-acs-content-sha256", Acs3Signer.EmptyPayloadHash),
            };

            // The official client signs the AccessKey id as well when it sends an STS token (openapi-core doRequest).
            if (credentials.SecurityToken is { } token)
            {
                headers.Add(new("x-acs-accesskey-id", credentials.AccessKeyId));
                headers.Add(new("x-acs-security-token", token));
            }

            var signature = Acs3Signer.Sign("POST", "/", parameters, headers, Acs3Signer.EmptyPayloadHash, credentials.AccessKeyId, credentials.AccessKeySecret);
            foreach (var (name, value) in headers)
            {
                if (name is not ("host" or "x-acs-action" or "x-acs-version"))
                {
                    message.Headers.TryAddWithoutValidation(name, value);
                }
            }

            message.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
            query = parameters.ToCanonicalQuery();
        }
        else
        {
            var signed = parameters.Copy()
                .Set("Action", operation.Action)
                .Set("Version", operation.Product.Version)
                .Set("Format", "JSON")
                .Set("Timestamp", timestamp)
                .Set("SignatureNonce", nonce)
                .Set("SignatureMethod", "HMAC-SHA1")
                .Set("SignatureVersion", "1.0")
                .Set("AccessKeyId", credentials.AccessKeyId);
            if (credentials.SecurityToken is { } token)
            {
                signed.Set("SecurityToken", token);
            }

            var signature = RpcSigner.Sign("POST", signed, credentials.AccessKeySecret);
            query = signed.Set("Signature", signature.Signature).ToCanonicalQuery();
        }

        message.RequestUri = new Uri(endpoint, query.Length == 0 ? "/" : "/?" + query);
        return message;
    }

    private static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string NewClientToken() => Guid.NewGuid().ToString("D");
}
