using AcrReach.Cloud.Reconciliation;
using AcrReach.Core.Identifiers;
using AcrReach.Core.Topology;

namespace AcrReach.Functions.Events;

/// <summary>
/// Reads ActionTrail <c>ApiCall</c> records of a new transit-router VPC, VBR, VPN or peer attachment (cloud-apis.md §5).
/// The record's exact layout is unconfirmed, so ids are looked for in several places; an event naming only a
/// region falls back to reconciling that region. Deletions and reach-tag changes go to <see cref="RemovalEventReader"/>.
/// A peer attachment's request names two routers, TransitRouterId (the local one, in RegionId) and PeerTransitRouterId
/// (aliyun/alibabacloud-java-sdk cbn-20170912 CreateTransitRouterPeerAttachmentRequest.java): the local one is taken by name.
/// </summary>
internal static class AttachmentEventReader
{
    private static readonly (string EventName, AttachmentType Type, string NetworkField, string NetworkPrefix)[] Creations =
    [
        ("CreateTransitRouterVpcAttachment", AttachmentType.Vpc, "VpcId", "vpc-"),
        ("CreateTransitRouterVbrAttachment", AttachmentType.Vbr, "VbrId", "vbr-"),
        ("CreateTransitRouterVpnAttachment", AttachmentType.Vpn, "VpnId", "vco-"),
        ("CreateTransitRouterPeerAttachment", AttachmentType.Peer, "PeerTransitRouterId", "tr-"),
    ];

    /// <summary>Every event name this function acts on (its EventBridge rule must name exactly these).</summary>
    public static System.Collections.Immutable.ImmutableArray<string> EventNames { get; } = [.. Creations.Select(c => c.EventName), .. RemovalEventReader.NetworkEvents];

    /// <param name="prune">Whether removals (a deletion's, <see cref="RemovalEventReader"/>) are applied or only reported.</param>
    public static EventReading Read(int index, CloudEvent cloudEvent, bool prune)
    {
        var data = cloudEvent.Data;
        var eventName = JsonTree.String(data, "eventName");
        if (eventName is null)
        {
            return new MalformedReading(index, cloudEvent.Id, "data.eventName is missing: not an ActionTrail record");
        }

        if (RemovalEventReader.IsNetworkEvent(eventName))
        {
            return RemovalEventReader.ReadNetwork(index, cloudEvent, eventName, prune);
        }

        var creation = Array.Find(Creations, c => string.Equals(c.EventName, eventName, StringComparison.OrdinalIgnoreCase));
        if (creation.EventName is null)
        {
            return new IgnoredReading(index, cloudEvent.Id, $"{eventName} does not create a transit-router VPC, VBR, VPN or peer attachment");
        }

        if (JsonTree.String(data, "errorCode") is { } errorCode)
        {
            return new IgnoredReading(index, cloudEvent.Id, $"{eventName} failed ({errorCode}): no attachment was created");
        }

        var request = JsonTree.Object(data, "requestParameters");
        var response = JsonTree.Object(data, "responseElements");

        var attachmentId = FirstId(response, "tr-attach-")
            ?? FirstId(JsonTree.Object(data, "referencedResources"), "tr-attach-")
            ?? FirstId(data, "tr-attach-");
        var networkId = JsonTree.String(request, creation.NetworkField) is { } field && JsonTree.IsResourceId(field, creation.NetworkPrefix)
            ? field
            : FirstId(request, creation.NetworkPrefix);
        var transitRouterId = JsonTree.String(request, "TransitRouterId") is { } named && JsonTree.IsResourceId(named, "tr-")
            ? named
            : FirstId(request, "tr-") ?? FirstId(response, "tr-");
        var region = JsonTree.String(request, "RegionId") ?? JsonTree.String(data, "acsRegion") ?? cloudEvent.Region;
        if (region is not null && !CloudIds.IsRegion(region))
        {
            return new MalformedReading(index, cloudEvent.Id, $"{eventName} names the region {CloudIds.Quote(region)}, which is not a region id");
        }

        ReconcileScope scope;
        if (attachmentId is not null || networkId is not null)
        {
            scope = new AttachmentNetwork(creation.Type, attachmentId, networkId, transitRouterId, region);
        }
        else if (region is not null)
        {
            scope = new RegionNetworks(region);
        }
        else
        {
            return new MalformedReading(index, cloudEvent.Id, $"{eventName} names no attachment id, no {creation.NetworkField} and no region");
        }

        return new ReconcileReading(index, cloudEvent.Id, [scope], Triggers.OnAttachment, ReconcileMode.Repair, WaitsForReady: true);
    }

    private static string? FirstId(System.Text.Json.JsonElement? root, string prefix) =>
        JsonTree.FindStrings(root, value => JsonTree.IsResourceId(value, prefix)).FirstOrDefault();
}
