using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AcrReach.LocalCloud.Http;

namespace AcrReach.LocalCloud.Signing;

/// <summary>
/// The MNS REST signature (platform.md §6): <c>Authorization: MNS AccessKeyId:Base64(HMAC-SHA1(secret, StringToSign))</c>
/// over the verb, Content-MD5, Content-Type, Date, the sorted <c>x-mns-*</c> headers and the resource as sent.
/// Errors carry MNS's own codes: InvalidAccessKeyId 403, SignatureDoesNotMatch 403, MissingDateHeader 400,
/// InvalidDateHeader 400, TimeExpired 408, InvalidDegist (sic) 400.
/// </summary>
internal sealed class MnsAuthenticator(string accessKeyId, string accessKeySecret, TimeProvider time)
{
    public void Authenticate(string method, string resource, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        if (!headers.TryGetValue("authorization", out var authorization) || !authorization.StartsWith("MNS ", StringComparison.Ordinal))
        {
            throw new ApiError("AccessDenied", "The Authorization header is missing or is not 'MNS AccessKeyId:Signature'.", 403);
        }

        var colon = authorization.LastIndexOf(':');
        if (colon <= 4)
        {
            throw new ApiError("AccessDenied", "The Authorization header is not 'MNS AccessKeyId:Signature'.", 403);
        }

        var presentedKey = authorization[4..colon];
        var presentedSignature = authorization[(colon + 1)..];
        if (!string.Equals(presentedKey, accessKeyId, StringComparison.Ordinal))
        {
            throw new ApiError("InvalidAccessKeyId", "The access Id you provided is not exist.", 403);
        }

        var date = headers.GetValueOrDefault("date");
        var dateText = date ?? headers.GetValueOrDefault("x-mns-date") ?? throw new ApiError("MissingDateHeader", "The Date header is missing.");
        if (!DateTimeOffset.TryParseExact(dateText, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sentAt))
        {
            throw new ApiError("InvalidDateHeader", $"The Date header '{dateText}' is not an RFC 1123 date.");
        }

        if ((time.GetUtcNow() - sentAt).Duration() > OpenApiAuthenticator.Window)
        {
            throw new ApiError("TimeExpired", "The http request you sent is expired.", 408);
        }

        var contentMd5 = headers.GetValueOrDefault("content-md5") ?? string.Empty;
        if (contentMd5.Length > 0 && !Md5Matches(contentMd5, body))
        {
            throw new ApiError("InvalidDegist", "The Content-MD5 you specified is not valid.");
        }

        var stringToSign = new StringBuilder()
            .Append(method).Append('\n')
            .Append(contentMd5).Append('\n')
            .Append(headers.GetValueOrDefault("content-type") ?? string.Empty).Append('\n')
            .Append(date ?? string.Empty).Append('\n');
        foreach (var (name, value) in headers.Where(h => h.Key.StartsWith("x-mns-", StringComparison.Ordinal)).OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            stringToSign.Append(name).Append(':').Append(value).Append('\n');
        }

        stringToSign.Append(resource);
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(stringToSign.ToString())));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presentedSignature)))
        {
            throw new ApiError("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.", 403);
        }
    }

    /// <summary>The Node, Go and Python SDKs send Base64 of the lower-case hex MD5 string; the raw digest is accepted too.</summary>
    private static bool Md5Matches(string presented, byte[] body)
    {
        var digest = MD5.HashData(body);
        return presented == Convert.ToBase64String(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(digest)))
            || presented == Convert.ToBase64String(digest);
    }
}
