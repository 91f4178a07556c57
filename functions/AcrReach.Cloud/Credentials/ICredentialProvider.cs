namespace AcrReach.Cloud.Credentials;

/// <summary>Where a call's credentials come from. Asked once per attempt, so rotated credentials are picked up.</summary>
public interface ICredentialProvider
{
    /// <summary>A short name for messages, e.g. <c>environment</c>, <c>~/.aliyun/config.json profile 'default'</c>.</summary>
    string Name { get; }

    ValueTask<CloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// One link of the credential chain: says where it looked, and either finds credentials or says why not,
/// so that "nothing found" can name every place that was tried.
/// </summary>
public interface ICredentialSource
{
    /// <summary>Where it looks, e.g. <c>environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET</c>.</summary>
    string Description { get; }

    /// <summary>The credentials, or null and the reason there are none here.</summary>
    CredentialLookup Find();
}

/// <summary>The result of asking one <see cref="ICredentialSource"/>.</summary>
public readonly record struct CredentialLookup(CloudCredentials? Credentials, string? Reason)
{
    public static CredentialLookup Found(CloudCredentials credentials) => new(credentials, null);

    public static CredentialLookup NotFound(string reason) => new(null, reason);
}
