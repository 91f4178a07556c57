using System.Collections.Immutable;
using System.Text.Json;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Identifiers;

namespace AcrReach.Functions.Events;

/// <summary>
/// Reads events of a Container Registry EE instance being created or its VPC endpoint changing. Where the new
/// <c>cri-</c> id appears is unconfirmed (a buy-page purchase is a console <c>Create</c>, an API purchase is BSS
/// <c>CreateInstance</c>; cloud-apis.md §5), so every <c>cri-</c> id in the record counts; with none, every
/// registry of the event's region is reconciled: being wrong costs a wider look, never a missed run.
/// </summary>
internal static class RegistryEventReader
{
    private static readonly string[] InstanceCreations = ["Create", "CreateInstance"];

    private static readonly string[] EndpointChanges = ["CreateInstanceVpcEndpointLinkedVpc", "DeleteInstanceVpcEndpointLinkedVpc"];

    /// <summary>Every event name this function acts on (its EventBridge rule must name exactly these).</summary>
    public static ImmutableArray<string> EventNames { get; } = [.. InstanceCreations, .. EndpointChanges, .. RemovalEventReader.RegistryEvents];

    /// <param name="prune">Whether a deleted registry's removals (<see cref="RemovalEventReader"/>) are applied or only reported.</param>
    public static EventReading Read(int index, CloudEvent cloudEvent, bool prune)
    {
        var data = cloudEvent.Data;
        var eventName = JsonTree.String(data, "eventName");
        if (eventName is null)
        {
            return new MalformedReading(index, cloudEvent.Id, "data.eventName is missing: not an ActionTrail record");
        }

        if (RemovalEventReader.IsRegistryEvent(eventName))
        {
            return RemovalEventReader.ReadRegistry(index, cloudEvent, eventName, prune);
        }

        var isCreation = InstanceCreations.Contains(eventName, StringComparer.OrdinalIgnoreCase);
        var isEndpointChange = EndpointChanges.Contains(eventName, StringComparer.OrdinalIgnoreCase);
        if (!isCreation && !isEndpointChange)
        {
            return new IgnoredReading(index, cloudEvent.Id, $"{eventName} neither creates a registry instance nor changes its VPC endpoint");
        }

        if (JsonTree.String(data, "errorCode") is { } errorCode)
        {
            return new IgnoredReading(index, cloudEvent.Id, $"{eventName} failed ({errorCode}): nothing changed");
        }

        var request = JsonTree.Object(data, "requestParameters");
        var instanceIds = JsonTree.FindStrings(data, value => JsonTree.IsResourceId(value, "cri-"));
        if (isCreation && instanceIds.Count == 0 && !IsContainerRegistry(cloudEvent, data, request))
        {
            return new IgnoredReading(index, cloudEvent.Id, $"{eventName} is not about Container Registry");
        }

        var region = JsonTree.String(request, "RegionId", "Region") ?? BssParameter(request, "Region") ?? JsonTree.String(data, "acsRegion") ?? cloudEvent.Region;
        if (region is not null && !CloudIds.IsRegion(region))
        {
            return new MalformedReading(index, cloudEvent.Id, $"{eventName} names the region {CloudIds.Quote(region)}, which is not a region id");
        }

        ImmutableArray<ReconcileScope> scopes = instanceIds.Count == 0
            ? [new RegistryNetworks(null, region)]
            : [.. instanceIds.Order(StringComparer.Ordinal).Select(id => new RegistryNetworks(id, region))];
        return new ReconcileReading(index, cloudEvent.Id, scopes, Triggers.OnRegistry, ReconcileMode.Repair, WaitsForReady: true);
    }

    private static bool IsContainerRegistry(CloudEvent cloudEvent, JsonElement data, JsonElement? request)
    {
        if (string.Equals(cloudEvent.Source, "acs.cr", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var service = JsonTree.String(data, "serviceName");
        var product = JsonTree.String(request, "ProductCode");
        return service is not null && (service.Equals("cr", StringComparison.OrdinalIgnoreCase) || service.Equals("acr", StringComparison.OrdinalIgnoreCase))
            || product is not null && product.Equals("acr", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>BSS CreateInstance passes its settings as a list of <c>{Code, Value}</c> (e.g. Code <c>Region</c>).</summary>
    private static string? BssParameter(JsonElement? request, string code)
    {
        if (request is not { } value || !JsonTree.TryGetProperty(value, "Parameter", out var parameters))
        {
            return null;
        }

        if (parameters.ValueKind == JsonValueKind.String && JsonTree.ParseNested(parameters.GetString()) is { } nested)
        {
            parameters = nested;
        }

        if (parameters.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return parameters.EnumerateArray()
            .Where(p => string.Equals(JsonTree.String(p, "Code"), code, StringComparison.OrdinalIgnoreCase))
            .Select(p => JsonTree.String(p, "Value"))
            .FirstOrDefault(v => v is not null);
    }
}
