using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AcrReach.LocalCloud.Http;

namespace AcrReach.LocalCloud.Signing;

/// <summary>An access key the local cloud knows: a long-term key of an account, or temporary STS credentials of a role.</summary>
internal sealed record AccessKey(string AccessKeyId, string Secret, string AccountId, string? SecurityToken = null, DateTimeOffset? Expiration = null, string? RoleArn = null);

/// <summary>Who a verified call came from.</summary>
internal sealed record Caller(string AccessKeyId, string AccountId, string? RoleArn)
{
    public static Caller Of(AccessKey key) => new(key.AccessKeyId, key.AccountId, key.RoleArn);
}

/// <summary>
/// The keys and RAM roles of the local cloud's accounts. The configured key belongs to the network account (the
/// scenario's own). Each member account listed in the scenario has its role unless told it is missing; the role
/// trusts the network account, as the member template's trust policy does. AssumeRole issues temporary credentials
/// (<c>STS.</c> key, secret, security token, expiry) that sign calls as the role's account.
/// </summary>
internal sealed partial class AccessKeys
{
    private readonly Dictionary<string, AccessKey> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _roles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan? _lifetime;

    public AccessKeys(string networkAccountId, string accessKeyId, string accessKeySecret, IEnumerable<string> roleArns, TimeProvider time, TimeSpan? lifetime = null)
    {
        NetworkAccountId = networkAccountId;
        _time = time;
        _lifetime = lifetime;
        _keys[accessKeyId] = new AccessKey(accessKeyId, accessKeySecret, networkAccountId);
        _roles.UnionWith(roleArns);
    }

    public string NetworkAccountId { get; }

    public AccessKey? Find(string accessKeyId)
    {
        lock (_gate)
        {
            return _keys.GetValueOrDefault(accessKeyId);
        }
    }

    /// <summary>A long-term key for an account (tests: a member account's own key, to show its calls stay in its account).</summary>
    public void Add(AccessKey key)
    {
        lock (_gate)
        {
            _keys[key.AccessKeyId] = key;
        }
    }

    /// <summary>
    /// STS AssumeRole. Codes as STS answers them: EntityNotExist.Role (404) for a role that does not exist,
    /// NoPermission (403) when the role does not trust the caller's account, InvalidParameter.* (400) otherwise.
    /// </summary>
    public AccessKey Assume(Caller caller, string roleArn, string sessionName, int durationSeconds)
    {
        var match = RoleArnShape().Match(roleArn);
        if (!match.Success)
        {
            throw new ApiError("InvalidParameter.RoleArn", "The parameter RoleArn is wrongly formed.");
        }

        if (!SessionNameShape().IsMatch(sessionName))
        {
            throw new ApiError("InvalidParameter.RoleSessionName", "The parameter RoleSessionName is wrongly formed.");
        }

        lock (_gate)
        {
            if (!_roles.Contains(roleArn))
            {
                throw new ApiError("EntityNotExist.Role", $"The role not exists: {roleArn}. ", 404);
            }

            if (caller.AccountId != NetworkAccountId)
            {
                throw new ApiError("NoPermission", $"You are not authorized to do this action. You should be authorized by RAM. The trust policy of {roleArn} does not name account {caller.AccountId}.", 403);
            }

            var lifetime = _lifetime ?? TimeSpan.FromSeconds(durationSeconds);
            var key = new AccessKey(
                "STS." + Random(12),
                Random(20),
                match.Groups[1].Value,
                Random(40),
                _time.GetUtcNow() + lifetime,
                roleArn);
            _keys[key.AccessKeyId] = key;
            return key;
        }
    }

    /// <summary>Every temporary credential issued so far expires now (control API: shows the client refreshes).</summary>
    public int ExpireAll()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var expired = 0;
            foreach (var key in _keys.Values.Where(k => k.Expiration is not null && k.Expiration > now).ToList())
            {
                _keys[key.AccessKeyId] = key with { Expiration = now };
                expired++;
            }

            return expired;
        }
    }

    public static string FormatExpiration(DateTimeOffset expiration) =>
        expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Random(int length) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(length)).Replace('+', 'x').Replace('/', 'y').TrimEnd('=')[..length];

    [GeneratedRegex("^acs:ram::([0-9]{1,32}):role/([A-Za-z0-9.-]{1,64})\\z")]
    private static partial Regex RoleArnShape();

    // STS: 2 to 64 characters, letters, digits, '.', '@', '-', '_'.
    [GeneratedRegex("^[A-Za-z0-9.@_-]{2,64}\\z")]
    private static partial Regex SessionNameShape();
}
