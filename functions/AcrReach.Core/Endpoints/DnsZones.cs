using System.Text.RegularExpressions;

namespace AcrReach.Core.Endpoints;

/// <summary>
/// The DNS zone a registry name's record lives in: one zone per registry domain, never a parent such as
/// <c>aliyuncs.com</c>, which would capture every other Alibaba Cloud name the resolver serves. The region's OSS name
/// is a zone holding its <c>@</c> record, the wildcard <c>*</c> and any custom bucket's host.
/// </summary>
public static partial class DnsZones
{
    /// <summary>The zone a name's record lives in, and its host part there (<c>@</c> for the apex).</summary>
    public static (string Zone, string Rr) ZoneOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.StartsWith("*.", StringComparison.Ordinal))
        {
            return (name[2..], "*");
        }

        var bucket = BucketHost().Match(name);
        return bucket.Success ? (bucket.Groups[2].Value, bucket.Groups[1].Value) : (name, "@");
    }

    /// <summary>A bucket's host: <c>{bucket}.oss-{region}-internal.aliyuncs.com</c>, in the zone of the region's OSS name.</summary>
    [GeneratedRegex("^([a-z0-9-]+)\\.(oss-[a-z0-9-]+-internal\\.aliyuncs\\.com)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BucketHost();
}
