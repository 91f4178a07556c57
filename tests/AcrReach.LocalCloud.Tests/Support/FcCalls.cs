using System.Globalization;
using System.Net.Http.Headers;

namespace AcrReach.LocalCloud.Tests.Support;

/// <summary>Function Compute 3.0 ROA calls signed ACS3 over their path, as <c>@alicloud/fc20230330</c> sends them.</summary>
public static class FcCalls
{
    public static Task<HttpResponseMessage> InvokeAsync(HttpClient http, Uri endpoint, string function, string type, byte[] payload, string? canonicalUri = null) =>
        SendAsync(http, endpoint, HttpMethod.Post, $"/2023-03-30/functions/{function}/invocations", "InvokeFunction", payload, "application/octet-stream", new Dictionary<string, string> { ["x-fc-invocation-type"] = type }, canonicalUri);

    public static Task<HttpResponseMessage> PutConcurrencyAsync(HttpClient http, Uri endpoint, string function, string body) =>
        SendAsync(http, endpoint, HttpMethod.Put, $"/2023-03-30/functions/{function}/concurrency", "PutConcurrencyConfig", System.Text.Encoding.UTF8.GetBytes(body), "application/json; charset=utf-8");

    public static Task<HttpResponseMessage> GetConcurrencyAsync(HttpClient http, Uri endpoint, string function) =>
        SendAsync(http, endpoint, HttpMethod.Get, $"/2023-03-30/functions/{function}/concurrency", "GetConcurrencyConfig", [], null);

    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, Uri endpoint, HttpMethod method, string path, string action, byte[] body, string? contentType, IReadOnlyDictionary<string, string>? unsigned = null, string? canonicalUri = null)
    {
        var hash = TestSigner.Sha256Hex(body);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = endpoint.Authority,
            ["x-acs-action"] = action,
            ["x-acs-version"] = "2023-03-30",
            ["x-acs-date"] = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["x-acs-signature-nonce"] = Guid.NewGuid().ToString("N"),
            ["x-acs-content-sha256"] = hash,
        };
        if (contentType is not null)
        {
            headers["content-type"] = contentType;
        }

        var authorization = TestSigner.Acs3Authorization(method.Method, string.Empty, headers, hash, LocalCloudOptions.DefaultAccessKeyId, LocalCloudOptions.DefaultAccessKeySecret, canonicalUri ?? path);
        using var request = new HttpRequestMessage(method, new Uri(endpoint, path));
        if (contentType is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers.Where(h => h.Key.StartsWith("x-acs-", StringComparison.Ordinal)).Concat(unsigned ?? new Dictionary<string, string>()))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await http.SendAsync(request);
    }
}
