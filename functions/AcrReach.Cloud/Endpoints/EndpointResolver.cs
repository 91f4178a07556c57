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
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(regionId);
        if (Override is not null)
        {
            return Override;
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
        return Override ?? new Uri($"https://{accountId}.{regionId}.fc.aliyuncs.com/");
    }

    /// <summary>The real host of a product in a region, from the product's endpoint map and rule.</summary>
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

                return product.EndpointMap.TryGetValue(regionId, out var mapped)
                    ? mapped
                    : $"{product.EndpointCode}.{regionId}.aliyuncs.com";
            default:
                throw new ArgumentException($"{product.Name} endpoints need an account id; use ResolveMns or ResolveFc", nameof(product));
        }
    }
}
