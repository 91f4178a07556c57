using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace AcrReach.Cloud.OpenApi;

/// <summary>
/// Reads a failed answer into a <see cref="CloudApiException"/>: a JSON body with <c>Code</c>/<c>Message</c>/
/// <c>RequestId</c> (or their lower-case forms), or an XML <c>&lt;Error&gt;</c> (some OpenAPI errors and all of MNS),
/// as the official client does (openapi-core <c>doRequest</c>); anything else is named by its HTTP status.
/// </summary>
public static class ErrorResponse
{
    /// <summary>Header with the wait the service asks for before a retry, in milliseconds (openapi-core <c>getThrottlingTimeLeft</c>).</summary>
    public const string RetryAfterHeader = "x-acs-retry-after";

    /// <summary>
    /// How much of an answer is read to describe a failure: a real error body is well under a kilobyte, and one exception
    /// must not hold (or make the process read) whatever a broken or hostile endpoint sends.
    /// </summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The first <paramref name="limit"/> bytes of a body; the rest is never read (the connection is dropped with the response).</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken, int limit = MaxBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Min(limit, content.Headers.ContentLength is { } length and >= 0 ? (int)Math.Min(length, limit) : limit)];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read == buffer.Length ? buffer : buffer[..read];
    }

    public static CloudApiException ToException(int httpStatus, ReadOnlySpan<byte> body, HttpResponseHeaders headers, string action, string? requestIdHeader = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var (code, message, requestId) = Read(body);
        requestId ??= requestIdHeader is not null && headers.TryGetValues(requestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
        return new CloudApiException(
            code ?? $"Http{httpStatus.ToString(CultureInfo.InvariantCulture)}",
            message ?? Snippet(body, httpStatus),
            requestId,
            httpStatus,
            RetryAfter(headers),
            action);
    }

    /// <summary>
    /// A 3xx: the client follows no redirect (a followed one would carry the STS token to the host it names), so it
    /// is an error naming the status and where it pointed; not transient, as the same request meets the same answer.
    /// </summary>
    public static CloudApiException Redirect(int httpStatus, HttpResponseHeaders headers, string action, string? requestIdHeader = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var requestId = requestIdHeader is not null && headers.TryGetValues(requestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
        var target = headers.Location is { IsAbsoluteUri: true } location ? $" to {location.GetLeftPart(UriPartial.Authority)}" : string.Empty;
        return new CloudApiException(
            $"Http{httpStatus.ToString(CultureInfo.InvariantCulture)}",
            $"the service answered with a redirect{target}; AcrReach follows no redirects, so the signed request went nowhere else",
            requestId,
            httpStatus,
            action: action);
    }

    /// <summary>
    /// <c>x-acs-retry-after</c> in milliseconds as the SDK reads it; failing that, the standard <c>Retry-After</c>
    /// (seconds or a date).
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.TryGetValues(RetryAfterHeader, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        return headers.RetryAfter?.Delta;
    }

    private static (string? Code, string? Message, string? RequestId) Read(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty)
        {
            return default;
        }

        try
        {
            return trimmed[0] == (byte)'<' ? ReadXml(trimmed) : ReadJson(trimmed);
        }
        catch (Exception e) when (e is JsonException or XmlException)
        {
            return default;
        }
    }

    private static (string?, string?, string?) ReadJson(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        string? code = null, message = null, requestId = null;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                _ => null,
            };
            switch (property.Name)
            {
                case "Code" or "code":
                    code ??= value;
                    break;
                case "Message" or "message":
                    message ??= value;
                    break;
                case "RequestId" or "requestId":
                    requestId ??= value;
                    break;
            }
        }

        return (code, message, requestId);
    }

    private static (string?, string?, string?) ReadXml(ReadOnlySpan<byte> body)
    {
        var fields = XmlFields.Read(body);
        return (fields.GetValueOrDefault("Code"), fields.GetValueOrDefault("Message"), fields.GetValueOrDefault("RequestId"));
    }

    private static string Snippet(ReadOnlySpan<byte> body, int httpStatus)
    {
        if (body.IsEmpty)
        {
            return $"HTTP {httpStatus.ToString(CultureInfo.InvariantCulture)} with an empty body";
        }

        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 200)]).ReplaceLineEndings(" ");
        return $"HTTP {httpStatus.ToString(CultureInfo.InvariantCulture)}: {text}";
    }
}
