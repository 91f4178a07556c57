namespace AcrReach.Cloud.Credentials;

/// <summary>What the credential chain reads from the machine: environment variables and the home directory (injectable for tests).</summary>
public sealed record CredentialEnvironment(Func<string, string?> Variable, string? HomeDirectory)
{
    /// <summary>The real process environment and the user's home directory.</summary>
    public static CredentialEnvironment System { get; } = new(
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? home : null);
}
