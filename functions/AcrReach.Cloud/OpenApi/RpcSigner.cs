using System.Security.Cryptography;
using System.Text;

namespace AcrReach.Cloud.OpenApi;

/// <summary>The intermediate strings and the result of one RPC HMAC-SHA1 signature.</summary>
public sealed record RpcSignature(string CanonicalQuery, string StringToSign, string Signature);

/// <summary>
/// The RPC signature (<c>SignatureMethod=HMAC-SHA1</c>, <c>SignatureVersion=1.0</c>; the docs call it "V2"):
/// platform.md §1a, signing-vectors.md P1, P2, G4, G5. Pure: the parameters include the common ones
/// (AccessKeyId, Timestamp, SignatureNonce, ...) and exclude <c>Signature</c>.
/// </summary>
public static class RpcSigner
{
    public static RpcSignature Sign(string method, ApiParameters parameters, string accessKeySecret)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(accessKeySecret);

        var canonicalQuery = parameters.ToCanonicalQuery();
        var stringToSign = $"{method}&{PercentEncoding.Encode("/")}&{PercentEncoding.Encode(canonicalQuery)}";
        var signature = Convert.ToBase64String(
            HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
        return new RpcSignature(canonicalQuery, stringToSign, signature);
    }
}
