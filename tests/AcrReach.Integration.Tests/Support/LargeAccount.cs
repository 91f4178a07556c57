using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using AcrReach.Core.Topology;

namespace AcrReach.Integration.Tests.Support;

/// <summary>
/// An account with more of everything than one page holds, in cn-hangzhou, so every list is read in several pages.
/// The counts are chosen against the client's page sizes (PageSizes): each list takes 2 or 3 pages.
/// </summary>
public static class LargeAccount
{
    public const string Hub = "tr-hub";
    public const string HubTable = "vtb-hub-000";
    public const string BusyVpcTable = "vtb-p000";
    public const string BusyZone = "zone-000";

    public const int Vpcs = 120;
    public const int Spokes = 110;
    public const int DataCenters = 60;
    public const int HubTables = 110;
    public const int StaticHubRoutes = 130;
    public const int BusyVpcRoutes = 250;
    public const int Registries = 70;
    public const int Zones = 150;
    public const int BusyZoneRecords = 250;

    public static string VpcId(int i) => Name("vpc-p", i);

    public static string VpcAttachment(int i) => Name("tr-attach-p", i);

    public static string Spoke(int j) => Name("tr-s", j);

    public static string PeerAttachment(int j) => Name("tr-attach-peer-", j);

    public static string VbrAttachment(int k) => Name("tr-attach-vbr-", k);

    public static string VpnAttachment(int k) => Name("tr-attach-vpn-", k);

    public static string HubTableId(int t) => Name("vtb-hub-", t);

    public static string RegistryId(int i) => Name("cri-", i);

    public static string ZoneId(int i) => Name("zone-", i);

    public static Account Build()
    {
        var vpcs = Enumerable.Range(0, Vpcs).Select(i =>
        {
            var block = IPNetwork.Parse($"10.{i}.0.0/16");
            var vswitch = IPNetwork.Parse($"10.{i}.0.0/24");
            var local = new RouteEntry(vswitch, VpcNextHopTypes.Local, null, null);
            ImmutableArray<RouteEntry> entries = i == 0
                ? [local, .. Enumerable.Range(0, BusyVpcRoutes).Select(k => new RouteEntry(IPNetwork.Parse($"172.16.{k}.0/24"), "Instance", Name("i-", k), null))]
                : [local];
            return new Core.Topology.Vpc(
                VpcId(i),
                Rig.Hangzhou,
                [block],
                ImmutableSortedDictionary<string, string>.Empty,
                [new VSwitch(Name("vsw-p", i), "cn-hangzhou-j", vswitch, Name("vtb-p", i))],
                [new RouteTable(Name("vtb-p", i), RouteTableType.System, entries)]);
        });

        var hubEntries = Enumerable.Range(0, Vpcs)
            .Select(i => new TransitRouteEntry(IPNetwork.Parse($"10.{i}.0.0/16"), TransitNextHopType.Attachment, VpcAttachment(i), RouteOrigin.Propagated))
            .Concat(Enumerable.Range(0, StaticHubRoutes).Select(k => new TransitRouteEntry(IPNetwork.Parse($"192.168.{k}.0/24"), TransitNextHopType.Attachment, VbrAttachment(k % DataCenters), RouteOrigin.Static)));
        var hub = new TransitRouter(
            Hub,
            Rig.Hangzhou,
            "cen-1",
            [
                .. Enumerable.Range(0, Vpcs).Select(i => new Attachment(VpcAttachment(i), AttachmentType.Vpc, VpcId(i), null, null)),
                .. Enumerable.Range(0, Spokes).Select(j => new Attachment(PeerAttachment(j), AttachmentType.Peer, null, Spoke(j), null)),
                .. Enumerable.Range(0, DataCenters).Select(k => new Attachment(VbrAttachment(k), AttachmentType.Vbr, null, null, Name("idc-", k))),
                .. Enumerable.Range(0, DataCenters).Select(k => new Attachment(VpnAttachment(k), AttachmentType.Vpn, null, null, Name("idc-", k))),
            ],
            [
                new TransitRouteTable(HubTable, true, [.. Enumerable.Range(0, Vpcs).Select(VpcAttachment)], [.. hubEntries]),
                .. Enumerable.Range(1, HubTables - 1).Select(t => new TransitRouteTable(HubTableId(t), false, [], [])),
            ]);
        var spokes = Enumerable.Range(0, Spokes).Select(j => new TransitRouter(
            Spoke(j), Rig.Shanghai, "cen-1", [new Attachment(PeerAttachment(j), AttachmentType.Peer, null, Hub, null)], []));

        var registries = Enumerable.Range(0, Registries).Select(i => new Registry(RegistryId(i), Name("reg", i), Rig.Hangzhou, [], false, null, null));
        var zones = Enumerable.Range(0, Zones).Select(i => new PrivateZone(
            ZoneId(i),
            $"z{i.ToString("000", CultureInfo.InvariantCulture)}.example",
            i == 0 ? [.. Enumerable.Range(0, BusyZoneRecords).Select(r => new ZoneRecord(Name("host", r), "A", $"10.1.{r}.1", 60))] : [],
            []));

        return new Account(
            "1234567890123456",
            [.. vpcs],
            [hub, .. spokes],
            [.. registries],
            RegionalEndpoints.Empty,
            ImmutableSortedDictionary<string, ImmutableArray<IPNetwork>>.Empty,
            [.. Enumerable.Range(0, DataCenters).Select(k => new DataCenter(Name("idc-", k), []))],
            ReachPolicy.Default)
        {
            PrivateZones = [.. zones],
        };
    }

    private static string Name(string prefix, int i) => prefix + i.ToString("000", CultureInfo.InvariantCulture);
}
