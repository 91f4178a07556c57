using System.Collections.Immutable;

namespace AcrReach.Core.Topology;

/// <summary>Who must reach which registry, and how routes are scoped.</summary>
public sealed record ReachPolicy(
    ImmutableArray<ReachRule> Reach,
    TransitRouteScope TransitRouteScope,
    OssRouteScope OssRouteScope)
{
    public static readonly ReachPolicy Default = new([], TransitRouteScope.Block100, OssRouteScope.Address);
}

/// <summary>A source network (a VPC or a data center) that must reach a registry instance.</summary>
public sealed record ReachRule(ReachSource From, string Registry);

/// <summary>Exactly one of the two is set.</summary>
public sealed record ReachSource(string? VpcId, string? DataCenter)
{
    public static ReachSource ForVpc(string vpcId) => new(vpcId, null);

    public static ReachSource ForDataCenter(string name) => new(null, name);

    /// <summary>The VPC id or data-center name: the scope DNS records and findings are reported for.</summary>
    public string Name => VpcId ?? DataCenter ?? throw new InvalidOperationException("A reach source names a VPC or a data center.");

    public override string ToString() => Name;
}

public enum TransitRouteScope
{
    /// <summary>100.0.0.0/8 in transit-router tables: the documented way.</summary>
    Block100,

    /// <summary>/32 routes in transit-router tables too, for networks where the /8 collides.</summary>
    HostRoutes,
}

public enum OssRouteScope
{
    /// <summary>A /32 for the address the OSS name resolves to.</summary>
    Address,

    /// <summary>Every published OSS VIP range of the registry's region.</summary>
    PublishedRanges,
}
