using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Tracing;
using FsCheck.Xunit;

namespace AcrReach.Core.Tests.Tracing;

public class RouteLookupTests
{
    [Property(MaxTest = 200)]
    public void Large_and_small_tables_agree_with_a_plain_longest_prefix_scan(int seed)
    {
        var random = new Random(seed);
        var routes = new Dictionary<IPNetwork, MatchedRoute>();
        var count = random.Next(1, 120);
        while (routes.Count < count)
        {
            var length = random.Next(0, 33);
            var network = new IPNetwork(Cidr.Truncate(Cidr.FromUInt32((uint)random.NextInt64(0, 1L << 32) & 0x0FFFFFFF | 0x0A000000), length), length);
            routes.TryAdd(network, new MatchedRoute(network, "Local", null, RouteProvenance.Existing));
        }

        var list = routes.Values.ToList();
        var lookup = new RouteLookup([.. list.Select(r => r.Destination)], i => list[i]);
        for (var i = 0; i < 200; i++)
        {
            var address = Cidr.FromUInt32((uint)random.NextInt64(0, 1L << 32) & 0x0FFFFFFF | 0x0A000000);
            var expected = LongestPrefixMatch.Find(routes.Values, r => r.Destination, address);

            Assert.Equal(expected?.Destination, lookup.Match(Cidr.Host(address))?.Destination);
        }

        Assert.All(routes.Keys, destination => Assert.Equal(destination, lookup.Exact(destination)!.Destination));
    }

    [Fact]
    public void Empty_table_matches_nothing()
    {
        Assert.Null(new RouteLookup([], _ => throw new InvalidOperationException()).Match(Cidr.Parse("10.0.0.1/32")));
    }

    [Fact]
    public void Planned_routes_take_part_in_the_longest_prefix_match()
    {
        var wide = new MatchedRoute(Cidr.Parse("10.0.0.0/8"), "Local", null, RouteProvenance.Existing);
        var lookup = new RouteLookup([wide.Destination], _ => wide);

        lookup.AddPlanned(new MatchedRoute(Cidr.Parse("10.1.2.3/32"), "Attachment", "tr-attach-x", RouteProvenance.Planned));

        Assert.Equal(RouteProvenance.Planned, lookup.Match(Cidr.Parse("10.1.2.3/32"))!.Provenance);
        Assert.Equal(wide, lookup.Match(Cidr.Parse("10.1.2.4/32")));
        Assert.Equal("tr-attach-x", lookup.Exact(Cidr.Parse("10.1.2.3/32"))!.NextHopId);
    }
}
