using System.Net;
using AcrReach.Core.Scenarios;

namespace AcrReach.Cloud.Discovery;

/// <summary>
/// What discovery cannot learn from the cloud APIs: what a name resolves to inside a region's VPCs, and where a
/// registry sends <c>docker login</c> (the token realm of its <c>/v2/</c> challenge). On a real account both come from
/// the network (<see cref="DnsEndpointLookup"/>); on the local cloud from its control API (<see cref="LocalCloudEndpointLookup"/>).
/// </summary>
public interface IEndpointLookup
{
    /// <summary>The IPv4 address <paramref name="name"/> resolves to inside <paramref name="region"/>'s VPCs; null when it does not resolve.</summary>
    Task<IPAddress?> ResolveAsync(string region, string name, CancellationToken cancellationToken);

    /// <summary>The token realm named by the registry's <c>GET /v2/</c> challenge; null when the registry cannot be reached.</summary>
    Task<Uri?> AuthRealmAsync(string region, string instanceName, CancellationToken cancellationToken);

    /// <summary>
    /// The policy that goes with the account when none was given (<c>--policy</c>): null on a real account (tags and
    /// the policy file are all there is); the local cloud's scenario policy, whose route scopes and OSS VIP ranges no
    /// tag carries.
    /// </summary>
    Task<PolicySettings?> PolicyAsync(CancellationToken cancellationToken);
}

public static class EndpointLookups
{
    /// <summary>
    /// The lookup that fits an endpoint override: the local cloud's control API when <paramref name="endpoint"/> is a
    /// loopback URL (the local cloud listens on 127.0.0.1), else the network (system DNS, HTTPS to the registry).
    /// </summary>
    public static IEndpointLookup For(Uri? endpoint, HttpClient http, TimeProvider? time = null) =>
        endpoint is not null && endpoint.IsLoopback
            ? new LocalCloudEndpointLookup(endpoint, http)
            : new DnsEndpointLookup(http, time ?? TimeProvider.System);
}
