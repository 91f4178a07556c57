using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Tests.Support;

/// <summary>Checks on what a request carried.</summary>
public static class Wire
{
    /// <summary>
    /// Recomputes the ACS3 signature from what actually went on the wire (method, query as sent, the headers received)
    /// and returns the Authorization header that should have been sent. The signer itself is checked against the
    /// published vectors; this checks the client signs exactly what it sends.
    /// </summary>
    public static string ExpectedAuthorization(SentRequest sent, string accessKeyId, string accessKeySecret)
    {
        var query = new ApiParameters();
        foreach (var (name, value) in sent.Query)
        {
            query.Set(name, value);
        }

        var headers = sent.Headers.Where(h => h.Key.StartsWith("x-acs-", StringComparison.Ordinal)).ToList();
        headers.Add(new("host", sent.Header("host")));
        return Acs3Signer.Sign(sent.Method.Method, sent.Uri.AbsolutePath, query, headers, sent.Header("x-acs-content-sha256"), accessKeyId, accessKeySecret).Authorization;
    }

    /// <summary>The query parameters other than the ones every RPC-signed call carries.</summary>
    public static Dictionary<string, string> OperationParameters(SentRequest sent) =>
        sent.Query.Where(p => p.Key is not ("ClientToken")).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
