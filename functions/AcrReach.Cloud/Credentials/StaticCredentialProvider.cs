namespace AcrReach.Cloud.Credentials;

/// <summary>Fixed credentials: given in code, or built per invocation from FC's request headers.</summary>
public sealed class StaticCredentialProvider(CloudCredentials credentials, string name = "static") : ICredentialProvider
{
    private readonly CloudCredentials _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));

    public string Name { get; } = name;

    public ValueTask<CloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_credentials);
}
