using System.Security.Cryptography;
using System.Text;

namespace AcrReach.Cloud.Mns;

/// <summary>The intermediate string and the result of one MNS signature.</summary>
public sealed record MnsSignature(string StringToSign, string Signature)
{
    /// <summary>The <c>Authorization</c> header value: <c>MNS {accessKeyId}:{signature}</c>.</summary>
    public string AuthorizationFor(string accessKeyId) => $"MNS {accessKeyId}:{Signature}";
}

/// <summary>
/// MNS's own signature (platform.md §6; signing-vectors.md P4, M1, M2): Base64 HMAC-SHA1, keyed with the raw
/// secret, of <c>VERB\nContent-MD5\nContent-Type\nDate\n</c> + the <c>x-mns-*</c> headers (lower-case, sorted,
/// <c>name:value\n</c>) + the resource (path and query as sent).
/// </summary>
public static class MnsSigner
{
    public static MnsSignature Sign(
        string method,
        string? contentMd5,
        string? contentType,
        string date,
        IEnumerable<KeyValuePair<string, string>> headers,
        string resource,
        string accessKeySecret)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(accessKeySecret);

        var mnsHeaders = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var lower = name.ToLowerInvariant();
            if (lower.StartsWith("x-mns-", StringComparison.Ordinal))
            {
                mnsHeaders[lower] = value.Trim();
            }
        }

        var builder = new StringBuilder()
            .Append(method).Append('\n')
            .Append(contentMd5).Append('\n')
            .Append(contentType).Append('\n')
            .Append(date).Append('\n');
        foreach (var (name, value) in mnsHeaders)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        var stringToSign = builder.Append(resource).ToString();
        var signature = Convert.ToBase64String(
            HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(stringToSign)));
        return new MnsSignature(stringToSign, signature);
    }

    /// <summary>
    /// <c>Content-MD5</c> as the Node, Go and Python SDKs send it: Base64 of the lower-case <b>hex string</b> of the
    /// MD5, not of the raw digest.
    /// </summary>
    public static string ContentMd5(ReadOnlySpan<byte> body) =>
#pragma warning disable CA5351 // MD5 is the protocol's integrity check here, not a security measure.
        Convert.ToBase64String(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(MD5.HashData(body))));
#pragma warning restore CA5351
}
