using System.Globalization;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Sts;
using AcrReach.Core.Topology;

namespace AcrReach.Cloud.Credentials;

/// <summary>Credentials a provider can be told are no longer accepted (the service answered InvalidSecurityToken.Expired).</summary>
public interface IRefreshableCredentials
{
    /// <summary>Forget <paramref name="rejected"/>, so the next call gets fresh credentials.</summary>
    void Invalidate(CloudCredentials rejected);
}

/// <summary>
/// A member account's credentials: STS AssumeRole of <c>acs:ram::{account}:role/{role}</c>, signed with the run's own
/// credentials (through <paramref name="sts"/>), cached until shortly before they expire (five minutes, or half their
/// lifetime when that is shorter) and assumed again then — or at once when a call finds them expired.
/// </summary>
public sealed class AssumedRoleCredentialProvider(OpenApiClient sts, MemberAccount member, TimeProvider time, string sessionName = AssumedRoleCredentialProvider.DefaultSessionName)
    : ICredentialProvider, IRefreshableCredentials
{
    public const string DefaultSessionName = "acr-reach";

    /// <summary>The longest session a role allows by default (RAM MaxSessionDuration 3600 s).</summary>
    public const int DurationSeconds = 3600;

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (CloudCredentials Credentials, DateTimeOffset RefreshAt)? _cached;

    public MemberAccount Member { get; } = member ?? throw new ArgumentNullException(nameof(member));

    public string Name => $"role {Member.RoleArn}";

    /// <summary>How many times the role was assumed (for tests and logs).</summary>
    public int AssumeCount { get; private set; }

    public async ValueTask<CloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } fresh && time.GetUtcNow() < fresh.RefreshAt)
        {
            return fresh.Credentials;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && time.GetUtcNow() < again.RefreshAt)
            {
                return again.Credentials;
            }

            var now = time.GetUtcNow();
            var answer = await sts.InvokeAsync(
                StsOperations.AssumeRole,
                new AssumeRoleRequest { RoleArn = Member.RoleArn, RoleSessionName = sessionName, DurationSeconds = DurationSeconds },
                regionId: null,
                cancellationToken);
            AssumeCount++;
            var issued = answer.Credentials;
            if (issued is not { AccessKeyId.Length: > 0, AccessKeySecret.Length: > 0, SecurityToken.Length: > 0 }
                || !DateTimeOffset.TryParse(issued.Expiration, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiration))
            {
                throw new CloudApiException(CloudApiException.InvalidResponseCode, "AssumeRole answered without a key, secret, token and expiration", answer.RequestId, 200, action: StsOperations.AssumeRole.RamAction);
            }

            var lifetime = expiration - now;
            var margin = lifetime / 2 < RefreshMargin ? lifetime / 2 : RefreshMargin;
            var credentials = new CloudCredentials(issued.AccessKeyId!, issued.AccessKeySecret!, issued.SecurityToken);

            // The member's secret and token must never reach a log, a report or the queue.
            Secrets.Register(credentials);
            _cached = (credentials, expiration - margin);
            return credentials;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate(CloudCredentials rejected)
    {
        if (_cached is { } cached && ReferenceEquals(cached.Credentials, rejected))
        {
            _cached = null;
        }
    }
}
