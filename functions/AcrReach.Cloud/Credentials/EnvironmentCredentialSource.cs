namespace AcrReach.Cloud.Credentials;

/// <summary>
/// <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c>, <c>ALIBABA_CLOUD_ACCESS_KEY_SECRET</c> and the optional
/// <c>ALIBABA_CLOUD_SECURITY_TOKEN</c>: the first link of the official chain, and what FC 3.0 sets for a
/// function with a role (platform.md §2). Read on every call, so a refreshed environment is picked up.
/// </summary>
public sealed class EnvironmentCredentialSource(CredentialEnvironment environment) : ICredentialSource
{
    public const string AccessKeyIdVariable = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    public const string AccessKeySecretVariable = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    public const string SecurityTokenVariable = "ALIBABA_CLOUD_SECURITY_TOKEN";

    private readonly CredentialEnvironment _environment = environment ?? throw new ArgumentNullException(nameof(environment));

    public string Description => $"environment variables {AccessKeyIdVariable}/{AccessKeySecretVariable}";

    public CredentialLookup Find()
    {
        var id = _environment.Variable(AccessKeyIdVariable);
        var secret = _environment.Variable(AccessKeySecretVariable);
        if (string.IsNullOrEmpty(id))
        {
            return CredentialLookup.NotFound($"{AccessKeyIdVariable} is not set");
        }

        if (string.IsNullOrEmpty(secret))
        {
            return CredentialLookup.NotFound($"{AccessKeyIdVariable} is set but {AccessKeySecretVariable} is not");
        }

        return CredentialLookup.Found(new CloudCredentials(id, secret, _environment.Variable(SecurityTokenVariable)));
    }
}
