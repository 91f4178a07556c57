using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;

namespace AcrReach.Core.Tests.Support;

/// <summary>Readable questions about a plan.</summary>
internal static class PlanAssert
{
    public static IReadOnlyList<CreateVpcRoute> VpcRoutes(this Plan plan, string routeTableId) =>
        [.. plan.Actions.OfType<CreateVpcRoute>().Where(a => a.RouteTableId == routeTableId)];

    public static IReadOnlyList<CreateTransitRoute> TransitRoutes(this Plan plan, string routeTableId) =>
        [.. plan.Actions.OfType<CreateTransitRoute>().Where(a => a.RouteTableId == routeTableId)];

    public static IReadOnlyList<string> Destinations(this IEnumerable<CreateVpcRoute> routes) => [.. routes.Select(r => Cidr.Format(r.Destination))];

    public static IReadOnlyList<string> Destinations(this IEnumerable<CreateTransitRoute> routes) => [.. routes.Select(r => Cidr.Format(r.Destination))];

    public static IReadOnlyList<Finding> Findings(this Plan plan, string code) => [.. plan.Findings.Where(f => f.Code == code)];

    public static IReadOnlyList<Finding> Errors(this Plan plan) => [.. plan.Findings.Where(f => f.Severity == Severity.Error)];

    public static string? Resolve(this Plan plan, string scope, string name) =>
        plan.Dns.SingleOrDefault(d => d.Scope == scope && d.Name == name)?.Ip.ToString();

    public static IPNetwork Net(string cidr) => Cidr.Parse(cidr);
}
