using System.Net;
using System.Text.Json;
using AcrReach.Core.Scenarios;

namespace AcrReach.Cloud.Discovery;

/// <summary>
/// The local cloud's view of the network: <c>GET /_local/resolve?region=&amp;name=</c> (the scenario's
/// <c>regionalEndpoints</c>, changeable with <c>PUT /_local/resolve</c>), <c>GET /_local/registry/{region}/{name}/v2/</c>
/// (the registry's token challenge), and <c>GET /_local/policy</c> (the scenario's route scopes and OSS VIP ranges).
/// </summary>
public sealed class LocalCloudEndpointLookup(Uri endpoint, HttpClient http) : IEndpointLookup
{
    private readonly Uri _base = new(endpoint.GetLeftPart(UriPartial.Authority) + "/");

    public async Task<IPAddress?> ResolveAsync(string region, string name, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(_base, $"_local/resolve?region={Uri.EscapeDataString(region)}&name={Uri.EscapeDataString(name)}"), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return json.RootElement.TryGetProperty("address", out var address) && IPAddress.TryParse(address.GetString(), out var ip) ? ip : null;
    }

    public async Task<Uri?> AuthRealmAsync(string region, string instanceName, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(_base, $"_local/registry/{Uri.EscapeDataString(region)}/{Uri.EscapeDataString(instanceName)}/v2/"), cancellationToken);
        return AuthChallenge.Realm(response.Headers);
    }

    public async Task<PolicySettings?> PolicyAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(_base, "_local/policy");
        using var response = await http.GetAsync(url, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var policy = ScenarioReader.ReadPolicy(await response.Content.ReadAsByteArrayAsync(cancellationToken), url.ToString());

        // Only what no tag carries: the local cloud tags the VPCs and data-center attachments the rules name (with the
        // data centers' CIDRs), and rules for networks outside the regions read would name resources discovery never saw.
        return policy with { DataCenters = [], Policy = policy.Policy with { Reach = [] } };
    }
}
