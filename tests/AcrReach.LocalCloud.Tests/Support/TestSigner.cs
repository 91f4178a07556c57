using System.Security.Cryptography;
using System.Text;

namespace AcrReach.LocalCloud.Tests.Support;

/// <summary>
/// The tests' own signer, written from platform.md §1 and §6 and checked against the published vectors, independent of
/// both the local cloud's verifier and the AcrReach client.
/// </summary>
public static class TestSigner
{
    public static string Encode(string value) => Uri.EscapeDataString(value);

    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Encode(p.Key) + "=" + Encode(p.Value)));

    /// <summary>The ACS3-HMAC-SHA256 Authorization header for the given request parts (headers lower-case, already final).</summary>
    public static string Acs3Authorization(string method, string canonicalQuery, IReadOnlyDictionary<string, string> headers, string payloadHash, string accessKeyId, string secret, string canonicalUri = "/")
    {
        var signed = headers.Keys.Where(h => h.StartsWith("x-acs-", StringComparison.Ordinal) || h is "host" or "content-type").Order(StringComparer.Ordinal).ToList();
        var canonical = new StringBuilder().Append(method).Append('\n').Append(canonicalUri).Append('\n').Append(canonicalQuery).Append('\n');
        foreach (var name in signed)
        {
            canonical.Append(name).Append(':').Append(headers[name].Trim()).Append('\n');
        }

        canonical.Append('\n').Append(string.Join(';', signed)).Append('\n').Append(payloadHash);
        var stringToSign = "ACS3-HMAC-SHA256\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));
        return $"ACS3-HMAC-SHA256 Credential={accessKeyId},SignedHeaders={string.Join(';', signed)},Signature={signature}";
    }

    /// <summary>The RPC (HMAC-SHA1) Signature parameter over every other parameter.</summary>
    public static string RpcSignature(string method, IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        var stringToSign = method + "&%2F&" + Encode(CanonicalQuery(parameters.Where(p => p.Key != "Signature")));
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>The MNS Authorization signature (Base64 HMAC-SHA1, raw secret as key).</summary>
    public static string MnsSignature(string method, string contentMd5, string contentType, string date, IReadOnlyDictionary<string, string> mnsHeaders, string resource, string secret)
    {
        var builder = new StringBuilder().Append(method).Append('\n').Append(contentMd5).Append('\n').Append(contentType).Append('\n').Append(date).Append('\n');
        foreach (var (name, value) in mnsHeaders.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append(resource);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(builder.ToString())));
    }

    public static string Sha256Hex(byte[] body) => Convert.ToHexStringLower(SHA256.HashData(body));
}
