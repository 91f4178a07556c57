using System.Security.Cryptography;
using System.Text;

namespace AcrReach.Cloud.OpenApi;

/// <summary>The intermediate strings and the result of one ACS3-HMAC-SHA256 signature, kept for tests and diagnostics.</summary>
public sealed record Acs3Signature(
    string CanonicalRequest,
    string StringToSign,
    string SignedHeaders,
    string Signature,
    string Authorization);

/// <summary>
/// Signature V3, <c>ACS3-HMAC-SHA256</c> (platform.md §1b; signing-vectors.md P3, G1–G3). Pure: the caller
/// supplies every header that is to be signed, including <c>x-acs-date</c> and the nonce.
/// </summary>
public static class Acs3Signer
{
    public const string Algorithm = "ACS3-HMAC-SHA256";

    /// <summary>Hex SHA-256 of an empty body: every RPC call sends its parameters in the query.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static Acs3Signature Sign(
        string method,
        string canonicalUri,
        ApiParameters query,
        IEnumerable<KeyValuePair<string, string>> headers,
        string hashedPayload,
        string accessKeyId,
        string accessKeySecret)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(accessKeySecret);

        // Signed: every x-acs-* header plus host and content-type; names lower-cased, values trimmed, sorted.
        var signed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var lower = name.ToLowerInvariant();
            if (lower.StartsWith("x-acs-", StringComparison.Ordinal) || lower is "host" or "content-type")
            {
                signed[lower] = signed.TryGetValue(lower, out var earlier) ? $"{earlier},{value.Trim()}" : value.Trim();
            }
        }

        var canonicalHeaders = new StringBuilder();
        foreach (var (name, value) in signed)
        {
            canonicalHeaders.Append(name).Append(':').Append(value).Append('\n');
        }

        var signedHeaders = string.Join(';', signed.Keys);
        var canonicalRequest = string.Join(
            '\n',
            method,
            canonicalUri,
            query.ToCanonicalQuery(),
            canonicalHeaders.ToString(),
            signedHeaders,
            hashedPayload);

        var stringToSign = $"{Algorithm}\n{Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest))}";
        var signature = Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(stringToSign)));
        var authorization = $"{Algorithm} Credential={accessKeyId},SignedHeaders={signedHeaders},Signature={signature}";
        return new Acs3Signature(canonicalRequest, stringToSign, signedHeaders, signature, authorization);
    }

    public static string Sha256Hex(ReadOnlySpan<byte> payload) => Convert.ToHexStringLower(SHA256.HashData(payload));
}
