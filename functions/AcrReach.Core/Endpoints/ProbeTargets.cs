using System.Collections.Immutable;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Endpoints;

/// <summary>
/// What a probe of one registry instance checks from where a client pulls: the names it resolves, and the hosts the
/// registry's <c>/v2/</c> challenge may name as its realm (the auth name; under auth-domain takeover, the registry
/// itself). The OSS name is a bucket under the region's wildcard unless the instance names its bucket, so the wildcard
/// record is what gets tested.
/// </summary>
public sealed record ProbeTargets(
    string InstanceId,
    string Region,
    string RegistryName,
    string? AuthName,
    string OssName,
    ImmutableArray<string> RealmHosts)
{
    /// <summary>The bucket label probed under the OSS wildcard when the instance's bucket is not known.</summary>
    public const string ProbeBucket = "acr-reach-probe";

    /// <summary>The names to resolve, in the order a pull needs them.</summary>
    public ImmutableArray<string> Names => AuthName is null ? [RegistryName, OssName] : [RegistryName, AuthName, OssName];

    public static ProbeTargets For(Registry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var name = EndpointNames.Registry(registry.InstanceName, registry.Region);
        var auth = registry.AuthDomainTakeover ? null : EndpointNames.Auth(registry.Region);
        var oss = EndpointNames.OssBucket(registry.OssBucket ?? ProbeBucket, registry.Region);

        // The VPC auth host is not documented (../shared/reference/api-audit.md, "Auth realm host"): both spellings seen
        // in public code are accepted, and the probe reports which one the challenge named.
        ImmutableArray<string> realms = registry.AuthDomainTakeover
            ? [name]
            : [EndpointNames.Auth(registry.Region), $"dockerauth-ee-vpc.{registry.Region}.aliyuncs.com".ToLowerInvariant(), name];
        return new ProbeTargets(registry.InstanceId, registry.Region, name, auth, oss, realms);
    }
}
