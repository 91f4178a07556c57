using System.Collections.Immutable;

namespace AcrReach.Functions.Tests.Deploy;

/// <summary>
/// The RAM actions the function role must grant.
/// </summary>
internal static class ExpectedRamActions
{
    // MERGE: the cloud client (AcrReach.Cloud, another branch) exposes the RAM action of every operation it can
    // call. After it merges, replace this list with that one (e.g. `AcrReach.Cloud.RamActions.All`), so the
    // policy test compares template.yml against the client's code instead of this copy of the reference.
    public static ImmutableSortedSet<string> Client { get; } = ImmutableSortedSet.Create(
        StringComparer.Ordinal,
        "vpc:DescribeVpcs",
        "vpc:DescribeVSwitches",
        "vpc:DescribeRouteTableList",
        "vpc:DescribeRouteEntryList",
        "vpc:CreateRouteEntry",
        "vpc:DeleteRouteEntry",
        "cen:ListTransitRouters",
        "cen:ListTransitRouterVpcAttachments",
        "cen:ListTransitRouterPeerAttachments",
        "cen:ListTransitRouterVbrAttachments",
        "cen:ListTransitRouterVpnAttachments",
        "cen:ListTransitRouterRouteTables",
        "cen:ListTransitRouterRouteEntries",
        "cen:ListTransitRouterRouteTableAssociations",
        "cen:CreateTransitRouterRouteEntry",
        "cen:DeleteTransitRouterRouteEntry",
        "cr:ListInstance",
        "cr:ListInstanceRegion",
        "cr:GetInstance",
        "cr:GetInstanceVpcEndpoint",
        "cr:CreateInstanceVpcEndpointLinkedVpc",
        "pvtz:DescribeZones",
        "pvtz:DescribeZoneInfo",
        "pvtz:AddZone",
        "pvtz:DescribeZoneRecords",
        "pvtz:AddZoneRecord",
        "pvtz:BindZoneVpc",
        "mns:SendMessage");

    /// <summary>Actions FC itself performs with the function's role (not client calls): writing stdout to the logstore.</summary>
    public static ImmutableSortedSet<string> Platform { get; } = ImmutableSortedSet.Create(StringComparer.Ordinal, "log:PostLogStoreLogs");
}
