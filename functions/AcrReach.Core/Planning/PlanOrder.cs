using AcrReach.Core.Addressing;
using AcrReach.Core.Tracing;

namespace AcrReach.Core.Planning;

/// <summary>The orders a plan is listed, hashed and compared in.</summary>
internal static class PlanOrder
{
    public static readonly Comparer<PlanAction> Actions = Comparer<PlanAction>.Create(static (a, b) =>
    {
        var byKind = a.Kind.CompareTo(b.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        return (a, b) switch
        {
            (CreateTransitRoute x, CreateTransitRoute y) => Then(string.CompareOrdinal(x.RouteTableId, y.RouteTableId), Cidr.Compare(x.Destination, y.Destination), string.CompareOrdinal(x.NextHopId, y.NextHopId)),
            (CreateVpcRoute x, CreateVpcRoute y) => Then(string.CompareOrdinal(x.RouteTableId, y.RouteTableId), Cidr.Compare(x.Destination, y.Destination), string.CompareOrdinal(x.NextHopId, y.NextHopId)),
            (DeleteTransitRoute x, DeleteTransitRoute y) => Then(string.CompareOrdinal(x.RouteTableId, y.RouteTableId), Cidr.Compare(x.Destination, y.Destination), string.CompareOrdinal(x.NextHopId, y.NextHopId)),
            (DeleteVpcRoute x, DeleteVpcRoute y) => Then(string.CompareOrdinal(x.RouteTableId, y.RouteTableId), Cidr.Compare(x.Destination, y.Destination), string.CompareOrdinal(x.NextHopId, y.NextHopId)),
            (DeleteZoneRecord x, DeleteZoneRecord y) => Then(string.CompareOrdinal(x.ZoneName, y.ZoneName), string.CompareOrdinal(x.Rr, y.Rr), Then(string.CompareOrdinal(x.Type, y.Type), string.CompareOrdinal(x.Value, y.Value), string.CompareOrdinal(x.ZoneId, y.ZoneId))),
            (UnbindZoneVpc x, UnbindZoneVpc y) => Then(string.CompareOrdinal(x.ZoneName, y.ZoneName), string.CompareOrdinal(x.VpcId, y.VpcId), string.CompareOrdinal(x.ZoneId, y.ZoneId)),
            (LinkVpcEndpoint x, LinkVpcEndpoint y) => Then(string.CompareOrdinal(x.InstanceId, y.InstanceId), string.CompareOrdinal(x.VpcId, y.VpcId), string.CompareOrdinal(x.VswitchId, y.VswitchId)),
            _ => 0,
        };
    });

    public static readonly Comparer<DnsRecord> Dns = Comparer<DnsRecord>.Create(static (a, b) =>
        Then(string.CompareOrdinal(a.Scope, b.Scope), string.CompareOrdinal(a.Name, b.Name), Cidr.Compare(a.Ip, b.Ip)));

    public static readonly Comparer<Finding> Findings = Comparer<Finding>.Create(static (a, b) =>
    {
        var order = Then(a.Severity.CompareTo(b.Severity), string.CompareOrdinal(a.Code, b.Code), string.CompareOrdinal(a.Source, b.Source));
        order = Then(order, string.CompareOrdinal(a.Message, b.Message), string.CompareOrdinal(a.Registry, b.Registry));
        order = Then(order, string.CompareOrdinal(a.RouteTableId, b.RouteTableId), CompareOptional(a.Destination, b.Destination));
        return Then(order, string.CompareOrdinal(a.Remedy, b.Remedy), 0);
    });

    public static readonly Comparer<PathTrace> Paths = Comparer<PathTrace>.Create(static (a, b) =>
    {
        var order = Then(string.CompareOrdinal(a.Source, b.Source), string.CompareOrdinal(a.Registry, b.Registry), a.Direction.CompareTo(b.Direction));
        order = Then(order, a.Endpoint.CompareTo(b.Endpoint), Cidr.Compare(a.Destination, b.Destination));
        return Then(order, string.CompareOrdinal(a.Start, b.Start), 0);
    });

    private static int CompareOptional(System.Net.IPNetwork? a, System.Net.IPNetwork? b) =>
        (a, b) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            ({ } x, { } y) => Cidr.Compare(x, y),
        };

    private static int Then(int first, int second, int third) => first != 0 ? first : second != 0 ? second : third;
}
