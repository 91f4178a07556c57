using AcrReach.LocalCloud.Http;
using AcrReach.LocalCloud.Signing;
using AcrReach.LocalCloud.Wire;

namespace AcrReach.LocalCloud.Services;

/// <summary>STS 2015-04-01: AssumeRole (RPC; sts.aliyuncs.com or sts.{region}.aliyuncs.com).</summary>
internal sealed class StsService(AccessKeys keys)
{
    public void Register(IDictionary<string, Func<ApiRequest, string, object>> actions) => actions["AssumeRole"] = AssumeRole;

    private object AssumeRole(ApiRequest request, string requestId)
    {
        var caller = request.Caller ?? throw new ApiError("NoPermission", "You are not authorized to do this action.", 403);
        var roleArn = request.Required("RoleArn");
        var sessionName = request.Required("RoleSessionName");

        // DurationSeconds: 900 s minimum, the role's maximum session duration (3600 s by default) at most.
        var duration = request.Int("DurationSeconds", 3600, 900, 3600);
        var key = keys.Assume(caller, roleArn, sessionName, duration);
        return new AssumeRoleResponse(
            requestId,
            new AssumedRoleUser($"{roleArn}/{sessionName}", $"{key.AccessKeyId[4..]}:{sessionName}"),
            new StsCredentials(key.AccessKeyId, key.Secret, AccessKeys.FormatExpiration(key.Expiration!.Value), key.SecurityToken!));
    }
}
