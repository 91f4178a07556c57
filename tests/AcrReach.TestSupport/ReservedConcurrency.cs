using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.TestSupport;

/// <summary>
/// What a deployment does for a function's <c>concurrencyConfig.reservedConcurrency</c> (s.yaml, the fc3 component) or
/// <c>ALIYUN::FC3::ConcurrencyConfig</c> (template.yml): FC 2023-03-30 <c>PutConcurrencyConfig</c>, <c>PUT
/// /2023-03-30/functions/{functionName}/concurrency</c> with <c>{"reservedConcurrency": N}</c>, signed ACS3 over the path
/// as npm <c>@alicloud/fc20230330</c> 4.7 sends it (<c>putConcurrencyConfigWithOptions</c>). Not the product's client:
/// the functions never set their own concurrency, so their role has no permission to.
/// </summary>
public static class ReservedConcurrency
{
    public static async Task PutAsync(HttpClient http, Uri endpoint, string accessKeyId, string accessKeySecret, string function, int reserved, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        var path = $"/2023-03-30/functions/{Uri.EscapeDataString(function)}/concurrency";
        var body = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""{"reservedConcurrency":{{reserved}}}"""));
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        const string ContentType = "application/json; charset=utf-8";
        var headers = new List<KeyValuePair<string, string>>
        {
            new("host", endpoint.Authority),
            new("x-acs-action", "PutConcurrencyConfig"),
            new("x-acs-version", "2023-03-30"),
            new("x-acs-date", TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("x-acs-signature-nonce", Guid.NewGuid().ToString("N")),
            new("x-acs-content-sha256", hash),
            new("content-type", ContentType),
        };
        var signature = Acs3Signer.Sign("PUT", path, new ApiParameters(), headers, hash, accessKeyId, accessKeySecret);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(endpoint, path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        foreach (var (name, value) in headers.Where(h => h.Key.StartsWith("x-acs-", StringComparison.Ordinal)))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PutConcurrencyConfig of {function} answered HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
