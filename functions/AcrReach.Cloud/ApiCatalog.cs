using System.Collections.Immutable;
using AcrReach.Cloud.Cbn;
using AcrReach.Cloud.Cr;
using AcrReach.Cloud.Fc;
using AcrReach.Cloud.Mns;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Pvtz;
using AcrReach.Cloud.Vpc;

namespace AcrReach.Cloud;

/// <summary>
/// Every API action the client can call and the RAM action that authorises it — read from the operations each
/// product declares, so a least-privilege RAM policy can be generated and checked against the code.
/// </summary>
public static class ApiCatalog
{
    /// <summary>All operations, ordered by RAM action.</summary>
    public static ImmutableArray<ApiOperation> Operations { get; } =
        [.. new[]
        {
            ApiOperation.DeclaredBy(typeof(VpcOperations)),
            ApiOperation.DeclaredBy(typeof(CbnOperations)),
            ApiOperation.DeclaredBy(typeof(CrOperations)),
            ApiOperation.DeclaredBy(typeof(PvtzOperations)),
            ApiOperation.DeclaredBy(typeof(MnsOperations)),
            ApiOperation.DeclaredBy(typeof(FcOperations)),
            ApiOperation.DeclaredBy(typeof(Sts.StsOperations)),
        }.SelectMany(declared => declared).OrderBy(o => o.RamAction, StringComparer.Ordinal)];

    /// <summary>The RAM actions, e.g. <c>cen:ListTransitRouters</c>, <c>vpc:CreateRouteEntry</c>, sorted and distinct.</summary>
    public static ImmutableArray<string> RamActions { get; } =
        [.. Operations.Select(o => o.RamAction).Distinct(StringComparer.Ordinal)];

    /// <summary>The service names of the service-linked roles a call may create (granted as <c>ram:CreateServiceLinkedRole</c> scoped to them).</summary>
    public static ImmutableArray<string> ServiceLinkedRoles { get; } =
        [.. Operations.Select(o => o.CreatesServiceLinkedRole).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
