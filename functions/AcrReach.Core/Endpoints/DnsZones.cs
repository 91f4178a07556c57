namespace AcrReach.Core.Endpoints;

/// <summary>
/// The DNS zone a registry name's record lives in: one zone per registry domain, never a parent such as
/// <c>aliyuncs.com</c>, which would capture every other Alibaba Cloud name the resolver serves. The region's OSS name
/// is a zone holding its <c>@</c> record, the wildcard <c>*</c> and any custom bucket's host.
/// </summary>
public static class DnsZones
{
    /// <summary>The zone a name's record lives in, and its host part there (<c>@</c> for the apex).</summary>
    public static (string Zone, string Rr) ZoneOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.StartsWith("*.", StringComparison.Ordinal))
        {
            return (name[2..], "*");
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && IsOssEndpoint(name[(dot + 1)..]) && !name[..dot].Contains('.', StringComparison.Ordinal))
        {
            return (name[(dot + 1)..], name[..dot]);
        }

        return (name, "@");
    }

    /// <summary>True for <c>oss-{region}-internal.aliyuncs.com</c>: the zone bucket hosts belong to.</summary>
    private static bool IsOssEndpoint(string name) =>
        name.StartsWith("oss-", StringComparison.Ordinal)
        && name.EndsWith("-internal.aliyuncs.com", StringComparison.Ordinal)
        && name.Length > "oss-".Length + "-internal.aliyuncs.com".Length
        && !name["oss-".Length..^"-internal.aliyuncs.com".Length].Contains('.', StringComparison.Ordinal);
}
