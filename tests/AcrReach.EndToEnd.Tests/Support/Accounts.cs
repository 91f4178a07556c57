using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;

namespace AcrReach.EndToEnd.Tests.Support;

/// <summary>Questions tests ask of the local cloud's state.</summary>
internal static class Accounts
{
    /// <summary>Every route of every table (VPC and transit router) as (table, destination): a duplicate would show twice.</summary>
    public static List<(string Table, IPNetwork Destination)> AllRoutes(Account account) =>
        [.. account.Vpcs.SelectMany(v => v.RouteTables).SelectMany(t => t.Entries.Select(e => (t.Id, e.Destination)))
            .Concat(account.TransitRouters.SelectMany(r => r.RouteTables).SelectMany(t => t.Entries.Where(e => e.Origin == RouteOrigin.Static).Select(e => (t.Id, e.Destination))))];

    /// <summary>The routes carrying AcrReach's mark, as (table, destination, next hop).</summary>
    public static List<(string Table, string Destination, string? NextHop)> MarkedRoutes(Account account) =>
        [.. account.Vpcs.SelectMany(v => v.RouteTables).SelectMany(t => t.Entries.Where(e => AcrReachMark.IsMarked(e.Name, e.Description)).Select(e => (t.Id, Cidr.Format(e.Destination), e.NextHopId)))
            .Concat(account.TransitRouters.SelectMany(r => r.RouteTables).SelectMany(t => t.Entries.Where(e => AcrReachMark.IsMarked(e.Name, e.Description)).Select(e => (t.Id, Cidr.Format(e.Destination), e.NextHopId))))
            .Order()];

    /// <summary>The routes a plan adds, as (table, destination, next hop).</summary>
    public static List<(string Table, string Destination, string? NextHop)> Routes(Plan plan) =>
        [.. plan.Actions.Select(a => a switch
        {
            CreateVpcRoute v => (v.RouteTableId, Cidr.Format(v.Destination), (string?)v.NextHopId),
            CreateTransitRoute t => (t.RouteTableId, Cidr.Format(t.Destination), (string?)t.NextHopId),
            _ => (string.Empty, string.Empty, (string?)null),
        }).Where(r => r.Item1.Length > 0).Order()];

    /// <summary>Asserts the account is converged: nothing left to plan, each table's destinations unique.</summary>
    public static void AssertConverged(Account account)
    {
        Assert.Empty(Planner.Plan(account).Actions);
        var routes = AllRoutes(account);
        Assert.Equal(routes.Count, routes.Distinct().Count());
        Assert.True(Planner.Verify(account).Reachable);
    }
}
