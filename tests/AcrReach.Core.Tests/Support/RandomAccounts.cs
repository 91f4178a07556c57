using System.Collections.Immutable;
using System.Net;
using AcrReach.Core.Addressing;
using AcrReach.Core.Reach;
using AcrReach.Core.Topology;

namespace AcrReach.Core.Tests.Support;

/// <summary>
/// Valid random accounts from a seed, small and varied: 2-4 regions, partial peering, attached and unattached VPCs,
/// custom tables, stray routes (defaults to instances, blackholes, 100.0.0.0/8 elsewhere), data centers, registries
/// with takeover, buckets and PrivateLink, tag and policy rules, both route scopes. For properties, not for speed.
/// </summary>
internal static class RandomAccounts
{
    private static readonly string[] Regions = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen"];

    public static Account Generate(int seed)
    {
        var random = new Random(seed);
        bool Chance(double p) => random.NextDouble() < p;
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        var regions = Regions.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).Order(StringComparer.Ordinal).ToList();
        var services = regions.ToDictionary(r => r, r => (Auth: Address(100, 103, random.Next(256), random.Next(1, 255)), Oss: Address(100, 118, random.Next(256), random.Next(1, 255))));
        var routers = regions.Where(_ => Chance(0.9)).ToDictionary(r => r, r => new RouterDraft($"tr-{Short(r)}", r));
        var vpcs = new List<VpcDraft>();
        var block = 0;
        foreach (var region in regions)
        {
            for (var i = 0; i < random.Next(1, 4); i++)
            {
                var id = $"vpc-{Short(region)}{i}";
                var cidr = Chance(0.08) ? Cidr.Parse($"100.{++block}.0.0/16") : Cidr.Parse($"10.{++block}.0.0/16");
                var vpc = new VpcDraft(id, region, cidr);
                var customTable = Chance(0.3);
                for (var s = 0; s < random.Next(1, 4); s++)
                {
                    var vsCidr = new IPNetwork(Cidr.FromUInt32(Cidr.ToUInt32(cidr.BaseAddress) + (uint)(s << 8)), 24);
                    vpc.VSwitches.Add(new VSwitch($"vsw-{Short(region)}{i}-{s}", region + "-a", vsCidr, customTable && s == 1 ? $"vtb-{id}-c" : $"vtb-{id}"));
                }

                if (routers.TryGetValue(region, out var router) && Chance(0.9))
                {
                    vpc.Attachment = $"tr-attach-{id}";
                    router.Attachments.Add(new Attachment(vpc.Attachment, AttachmentType.Vpc, id, null, null));
                }

                vpcs.Add(vpc);
            }
        }

        var dataCenters = new List<(DataCenter DataCenter, string? Attachment)>();
        for (var d = 0; d < random.Next(0, 3); d++)
        {
            var name = $"idc-{d}";
            string? attachment = null;
            if (routers.Count > 0 && Chance(0.85))
            {
                var router = Pick(routers.Values.ToList());
                attachment = $"tr-attach-{name}";
                router.Attachments.Add(new Attachment(attachment, Chance(0.5) ? AttachmentType.Vbr : AttachmentType.Vpn, null, null, name));
            }

            dataCenters.Add((new DataCenter(name, [Cidr.Parse($"192.168.{d * 16}.0/20")]), attachment));
        }

        var routerList = routers.Values.ToList();
        for (var a = 0; a < routerList.Count; a++)
        {
            for (var b = a + 1; b < routerList.Count; b++)
            {
                if (Chance(0.7))
                {
                    var id = $"tr-attach-peer-{Short(routerList[a].Region)}-{Short(routerList[b].Region)}";
                    routerList[a].Attachments.Add(new Attachment(id, AttachmentType.Peer, null, routerList[b].Id, null));
                    routerList[b].Attachments.Add(new Attachment(id, AttachmentType.Peer, null, routerList[a].Id, null));
                }
            }
        }

        var registries = new List<Registry>();
        for (var r = 0; r < random.Next(1, 3); r++)
        {
            var region = Pick(regions);
            var local = vpcs.Where(v => v.Region == region).ToList();
            var endpoints = new List<VpcEndpoint>();
            foreach (var vpc in local.Where(_ => Chance(0.6)).Take(2))
            {
                var vswitch = Pick(vpc.VSwitches);
                endpoints.Add(new VpcEndpoint(vpc.Id, vswitch.Id, Cidr.FromUInt32(Cidr.ToUInt32(vswitch.Cidr.BaseAddress) + 10 + (uint)r)));
            }

            var privateLink = endpoints.Count > 0 && Chance(0.15)
                ? Cidr.FromUInt32(Cidr.ToUInt32(endpoints[0].Ip) + 100)
                : null;
            registries.Add(new Registry($"cri-{r}", $"reg{r}", region, [.. endpoints], Chance(0.2), Chance(0.2) ? $"bucket{r}" : null, privateLink));
        }

        // Transit-router tables: propagated VPC blocks, one hop of peer propagation, and some stray routes.
        foreach (var router in routerList)
        {
            var entries = new Dictionary<IPNetwork, TransitRouteEntry>();
            void Add(IPNetwork destination, TransitNextHopType type, string? nextHop, RouteOrigin origin) =>
                entries.TryAdd(destination, new TransitRouteEntry(destination, type, nextHop, origin));
            foreach (var attachment in router.Attachments)
            {
                switch (attachment.Type)
                {
                    case AttachmentType.Vpc when Chance(0.9):
                        Add(vpcs.First(v => v.Id == attachment.VpcId).Cidr, TransitNextHopType.Attachment, attachment.Id, RouteOrigin.Propagated);
                        break;
                    case AttachmentType.Vbr or AttachmentType.Vpn when Chance(0.9):
                        Add(dataCenters.First(d => d.DataCenter.Name == attachment.DataCenter).DataCenter.Cidrs[0], TransitNextHopType.Attachment, attachment.Id, RouteOrigin.Propagated);
                        break;
                    case AttachmentType.Peer:
                        var peer = routers.Values.First(r => r.Id == attachment.PeerTransitRouterId);
                        foreach (var remote in peer.Attachments.Where(x => x.Type == AttachmentType.Vpc && Chance(0.85)))
                        {
                            Add(vpcs.First(v => v.Id == remote.VpcId).Cidr, TransitNextHopType.Attachment, attachment.Id, RouteOrigin.Propagated);
                        }

                        foreach (var remote in peer.Attachments.Where(x => x.Type is AttachmentType.Vbr or AttachmentType.Vpn && Chance(0.85)))
                        {
                            Add(dataCenters.First(d => d.DataCenter.Name == remote.DataCenter).DataCenter.Cidrs[0], TransitNextHopType.Attachment, attachment.Id, RouteOrigin.Propagated);
                        }

                        break;
                    default:
                        break;
                }
            }

            if (router.Attachments.Count > 0)
            {
                if (Chance(0.1))
                {
                    Add(Cidr.Block100, TransitNextHopType.Attachment, Pick(router.Attachments).Id, RouteOrigin.Static);
                }

                if (Chance(0.08))
                {
                    Add(Cidr.Host(services[Pick(regions)].Auth), TransitNextHopType.BlackHole, null, RouteOrigin.Static);
                }

                if (Chance(0.08))
                {
                    Add(Cidr.Parse("100.103.0.0/16"), TransitNextHopType.Attachment, Pick(router.Attachments).Id, RouteOrigin.Static);
                }
            }

            var associated = router.Attachments.Where(_ => Chance(0.95)).Select(a => a.Id).ToList();
            var second = associated.Where(_ => Chance(0.15)).ToList();
            router.Tables.Add(new TransitRouteTable($"vtb-{router.Id}", true, [.. associated.Except(second)], [.. entries.Values]));
            if (second.Count > 0)
            {
                router.Tables.Add(new TransitRouteTable($"vtb-{router.Id}-2", false, [.. second], [.. entries.Values.Where(_ => Chance(0.7))]));
            }
        }

        var vpcAttachmentIds = vpcs.Where(v => v.Attachment is not null).Select(v => v.Attachment!).ToList();
        var tags = new Dictionary<string, string>();
        var rules = new List<ReachRule>();
        foreach (var vpc in vpcs)
        {
            var tables = vpc.VSwitches.Select(s => s.RouteTableId).Distinct().ToList();
            foreach (var tableId in tables)
            {
                var entries = new Dictionary<IPNetwork, RouteEntry>();
                void Add(IPNetwork destination, string type, string? hop) => entries.TryAdd(destination, new RouteEntry(destination, type, hop, null));
                foreach (var vswitch in vpc.VSwitches.Where(_ => Chance(0.5)))
                {
                    Add(vswitch.Cidr, VpcNextHopTypes.Local, null);
                }

                if (vpc.Attachment is { } own)
                {
                    if (Chance(0.8))
                    {
                        Add(Cidr.Parse("10.0.0.0/8"), VpcNextHopTypes.Attachment, own);
                    }

                    if (Chance(0.5))
                    {
                        Add(Cidr.Parse("192.168.0.0/16"), VpcNextHopTypes.Attachment, own);
                    }

                    if (Chance(0.1))
                    {
                        Add(Cidr.Host(services[Pick(regions)].Oss), VpcNextHopTypes.Attachment, own);
                    }
                }

                if (Chance(0.15))
                {
                    Add(Cidr.Any, "Instance", "i-firewall");
                }

                if (Chance(0.05) && vpcAttachmentIds.Count > 0)
                {
                    Add(Cidr.Parse("10.0.0.0/8"), VpcNextHopTypes.Attachment, Pick(vpcAttachmentIds));
                }

                if (Chance(0.3))
                {
                    Add(Cidr.CloudServices, VpcNextHopTypes.Local, null);
                }

                vpc.Tables.Add(new RouteTable(tableId, tableId.EndsWith("-c", StringComparison.Ordinal) ? RouteTableType.Custom : RouteTableType.System, [.. entries.Values]));
            }

            if (Chance(0.3))
            {
                tags[vpc.Id] = Chance(0.3) ? ReachRules.AllRegistries
                    : string.Join(",", registries.Where(_ => Chance(0.6)).Select(r => r.InstanceId).Append(Chance(0.1) ? "cri-missing" : string.Empty));
            }

            foreach (var registry in registries.Where(_ => Chance(0.4)))
            {
                rules.Add(new ReachRule(ReachSource.ForVpc(vpc.Id), registry.InstanceId));
            }
        }

        foreach (var (dataCenter, _) in dataCenters)
        {
            foreach (var registry in registries.Where(_ => Chance(0.6)))
            {
                rules.Add(new ReachRule(ReachSource.ForDataCenter(dataCenter.Name), registry.InstanceId));
            }
        }

        var endpointNames = ImmutableSortedDictionary.CreateBuilder<string, ImmutableSortedDictionary<string, IPAddress>>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var names = ImmutableSortedDictionary.CreateBuilder<string, IPAddress>(StringComparer.Ordinal);
            if (Chance(0.95))
            {
                names[$"dockerauth-vpc.{region}.aliyuncs.com"] = services[region].Auth;
            }

            if (Chance(0.95))
            {
                names[$"oss-{region}-internal.aliyuncs.com"] = services[region].Oss;
            }

            foreach (var registry in registries.Where(r => r.Region == region && r.OssBucket is not null && Chance(0.5)))
            {
                names[$"{registry.OssBucket}.oss-{region}-internal.aliyuncs.com"] = Address(100, 118, random.Next(256), random.Next(1, 255));
            }

            endpointNames[region] = names.ToImmutable();
        }

        var overrides = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<IPNetwork>>(StringComparer.Ordinal);
        foreach (var region in regions.Where(_ => Chance(0.2)))
        {
            overrides[region] = [new IPNetwork(Cidr.Truncate(services[region].Oss, 24), 24)];
        }

        var policy = new ReachPolicy(
            [.. rules.Distinct()],
            Chance(0.5) ? TransitRouteScope.Block100 : TransitRouteScope.HostRoutes,
            Chance(0.7) ? OssRouteScope.Address : OssRouteScope.PublishedRanges);
        return new Account(
            $"acct-{seed}",
            [.. vpcs.Select(v => new Vpc(v.Id, v.Region, [v.Cidr], tags.TryGetValue(v.Id, out var tag) ? ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(ReachRules.TagKey, tag) : ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal), [.. v.VSwitches], [.. v.Tables]))],
            [.. routerList.Select(r => new TransitRouter(r.Id, r.Region, "cen-1", [.. r.Attachments], [.. r.Tables]))],
            [.. registries],
            new RegionalEndpoints(endpointNames.ToImmutable()),
            overrides.ToImmutable(),
            [.. dataCenters.Select(d => d.DataCenter)],
            policy);
    }

    /// <summary>The same account with every order that carries no meaning shuffled.</summary>
    public static Account Shuffle(Account account, int seed)
    {
        var random = new Random(seed);
        ImmutableArray<T> Mix<T>(ImmutableArray<T> items) => [.. items.OrderBy(_ => random.Next())];
        return account with
        {
            Vpcs = Mix(account.Vpcs.Select(v => v with
            {
                VSwitches = Mix(v.VSwitches),
                RouteTables = Mix(v.RouteTables.Select(t => t with { Entries = Mix(t.Entries) }).ToImmutableArray()),
            }).ToImmutableArray()),
            TransitRouters = Mix(account.TransitRouters.Select(r => r with
            {
                Attachments = Mix(r.Attachments),
                RouteTables = Mix(r.RouteTables.Select(t => t with { Associations = Mix(t.Associations), Entries = Mix(t.Entries) }).ToImmutableArray()),
            }).ToImmutableArray()),
            Registries = Mix(account.Registries),
            DataCenters = Mix(account.DataCenters),
            Policy = account.Policy with { Reach = Mix(account.Policy.Reach) },
        };
    }

    private static IPAddress Address(int a, int b, int c, int d) => new([(byte)a, (byte)b, (byte)c, (byte)d]);

    private static string Short(string region) => region[3..];

    private sealed class VpcDraft(string id, string region, IPNetwork cidr)
    {
        public string Id { get; } = id;

        public string Region { get; } = region;

        public IPNetwork Cidr { get; } = cidr;

        public string? Attachment { get; set; }

        public List<VSwitch> VSwitches { get; } = [];

        public List<RouteTable> Tables { get; } = [];
    }

    private sealed class RouterDraft(string id, string region)
    {
        public string Id { get; } = id;

        public string Region { get; } = region;

        public List<Attachment> Attachments { get; } = [];

        public List<TransitRouteTable> Tables { get; } = [];
    }
}
