using AcrReach.Cloud.OpenApi;
using AcrReach.Core.Identifiers;

namespace AcrReach.Cloud.Endpoints;

/// <summary>
/// Picks the URL each call goes to. With an override (e.g. <c>http://127.0.0.1:8080</c>, the local cloud) every
/// product goes there — the local cloud serves all of them on one port and tells them apart by
/// <c>x-acs-version</c>/<c>Version</c> and action, and MNS by path.
/// </summary>
public sealed class EndpointResolver
{
    public EndpointResolver(Uri? endpointOverride = null)
    {
        if (endpointOverride is not null && !endpointOverride.IsAbsoluteUri)
        {
            throw new ArgumentException($"the endpoint override must be an absolute URL, not '{endpointOverride}'", nameof(endpointOverride));
        }

        Override = endpointOverride is null ? null : new Uri(endpointOverride.GetLeftPart(UriPartial.Authority) + "/");
    }

    /// <summary>The one URL every product is sent to, or null for the real per-product endpoints.</summary>
    public Uri? Override { get; }

    /// <summary>The base URL (<c>https://host/</c>) of an OpenAPI product in a region.</summary>
    public Uri Resolve(CloudProduct product, string? regionId)
    {
        ArgumentNullException.ThrowIfNull(product);
        return Override ?? new Uri($"https://{Host(product, regionId)}/");
    }

    /// <summary>
    /// The MNS base URL of an account in a region: <c>https://{accountId}.mns.{region}.aliyuncs.com/</c>, or the
    /// internal <c>http://{accountId}.mns.{region}-internal.aliyuncs.com/</c> (platform.md §6).
    /// </summary>
    public Uri ResolveMns(string accountId, string regionId, bool internalNetwork = false)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(regionId);
        if (Override is not null)
        {
            return Override;
        }

        if (!CloudIds.IsAccountId(accountId))
        {
            throw InvalidId($"the MNS endpoint: {CloudIds.Quote(accountId)} is not an account id (digits only)");
        }

        if (!CloudIds.IsRegion(regionId))
        {
            throw InvalidId($"the MNS endpoint: {CloudIds.Quote(regionId)} is not a region id");
        }

        return internalNetwork
            ? new Uri($"http://{accountId}.mns.{regionId}-internal.aliyuncs.com/")
            : new Uri($"https://{accountId}.mns.{regionId}.aliyuncs.com/");
    }

    /// <summary>
    /// Function Compute 3.0's base URL for an account in a region: <c>https://{accountId}.{region}.fc.aliyuncs.com/</c>.
    /// The SDK (npm <c>@alicloud/fc20230330</c>) has no endpoint rule of its own (<c>_endpointRule = ""</c>): the
    /// caller names this host, as FC's console and docs give it.
    /// </summary>
    public Uri ResolveFc(string accountId, string regionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(regionId);
        if (Override is not null)
        {
            return Override;
        }

        if (!CloudIds.IsAccountId(accountId))
        {
            throw InvalidId($"the FC endpoint: {CloudIds.Quote(accountId)} is not an account id (digits only)");
        }

        return CloudIds.IsRegion(regionId)
            ? new Uri($"https://{accountId}.{regionId}.fc.aliyuncs.com/")
            : throw InvalidId($"the FC endpoint: {CloudIds.Quote(regionId)} is not a region id");
    }

    /// <summary>
    /// The real host of a product in a region, from the product's endpoint map and rule. A region the map does not
    /// name must have a region id's shape (<see cref="CloudIds.IsRegion"/>), else <see cref="CloudApiException.InvalidIdCode"/>.
    /// </summary>
    public static string Host(CloudProduct product, string? regionId)
    {
        ArgumentNullException.ThrowIfNull(product);
        switch (product.Rule)
        {
            case EndpointRule.Central:
                return $"{product.EndpointCode}.aliyuncs.com";
            case EndpointRule.Regional:
                if (string.IsNullOrEmpty(regionId))
                {
                    throw new ArgumentException($"{product.Name} is regional: a region is required", nameof(regionId));
                }

                if (product.EndpointMap.TryGetValue(regionId, out var mapped))
                {
                    return mapped;
                }

                return CloudIds.IsRegion(regionId)
                    ? $"{product.EndpointCode}.{regionId}.aliyuncs.com"
                    : throw InvalidId($"{product.Name}: {CloudIds.Quote(regionId)} is not a region id (expected e.g. cn-hangzhou)");
            default:
                throw new ArgumentException($"{product.Name} endpoints need an account id; use ResolveMns or ResolveFc", nameof(product));
        }
    }

    private static CloudApiException InvalidId(string message) => new(CloudApiException.InvalidIdCode, message, requestId: null, httpStatus: 0);
}
