using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AcrReach.LocalCloud.Http;

namespace AcrReach.LocalCloud.Signing;

/// <summary>What arrived on the wire, before any of it is trusted.</summary>
/// <param name="CanonicalUri">The path as signed: <c>/</c> for RPC calls, the resource path for ROA ones (Function Compute).</param>
internal sealed record IncomingCall(
    string Method,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Form,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    string CanonicalUri = "/");

internal enum SignatureStyle
{
    /// <summary>ACS3-HMAC-SHA256 in the Authorization header (the SDKs' default, "V3").</summary>
    Acs3,

    /// <summary>HMAC-SHA1 over the parameters, sent as the Signature parameter (pop-core, openapi-client with signatureAlgorithm v2).</summary>
    Rpc,
}

/// <summary>
/// Verifies both OpenAPI signature styles the way the gateway does (platform.md §1a, §1b): the access key, the
/// signature, the date window and nonce reuse. A long-term key accepts any security token (FC role credentials in
/// tests); temporary credentials from AssumeRole need their own token, unexpired. Codes and statuses are the
/// gateway's: SignatureDoesNotMatch 400, InvalidAccessKeyId.NotFound 404, SignatureNonceUsed 400,
/// InvalidTimeStamp.Expired 400, IncompleteSignature 400, InvalidSecurityToken.* 400.
/// </summary>
internal sealed class OpenApiAuthenticator(AccessKeys keys, TimeProvider time)
{
    /// <summary>The gateway accepts a request date up to 15 minutes either side of its clock.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const string Acs3Algorithm = "ACS3-HMAC-SHA256";
    private static readonly string[] Acs3RequiredHeaders = ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"];

    private readonly NonceCache _nonces = new(time, Window);

    public static SignatureStyle? StyleOf(IncomingCall call) =>
        call.Headers.TryGetValue("authorization", out var authorization) && authorization.StartsWith("ACS3-", StringComparison.Ordinal)
            ? SignatureStyle.Acs3
            : call.Query.Concat(call.Form).Any(p => p.Key == "Signature") ? SignatureStyle.Rpc : null;

    /// <summary>Verifies the call and says who made it.</summary>
    public Caller Authenticate(IncomingCall call)
    {
        switch (StyleOf(call))
        {
            case SignatureStyle.Acs3:
                return VerifyAcs3(call);
            case SignatureStyle.Rpc:
                return VerifyRpc(call);
            default:
                throw Incomplete("The request carries neither an ACS3 Authorization header nor a Signature parameter.");
        }
    }

    private Caller VerifyAcs3(IncomingCall call)
    {
        var authorization = ParseAuthorization(call.Headers["authorization"]);
        if (authorization.Algorithm != Acs3Algorithm)
        {
            throw Incomplete($"Unsupported signature algorithm '{authorization.Algorithm}'.");
        }

        foreach (var header in Acs3RequiredHeaders)
        {
            if (!call.Headers.ContainsKey(header))
            {
                throw Incomplete($"The header {header} is missing.");
            }

            if (!authorization.SignedHeaders.Contains(header))
            {
                throw Incomplete($"The header {header} must be signed.");
            }
        }

        foreach (var header in call.Headers.Keys.Where(h => h.StartsWith("x-acs-", StringComparison.Ordinal)))
        {
            if (!authorization.SignedHeaders.Contains(header))
            {
                throw Incomplete($"The header {header} must be signed.");
            }
        }

        var key = CheckAccessKey(authorization.Credential, call.Headers.GetValueOrDefault("x-acs-security-token"));
        var accessKeySecret = key.Secret;
        CheckDate(call.Headers["x-acs-date"]);

        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(call.Body));
        if (!string.Equals(payloadHash, call.Headers["x-acs-content-sha256"], StringComparison.Ordinal))
        {
            throw new ApiError("SignatureDoesNotMatch", "Specified signature does not match our calculation: x-acs-content-sha256 is not the SHA-256 of the body.");
        }

        var canonical = new StringBuilder()
            .Append(call.Method).Append('\n')
            .Append(call.CanonicalUri).Append('\n')
            .Append(CanonicalQuery(call.Query, encodeKeys: true)).Append('\n');
        foreach (var header in authorization.SignedHeaders)
        {
            canonical.Append(header).Append(':').Append(call.Headers.TryGetValue(header, out var value) ? value.Trim() : string.Empty).Append('\n');
        }

        canonical.Append('\n').Append(string.Join(';', authorization.SignedHeaders)).Append('\n').Append(payloadHash);
        var canonicalRequest = canonical.ToString();
        var stringToSign = Acs3Algorithm + "\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(stringToSign)));
        if (!FixedTimeEquals(expected, authorization.Signature))
        {
            throw new ApiError("SignatureDoesNotMatch", $"Specified signature does not match our calculation. server StringToSign is [{stringToSign}], server CanonicalRequest is [{canonicalRequest}]");
        }

        CheckNonce(authorization.Credential, call.Headers["x-acs-signature-nonce"]);
        return Caller.Of(key);
    }

    private Caller VerifyRpc(IncomingCall call)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in call.Query.Concat(call.Form))
        {
            parameters[name] = value;
        }

        foreach (var name in (string[])["AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp"])
        {
            if (!parameters.TryGetValue(name, out var value) || value.Length == 0)
            {
                throw ApiError.Missing(name);
            }
        }

        if (parameters["SignatureMethod"] != "HMAC-SHA1")
        {
            throw ApiError.Invalid("SignatureMethod");
        }

        if (parameters["SignatureVersion"] != "1.0")
        {
            throw ApiError.Invalid("SignatureVersion");
        }

        var key = CheckAccessKey(parameters["AccessKeyId"], parameters.GetValueOrDefault("SecurityToken"));
        var accessKeySecret = key.Secret;
        CheckDate(parameters["Timestamp"]);

        var signed = parameters.Where(p => p.Key != "Signature").ToList();
        var stringToSign = call.Method + "&%2F&" + PercentEncoding.Encode(CanonicalQuery(signed, encodeKeys: true));
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
        if (!FixedTimeEquals(expected, parameters["Signature"]))
        {
            throw new ApiError("SignatureDoesNotMatch", $"Specified signature is not matched with our calculation. server string to sign is:{stringToSign}");
        }

        CheckNonce(parameters["AccessKeyId"], parameters["SignatureNonce"]);
        return Caller.Of(key);
    }

    /// <summary>Sorted by key (ordinal), then value; keys and values percent-encoded; <c>k=</c> for an empty value.</summary>
    internal static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> pairs, bool encodeKeys) =>
        string.Join('&', pairs
            .Select(p => (Key: encodeKeys ? PercentEncoding.Encode(p.Key) : p.Key, Value: PercentEncoding.Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));

    private AccessKey CheckAccessKey(string presented, string? securityToken)
    {
        var key = keys.Find(presented) ?? throw new ApiError("InvalidAccessKeyId.NotFound", "Specified access key is not found.", 404);
        if (key.SecurityToken is null)
        {
            return key;
        }

        if (string.IsNullOrEmpty(securityToken))
        {
            throw new ApiError("MissingSecurityToken", "SecurityToken is mandatory for this action.");
        }

        if (!FixedTimeEquals(key.SecurityToken, securityToken))
        {
            throw new ApiError("InvalidSecurityToken.MismatchWithAccessKey", "Specified SecurityToken mismatch with the AccessKey.");
        }

        return key.Expiration is { } expiration && time.GetUtcNow() >= expiration
            ? throw new ApiError("InvalidSecurityToken.Expired", "Specified SecurityToken is expired.")
            : key;
    }

    private void CheckDate(string text)
    {
        if (!DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            throw new ApiError("InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
        }

        if ((time.GetUtcNow() - date).Duration() > Window)
        {
            throw new ApiError("InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        }
    }

    private void CheckNonce(string presentedKey, string nonce)
    {
        if (!_nonces.TryUse(presentedKey, nonce))
        {
            throw new ApiError("SignatureNonceUsed", "Specified signature nonce was used already.");
        }
    }

    private static bool FixedTimeEquals(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presented));

    private static ApiError Incomplete(string why) =>
        new("IncompleteSignature", $"The request signature does not conform to Aliyun standards. {why}");

    private sealed record Authorization(string Algorithm, string Credential, IReadOnlyList<string> SignedHeaders, string Signature);

    private static Authorization ParseAuthorization(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            throw Incomplete("The Authorization header is malformed.");
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in header[(space + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw Incomplete("The Authorization header is malformed.");
            }

            var value = part[(equals + 1)..];
            switch (part[..equals])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
                default: throw Incomplete($"Unknown Authorization field '{part[..equals]}'.");
            }
        }

        if (credential is null || signedHeaders is null || signature is null)
        {
            throw Incomplete("The Authorization header needs Credential, SignedHeaders and Signature.");
        }

        var names = signedHeaders.Split(';');
        if (names.Any(n => n.Length == 0 || n != n.ToLowerInvariant()) || !names.SequenceEqual(names.Order(StringComparer.Ordinal)))
        {
            throw Incomplete("SignedHeaders must be lower-case names, sorted, separated by ';'.");
        }

        return new Authorization(header[..space], credential, names, signature);
    }
}
