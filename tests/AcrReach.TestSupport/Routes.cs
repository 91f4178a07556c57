using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Planning;
using AcrReach.Core.Topology;
using Xunit;

namespace AcrReach.TestSupport;

/// <summary>Questions tests ask of an account's routes (a scenario, or the local cloud's state).</summary>
public static class Routes
{
    /// <summary>Every route of every table (VPC, and transit-router static ones) as (table, destination): a duplicate would show twice.</summary>
    public static List<(string Table, IPNetwork Destination)> All(Account account) =>
        [.. account.Vpcs.SelectMany(v => v.RouteTables).SelectMany(t => t.Entries.Select(e => (t.Id, e.Destination)))
            .Concat(account.TransitRouters.SelectMany(r => r.RouteTables).SelectMany(t => t.Entries.Where(e => e.Origin == RouteOrigin.Static).Select(e => (t.Id, e.Destination))))];

    /// <summary>The routes carrying AcrReach's mark, as (table, destination, next hop), sorted.</summary>
    public static List<(string Table, string Destination, string? NextHop)> Marked(Account account) =>
        [.. account.Vpcs.SelectMany(v => v.RouteTables).SelectMany(t => t.Entries.Where(e => AcrReachMark.IsMarked(e.Name, e.Description)).Select(e => (t.Id, Cidr.Format(e.Destination), e.NextHopId)))
            .Concat(account.TransitRouters.SelectMany(r => r.RouteTables).SelectMany(t => t.Entries.Where(e => AcrReachMark.IsMarked(e.Name, e.Description)).Select(e => (t.Id, Cidr.Format(e.Destination), e.NextHopId))))
            .Order()];

    /// <summary>The routes a plan adds, as (table, destination, next hop), sorted.</summary>
    public static List<(string Table, string Destination, string? NextHop)> Planned(Plan plan) =>
        [.. plan.Actions.Select(a => a switch
        {
            CreateVpcRoute v => (v.RouteTableId, Cidr.Format(v.Destination), (string?)v.NextHopId),
            CreateTransitRoute t => (t.RouteTableId, Cidr.Format(t.Destination), (string?)t.NextHopId),
            _ => (string.Empty, string.Empty, (string?)null),
        }).Where(r => r.Item1.Length > 0).Order()];

    /// <summary>Asserts the account is converged: nothing left to plan, each table's destinations unique, every path reached.</summary>
    public static void AssertConverged(Account account)
    {
        Assert.Empty(Planner.Plan(account).Actions);
        var routes = All(account);
        Assert.Equal(routes.Count, routes.Distinct().Count());
        Assert.True(Planner.Verify(account).Reachable);
    }
}
