namespace AcrReach.Cloud.Credentials;

/// <summary>
/// The temporary credentials Function Compute hands a function with a role on every request, in the
/// <c>x-fc-access-key-id</c>, <c>x-fc-access-key-secret</c> and <c>x-fc-security-token</c> headers
/// (platform.md §2a). Preferred over the environment inside FC: whether FC refreshes the environment of a
/// long-lived instance when the token rotates is not confirmed.
/// </summary>
public static class FunctionComputeCredentials
{
    public const string AccessKeyIdHeader = "x-fc-access-key-id";
    public const string AccessKeySecretHeader = "x-fc-access-key-secret";
    public const string SecurityTokenHeader = "x-fc-security-token";

    /// <summary>
    /// Builds a provider for one invocation from its headers, or null when the request carries none (the
    /// function has no role, or it runs outside FC: use the <see cref="DefaultCredentialChain"/>).
    /// </summary>
    public static StaticCredentialProvider? FromRequestHeaders(Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var id = header(AccessKeyIdHeader);
        var secret = header(AccessKeySecretHeader);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
        {
            return null;
        }

        return new StaticCredentialProvider(new CloudCredentials(id, secret, header(SecurityTokenHeader)), "Function Compute request headers");
    }
}
