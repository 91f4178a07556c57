using System.Text.Json.Serialization;
using AcrReach.Cloud.Endpoints;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Sts;

/// <summary>The STS 2015-04-01 action AcrReach calls (RPC; <c>sts.aliyuncs.com</c>); RAM code <c>sts</c>.</summary>
public static class StsOperations
{
    public static readonly ApiOperation<AssumeRoleRequest, AssumeRoleResponse> AssumeRole = new(
        CloudProduct.Sts, "AssumeRole", ApiAccess.Read, StsJsonContext.Default.AssumeRoleRequest, StsJsonContext.Default.AssumeRoleResponse);
}

/// <summary>npm <c>@alicloud/sts20150401</c> 1.2.0, <c>AssumeRoleRequest</c>: every field goes in the query.</summary>
public sealed record AssumeRoleRequest
{
    public required string RoleArn { get; init; }

    public required string RoleSessionName { get; init; }

    /// <summary>900 s at least, the role's maximum session duration (3600 s by default) at most.</summary>
    public int? DurationSeconds { get; init; }
}

public sealed record AssumeRoleResponse(string? RequestId, AssumedRoleUser? AssumedRoleUser, StsCredentials? Credentials);

public sealed record AssumedRoleUser(string? Arn, string? AssumedRoleId);

/// <summary><c>Expiration</c> is UTC, e.g. <c>2015-04-09T11:52:19Z</c>.</summary>
public sealed record StsCredentials(string? AccessKeyId, string? AccessKeySecret, string? Expiration, string? SecurityToken);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AssumeRoleRequest))]
[JsonSerializable(typeof(AssumeRoleResponse))]
internal sealed partial class StsJsonContext : JsonSerializerContext;
