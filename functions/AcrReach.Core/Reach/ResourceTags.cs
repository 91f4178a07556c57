namespace AcrReach.Core.Reach;

/// <summary>
/// The tags through which a real account carries AcrReach's configuration on the resources themselves, read by
/// discovery and set by the local cloud from a scenario, so both see the same account.
/// </summary>
public static class ResourceTags
{
    /// <summary>On a VPC, or a VBR/VPN attachment (a data center): registry instance ids, comma-separated, or <c>*</c>.</summary>
    public const string Reach = ReachRules.TagKey;

    /// <summary>On a VBR/VPN attachment: the data center's CIDR blocks, comma-separated.</summary>
    public const string DataCenterCidrs = "acr-reach-cidrs";

    /// <summary>On a registry instance: the custom OSS bucket it stores layers in (absent: the default bucket).</summary>
    public const string OssBucket = "acr-reach-oss-bucket";

    /// <summary>On a registry instance: the address of the OSS PrivateLink endpoint in its VPC.</summary>
    public const string OssPrivateLinkIp = "acr-reach-oss-privatelink-ip";
}
