using System.Net.Http.Headers;

namespace AcrReach.Cloud.Discovery;

/// <summary>
/// Reads the token realm from a registry's <c>401</c> answer to <c>GET /v2/</c>:
/// <c>Www-Authenticate: Bearer realm="https://dockerauth-vpc.cn-hangzhou.aliyuncs.com/auth",service="..."</c>
/// (the Docker registry token authentication specification).
/// </summary>
public static class AuthChallenge
{
    public static Uri? Realm(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var challenge in headers.WwwAuthenticate)
        {
            if (string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) && Realm(challenge.Parameter) is { } realm)
            {
                return realm;
            }
        }

        return null;
    }

    /// <summary>The realm of a challenge's parameters (<c>realm="...",service="..."</c>); null when absent or not an absolute URL.</summary>
    public static Uri? Realm(string? parameters)
    {
        if (string.IsNullOrEmpty(parameters))
        {
            return null;
        }

        const string key = "realm=\"";
        var start = parameters.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        start += key.Length;
        var end = parameters.IndexOf('"', start);
        return end > start && Uri.TryCreate(parameters[start..end], UriKind.Absolute, out var realm) ? realm : null;
    }
}
