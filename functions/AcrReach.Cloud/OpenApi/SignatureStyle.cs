namespace AcrReach.Cloud.OpenApi;

/// <summary>How RPC operations are signed.</summary>
public enum SignatureStyle
{
    /// <summary><c>ACS3-HMAC-SHA256</c> in the Authorization header: the official SDKs' default.</summary>
    V3,

    /// <summary>HMAC-SHA1 in the <c>Signature</c> query parameter (SignatureVersion 1.0), still accepted by the service.</summary>
    Rpc,
}
