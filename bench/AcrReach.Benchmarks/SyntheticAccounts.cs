using System.Collections.Immutable;
using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Endpoints;
using AcrReach.Core.Reach;
using AcrReach.Core.Topology;

namespace AcrReach.Benchmarks;

/// <summary>
/// A large, realistic account from a seed: VPCs spread over regions, each with four vSwitches, three route tables
/// (system + two custom) of about a hundred entries, attached to its region's transit router; routers fully peered,
/// their tables holding every VPC block of the CEN (propagated); one registry per region; every VPC tagged with a
/// registry of another region; a data center per region over a VBR.
/// </summary>
internal static class SyntheticAccounts
{
    public const int EntriesPerTable = 100;

    public static Account Generate(int vpcCount, int regionCount, int seed)
    {
        var random = new Random(seed);
        var regions = OssVipRanges.Published.Keys.Take(regionCount).ToArray();
        var routerOf = regions.Select((_, r) => $"tr-{r}").ToArray();
        var vpcBlocks = new IPNetwork[vpcCount];
        var vpcRegion = new int[vpcCount];
        for (var i = 0; i < vpcCount; i++)
        {
            vpcBlocks[i] = new IPNetwork(Cidr.FromUInt32(0x0A000000u + (uint)i * 2048), 21);
            vpcRegion[i] = i % regionCount;
        }

        var vpcs = ImmutableArray.CreateBuilder<Vpc>(vpcCount);
        for (var i = 0; i < vpcCount; i++)
        {
            var id = $"vpc-{i}";
            var attachment = $"tr-attach-v{i}";
            var block = Cidr.ToUInt32(vpcBlocks[i].BaseAddress);
            var vswitches = Enumerable.Range(0, 4).Select(s => new VSwitch(
                $"vsw-{i}-{s}", regions[vpcRegion[i]] + "-a", new IPNetwork(Cidr.FromUInt32(block + (uint)s * 512), 23),
                s < 2 ? $"vtb-{i}" : $"vtb-{i}-{s}")).ToImmutableArray();
            var tables = new[] { ($"vtb-{i}", RouteTableType.System), ($"vtb-{i}-2", RouteTableType.Custom), ($"vtb-{i}-3", RouteTableType.Custom) }
                .Select(t => new RouteTable(t.Item1, t.Item2, VpcEntries(vswitches, attachment, random)))
                .ToImmutableArray();
            var tags = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal)
                .Add(ReachRules.TagKey, $"cri-r{(vpcRegion[i] + 1 + (i / regionCount) % 3) % regionCount}");
            vpcs.Add(new Vpc(id, regions[vpcRegion[i]], [vpcBlocks[i]], tags, vswitches, tables));
        }

        var dataCenters = regions.Select((_, r) => new DataCenter($"idc-{r}", [new IPNetwork(Cidr.FromUInt32(0xC0A80000u + (uint)r * 256), 24)])).ToImmutableArray();
        var routers = ImmutableArray.CreateBuilder<TransitRouter>(regionCount);
        for (var r = 0; r < regionCount; r++)
        {
            var attachments = new List<Attachment>();
            for (var i = r; i < vpcCount; i += regionCount)
            {
                attachments.Add(new Attachment($"tr-attach-v{i}", AttachmentType.Vpc, $"vpc-{i}", null, null));
            }

            for (var p = 0; p < regionCount; p++)
            {
                if (p != r)
                {
                    attachments.Add(new Attachment(PeerId(r, p), AttachmentType.Peer, null, routerOf[p], null));
                }
            }

            attachments.Add(new Attachment($"tr-attach-idc-{r}", AttachmentType.Vbr, null, null, dataCenters[r].Name));
            var entries = ImmutableArray.CreateBuilder<TransitRouteEntry>(vpcCount + regionCount);
            for (var i = 0; i < vpcCount; i++)
            {
                var hop = vpcRegion[i] == r ? $"tr-attach-v{i}" : PeerId(r, vpcRegion[i]);
                entries.Add(new TransitRouteEntry(vpcBlocks[i], TransitNextHopType.Attachment, hop, RouteOrigin.Propagated));
            }

            for (var d = 0; d < regionCount; d++)
            {
                var hop = d == r ? $"tr-attach-idc-{r}" : PeerId(r, d);
                entries.Add(new TransitRouteEntry(dataCenters[d].Cidrs[0], TransitNextHopType.Attachment, hop, RouteOrigin.Propagated));
            }

            routers.Add(new TransitRouter(routerOf[r], regions[r], "cen-1", [.. attachments],
                [new TransitRouteTable($"vtb-tr-{r}", true, [.. attachments.Select(a => a.Id)], entries.MoveToImmutable())]));
        }

        var registries = regions.Select((region, r) => new Registry(
            $"cri-r{r}", $"reg{r}", region,
            [new VpcEndpoint($"vpc-{r}", $"vsw-{r}-0", Cidr.FromUInt32(Cidr.ToUInt32(vpcBlocks[r].BaseAddress) + 10))],
            AuthDomainTakeover: r % 5 == 0, OssBucket: null, OssPrivateLinkIp: null)).ToImmutableArray();

        var endpoints = regions.Select((region, r) => (region, names: ImmutableSortedDictionary.Create<string, IPAddress>(StringComparer.Ordinal)
                .Add(EndpointNames.Auth(region), new IPAddress([100, 103, (byte)r, 10]))
                .Add(EndpointNames.Oss(region), Cidr.FromUInt32(Cidr.ToUInt32(OssVipRanges.Published[region][0].BaseAddress) + 43))))
            .ToImmutableSortedDictionary(e => e.region, e => e.names, StringComparer.Ordinal);

        var rules = dataCenters.Select((dc, r) => new ReachRule(ReachSource.ForDataCenter(dc.Name), $"cri-r{(r + 5) % regionCount}")).ToImmutableArray();
        return new Account(
            $"synthetic-{vpcCount}",
            vpcs.MoveToImmutable(),
            routers.MoveToImmutable(),
            registries,
            new RegionalEndpoints(endpoints),
            ImmutableSortedDictionary<string, ImmutableArray<IPNetwork>>.Empty,
            dataCenters,
            new ReachPolicy(rules, TransitRouteScope.HostRoutes, OssRouteScope.Address));
    }

    private static string PeerId(int a, int b) => $"tr-attach-peer-{Math.Min(a, b)}-{Math.Max(a, b)}";

    /// <summary>About a hundred entries: the vSwitches, the routes toward the transit router, and routes to appliances.</summary>
    private static ImmutableArray<RouteEntry> VpcEntries(ImmutableArray<VSwitch> vswitches, string attachment, Random random)
    {
        var entries = ImmutableArray.CreateBuilder<RouteEntry>(EntriesPerTable);
        foreach (var vswitch in vswitches)
        {
            entries.Add(new RouteEntry(vswitch.Cidr, VpcNextHopTypes.Local, null, null));
        }

        entries.Add(new RouteEntry(Cidr.Parse("10.0.0.0/8"), VpcNextHopTypes.Attachment, attachment, null));
        entries.Add(new RouteEntry(Cidr.Parse("192.168.0.0/16"), VpcNextHopTypes.Attachment, attachment, null));
        entries.Add(new RouteEntry(Cidr.CloudServices, VpcNextHopTypes.Local, null, "cloud services"));
        var used = new HashSet<uint>();
        while (entries.Count < EntriesPerTable)
        {
            var third = (uint)random.Next(0, 1 << 12);
            if (used.Add(third))
            {
                // 172.16.0.0/12 split into /24s toward appliances (firewalls, NAT): never on the registry's paths.
                entries.Add(new RouteEntry(new IPNetwork(Cidr.FromUInt32(0xAC100000u + (third << 8)), 24), "Instance", $"i-{third}", null));
            }
        }

        return entries.MoveToImmutable();
    }
}
