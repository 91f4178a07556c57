using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AcrReach.LocalCloud.Tests.Support;

public sealed record Answer(HttpStatusCode Status, string Body, HttpResponseHeaders Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Code => Json.TryGetProperty("Code", out var code) ? code.GetString() : null;

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? values.First() : null;
}

/// <summary>Signed calls over real HTTP to a local cloud, as a client would make them; every knob of a call can be spoiled.</summary>
public sealed class CloudClient(LocalCloudServer cloud, TimeProvider time) : IDisposable
{
    public const string Vpc = "2016-04-28";
    public const string Cbn = "2017-09-12";
    public const string Cr = "2018-12-01";
    public const string Pvtz = "2018-01-01";

    private readonly HttpClient _http = new() { BaseAddress = cloud.Endpoint };
    private int _nonce;

    public string AccessKeyId { get; init; } = LocalCloudOptions.DefaultAccessKeyId;

    public string Secret { get; init; } = LocalCloudOptions.DefaultAccessKeySecret;

    public HttpClient Http => _http;

    public string NextNonce() => $"nonce-{Interlocked.Increment(ref _nonce)}-{Guid.NewGuid():N}";

    public Task<Answer> Acs3(string version, string action, IReadOnlyDictionary<string, string>? parameters = null, Action<Acs3Call>? spoil = null)
    {
        var call = new Acs3Call(version, action, parameters ?? new Dictionary<string, string>(), Secret, AccessKeyId, time.GetUtcNow(), NextNonce());
        spoil?.Invoke(call);
        return SendAcs3(call);
    }

    public async Task<Answer> SendAcs3(Acs3Call call)
    {
        var host = cloud.Endpoint.Authority;
        var query = call.InBody ? string.Empty : TestSigner.CanonicalQuery(call.Parameters);
        var body = call.InBody ? Encoding.UTF8.GetBytes(TestSigner.CanonicalQuery(call.Parameters)) : [];
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = host,
            ["x-acs-action"] = call.Action,
            ["x-acs-version"] = call.Version,
            ["x-acs-date"] = call.Date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["x-acs-signature-nonce"] = call.Nonce,
            ["x-acs-content-sha256"] = call.PayloadHash ?? TestSigner.Sha256Hex(body),
        };
        if (call.InBody)
        {
            headers["content-type"] = "application/x-www-form-urlencoded";
        }

        if (call.SecurityToken is not null)
        {
            headers["x-acs-security-token"] = call.SecurityToken;
            headers["x-acs-accesskey-id"] = call.AccessKeyId;
        }

        var authorization = TestSigner.Acs3Authorization(call.Method, query, headers, TestSigner.Sha256Hex(body), call.AccessKeyId, call.Secret);
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), "/" + (query.Length > 0 ? "?" + query : string.Empty));
        foreach (var (name, value) in headers.Where(h => h.Key.StartsWith("x-acs-", StringComparison.Ordinal)))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        foreach (var (name, value) in call.ExtraHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (call.InBody)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        return await Send(request);
    }

    /// <summary>An RPC (HMAC-SHA1) call: parameters in the query (GET or POST) or, with <paramref name="inBody"/>, in a form body.</summary>
    public async Task<Answer> Rpc(string version, string action, IReadOnlyDictionary<string, string>? parameters = null, string method = "POST", bool inBody = false, string? secret = null, string? nonce = null, DateTimeOffset? timestamp = null)
    {
        var all = new Dictionary<string, string>(parameters ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["Action"] = action,
            ["Version"] = version,
            ["Format"] = "JSON",
            ["AccessKeyId"] = AccessKeyId,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureVersion"] = "1.0",
            ["SignatureNonce"] = nonce ?? NextNonce(),
            ["Timestamp"] = (timestamp ?? time.GetUtcNow()).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        all["Signature"] = TestSigner.RpcSignature(method, all, secret ?? Secret);
        var encoded = TestSigner.CanonicalQuery(all);
        using var request = new HttpRequestMessage(new HttpMethod(method), inBody ? "/" : "/?" + encoded);
        if (inBody)
        {
            request.Content = new StringContent(encoded, Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        return await Send(request);
    }

    public async Task<Answer> Send(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers);
    }

    public async Task<Answer> Control(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, "/_local/" + path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Send(request);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>One ACS3 call before it is signed; tests change what they need to spoil it.</summary>
public sealed class Acs3Call(string version, string action, IReadOnlyDictionary<string, string> parameters, string secret, string accessKeyId, DateTimeOffset date, string nonce)
{
    public string Version { get; set; } = version;

    public string Action { get; set; } = action;

    public IReadOnlyDictionary<string, string> Parameters { get; set; } = parameters;

    public string Secret { get; set; } = secret;

    public string AccessKeyId { get; set; } = accessKeyId;

    public DateTimeOffset Date { get; set; } = date;

    public string Nonce { get; set; } = nonce;

    public string Method { get; set; } = "POST";

    public bool InBody { get; set; }

    public string? SecurityToken { get; set; }

    /// <summary>Sent as x-acs-content-sha256 instead of the body's real hash.</summary>
    public string? PayloadHash { get; set; }

    /// <summary>Sent without being signed.</summary>
    public Dictionary<string, string> ExtraHeaders { get; } = [];
}
