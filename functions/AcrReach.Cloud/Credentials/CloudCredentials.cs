namespace AcrReach.Cloud.Credentials;

/// <summary>
/// An AccessKey pair, with the STS security token when it is temporary (FC role credentials, <c>StsToken</c>
/// profiles). <see cref="ToString"/> never shows the secret or the token, and making one registers both with
/// <see cref="Secrets"/>, so that no output of the process shows them whatever path they take.
/// </summary>
public sealed record CloudCredentials
{
    public CloudCredentials(string accessKeyId, string accessKeySecret, string? securityToken = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(accessKeySecret);
        AccessKeyId = accessKeyId;
        AccessKeySecret = accessKeySecret;
        SecurityToken = string.IsNullOrEmpty(securityToken) ? null : securityToken;
        Secrets.Register(this);
    }

    public string AccessKeyId { get; }

    public string AccessKeySecret { get; }

    public string? SecurityToken { get; }

    public override string ToString() =>
        $"{AccessKeyId} ({(SecurityToken is null ? "AccessKey" : "STS token")})";
}
