namespace AcrReach.Core.Endpoints;

/// <summary>
/// The domain names a registry client resolves, in one place (../shared/reference/cloud-apis.md §4). Names are
/// lowercase: DNS is case-insensitive and records, hosts files and hashes must not differ by case.
/// </summary>
public static class EndpointNames
{
    /// <summary>The instance's VPC domain: <c>{instanceName}-registry-vpc.{region}.cr.aliyuncs.com</c>.</summary>
    public static string Registry(string instanceName, string region) =>
        $"{instanceName}-registry-vpc.{region}.cr.aliyuncs.com".ToLowerInvariant();

    /// <summary>The VPC auth domain the registry redirects <c>docker login</c> to (not needed under auth-domain takeover).</summary>
    public static string Auth(string region) => $"dockerauth-vpc.{region}.aliyuncs.com".ToLowerInvariant();

    /// <summary>The region's internal OSS endpoint (the document pings it to learn the OSS address).</summary>
    public static string Oss(string region) => $"oss-{region}-internal.aliyuncs.com".ToLowerInvariant();

    /// <summary>A custom bucket's internal host.</summary>
    public static string OssBucket(string bucket, string region) => $"{bucket}.oss-{region}-internal.aliyuncs.com".ToLowerInvariant();

    /// <summary>Every bucket of the region: the default registry bucket's name is not published, so DNS gets a wildcard.</summary>
    public static string OssWildcard(string region) => $"*.oss-{region}-internal.aliyuncs.com".ToLowerInvariant();
}
