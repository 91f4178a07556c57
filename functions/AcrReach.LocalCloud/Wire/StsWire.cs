namespace AcrReach.LocalCloud.Wire;

// STS 2015-04-01 AssumeRole, as @alicloud/sts20150401 1.2.0 reads it (dist/models/AssumeRoleResponseBody.d.ts).

internal sealed record AssumeRoleResponse(string RequestId, AssumedRoleUser AssumedRoleUser, StsCredentials Credentials);

internal sealed record AssumedRoleUser(string Arn, string AssumedRoleId);

/// <summary><c>Expiration</c> is UTC, <c>2015-04-09T11:52:19Z</c>.</summary>
internal sealed record StsCredentials(string AccessKeyId, string AccessKeySecret, string Expiration, string SecurityToken);
