using System.Net;
using System.Net.Sockets;
using AcrReach.Core.Endpoints;
using AcrReach.Core.Identifiers;
using AcrReach.Core.Scenarios;

namespace AcrReach.Cloud.Discovery;

/// <summary>
/// The network as seen from where AcrReach runs: the system resolver (inside a VPC, the VPC's DNS at 100.100.2.136,
/// which answers the regional service names of every region) and HTTPS to the registry's VPC domain, with a short
/// timeout: outside the registry's network the challenge cannot be reached and discovery uses the regional convention.
/// </summary>
public sealed class DnsEndpointLookup(HttpClient http, TimeProvider time) : IEndpointLookup
{
    public static readonly TimeSpan ChallengeTimeout = TimeSpan.FromSeconds(3);

    public async Task<IPAddress?> ResolveAsync(string region, string name, CancellationToken cancellationToken)
    {
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(name, AddressFamily.InterNetwork, cancellationToken);
            return addresses.Length == 0 ? null : addresses[0];
        }
        catch (SocketException)
        {
            return null;
        }
    }

    public Task<PolicySettings?> PolicyAsync(CancellationToken cancellationToken) => Task.FromResult<PolicySettings?>(null);

    public async Task<Uri?> AuthRealmAsync(string region, string instanceName, CancellationToken cancellationToken)
    {
        // The instance name and region come from the cloud's answers: only a DNS label and a region id make the host.
        if (!CloudIds.IsRegion(region) || !CloudIds.IsHostLabel(instanceName))
        {
            return null;
        }

        using var timeout = new CancellationTokenSource(ChallengeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.GetAsync(new Uri($"https://{EndpointNames.Registry(instanceName, region)}/v2/"), HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return AuthChallenge.Realm(response.Headers);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
