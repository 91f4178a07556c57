using System.Collections.Immutable;
using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Identifiers;
using AcrReach.Core.Reach;
using AcrReach.Core.Topology;

namespace AcrReach.Functions.Events;

/// <summary>
/// Reads ActionTrail records of something a reach rule relied on going away or changing: a transit-router VPC attachment
/// deleted, a VPC deleted, a VPC's <c>acr-reach</c> tag removed or changed (VPC <c>UnTagResources</c> / <c>TagResources</c>),
/// a registry instance deleted (CR <c>DeleteInstance</c>). Each starts a run scoped to the network or registry it names
/// that plans the removals AcrReach's own routes call for: with <paramref name="prune"/> (the deployment's
/// <c>ACR_REACH_SWEEP_PRUNE</c>) it applies them, otherwise it only reports them. Nothing waits for readiness: the
/// resource is gone. Ids are looked for anywhere in the record, as for creations (cloud-apis.md §5: layout unconfirmed);
/// a record naming none falls back to the whole account, a wider look, never a missed one.
/// </summary>
internal static class RemovalEventReader
{
    public const string DeleteAttachment = "DeleteTransitRouterVpcAttachment";
    public const string DeleteVpc = "DeleteVpc";
    public const string UnTagResources = "UnTagResources";
    public const string TagResources = "TagResources";
    public const string DeleteInstance = "DeleteInstance";

    /// <summary>The network events on-attachment takes besides creations.</summary>
    public static ImmutableArray<string> NetworkEvents { get; } = [DeleteAttachment, DeleteVpc, UnTagResources, TagResources];

    /// <summary>The registry events on-registry takes besides creations and endpoint changes.</summary>
    public static ImmutableArray<string> RegistryEvents { get; } = [DeleteInstance];

    public static bool IsNetworkEvent(string eventName) => NetworkEvents.Contains(eventName, StringComparer.OrdinalIgnoreCase);

    public static bool IsRegistryEvent(string eventName) => RegistryEvents.Contains(eventName, StringComparer.OrdinalIgnoreCase);

    /// <summary>A network-side removal (on-attachment): <paramref name="eventName"/> is one of <see cref="NetworkEvents"/>.</summary>
    public static EventReading ReadNetwork(int index, CloudEvent cloudEvent, string eventName, bool prune)
    {
        var data = cloudEvent.Data;
        if (Failed(index, cloudEvent, eventName) is { } failed)
        {
            return failed;
        }

        var request = JsonTree.Object(data, "requestParameters");
        var (region, problem) = Region(index, cloudEvent, eventName, request);
        if (problem is not null)
        {
            return problem;
        }

        var vpcs = JsonTree.FindStrings(request, v => JsonTree.IsResourceId(v, "vpc-")).Order(StringComparer.Ordinal).ToList();
        if (eventName.Equals(DeleteAttachment, StringComparison.OrdinalIgnoreCase))
        {
            var attachmentId = JsonTree.FindStrings(request, v => JsonTree.IsResourceId(v, "tr-attach-")).FirstOrDefault()
                ?? JsonTree.FindStrings(data, v => JsonTree.IsResourceId(v, "tr-attach-")).FirstOrDefault();
            if (attachmentId is null && vpcs.Count == 0)
            {
                return Run(index, cloudEvent, [WholeAccount.Instance], Triggers.OnAttachment, prune);
            }

            var transitRouterId = JsonTree.FindStrings(request, v => JsonTree.IsResourceId(v, "tr-")).FirstOrDefault();
            return Run(index, cloudEvent, [new AttachmentNetwork(AttachmentType.Vpc, attachmentId, vpcs.FirstOrDefault(), transitRouterId, region)], Triggers.OnAttachment, prune);
        }

        var isTagging = eventName.Equals(TagResources, StringComparison.OrdinalIgnoreCase) || eventName.Equals(UnTagResources, StringComparison.OrdinalIgnoreCase);
        if (isTagging && !TouchesReachTag(request))
        {
            return new IgnoredReading(index, cloudEvent.Id, $"{eventName} does not change the {ReachRules.TagKey} tag");
        }

        if (vpcs.Count == 0)
        {
            // Tags of other resource types (ECS, ...) share the API name; only a VPC's tag names reach.
            return isTagging
                ? new IgnoredReading(index, cloudEvent.Id, $"{eventName} names no VPC")
                : Run(index, cloudEvent, [WholeAccount.Instance], Triggers.OnAttachment, prune);
        }

        // A tag set (TagResources) may name a new registry too: that part is a creation, repaired as create events are.
        var adds = eventName.Equals(TagResources, StringComparison.OrdinalIgnoreCase);
        return Run(index, cloudEvent, [.. vpcs.Select(v => new OneNetwork(v))], Triggers.OnAttachment, prune, repairs: adds);
    }

    /// <summary>A registry deleted (on-registry): every network whose rules name it.</summary>
    public static EventReading ReadRegistry(int index, CloudEvent cloudEvent, string eventName, bool prune)
    {
        if (Failed(index, cloudEvent, eventName) is { } failed)
        {
            return failed;
        }

        var data = cloudEvent.Data;
        var request = JsonTree.Object(data, "requestParameters");
        var (region, problem) = Region(index, cloudEvent, eventName, request);
        if (problem is not null)
        {
            return problem;
        }

        var instanceIds = JsonTree.FindStrings(data, value => JsonTree.IsResourceId(value, "cri-"));

        // Without the id, every registry of a region would be a narrowed scope, which may not prune: the account instead.
        ImmutableArray<ReconcileScope> scopes = instanceIds.Count == 0
            ? [WholeAccount.Instance]
            : [.. instanceIds.Order(StringComparer.Ordinal).Select(id => new RegistryNetworks(id, region))];
        return Run(index, cloudEvent, scopes, Triggers.OnRegistry, prune);
    }

    private static IgnoredReading? Failed(int index, CloudEvent cloudEvent, string eventName) =>
        JsonTree.String(cloudEvent.Data, "errorCode") is { } errorCode
            ? new IgnoredReading(index, cloudEvent.Id, $"{eventName} failed ({errorCode}): nothing was removed")
            : null;

    private static (string? Region, EventReading? Problem) Region(int index, CloudEvent cloudEvent, string eventName, System.Text.Json.JsonElement? request)
    {
        var region = JsonTree.String(request, "RegionId") ?? JsonTree.String(cloudEvent.Data, "acsRegion") ?? cloudEvent.Region;
        return region is not null && !CloudIds.IsRegion(region)
            ? (null, new MalformedReading(index, cloudEvent.Id, $"{eventName} names the region {CloudIds.Quote(region)}, which is not a region id"))
            : (region, null);
    }

    /// <summary>Whether the call sets or removes the reach tag: its key among the parameters, or UnTagResources' <c>All</c>.</summary>
    private static bool TouchesReachTag(System.Text.Json.JsonElement? request) =>
        JsonTree.FindStrings(request, v => v == ReachRules.TagKey).Count > 0
        || string.Equals(JsonTree.String(request, "All"), "true", StringComparison.OrdinalIgnoreCase)
        || (request is { ValueKind: System.Text.Json.JsonValueKind.Object } r && JsonTree.TryGetProperty(r, "All", out var all) && all.ValueKind == System.Text.Json.JsonValueKind.True);

    /// <summary>
    /// Pruning: the plan's removals applied (a repair). Not pruning: the same plan only reported, nothing written — unless
    /// the event also asks for routes (a tag set), which are repaired as for a creation, the removals left to the sweep.
    /// </summary>
    private static ReconcileReading Run(int index, CloudEvent cloudEvent, ImmutableArray<ReconcileScope> scopes, string trigger, bool prune, bool repairs = false) =>
        prune || !repairs
            ? new ReconcileReading(index, cloudEvent.Id, scopes, trigger, prune ? ReconcileMode.Repair : ReconcileMode.ReportOnly, WaitsForReady: false, Prune: true)
            : new ReconcileReading(index, cloudEvent.Id, scopes, trigger, ReconcileMode.Repair, WaitsForReady: false);
}
