using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Pvtz;
using AcrReach.Core.Topology;
using AcrReach.Integration.Tests.Support;

namespace AcrReach.Integration.Tests.Pvtz;

/// <summary>Every PrivateZone operation through the client, signed every way the client can sign.</summary>
public sealed class PvtzOperationTests
{
    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task DescribeZones_answers_the_zones_with_their_record_counts(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var all = await rig.Apis.Pvtz.DescribeZonesAsync(new DescribeZonesRequest());
        var none = await rig.Apis.Pvtz.DescribeZonesAsync(new DescribeZonesRequest { Keyword = "nothing-like-it" });

        Assert.Equal((1, 1), (all.TotalItems, all.TotalPages));
        Assert.Equal([("zone-cr-hz", "cn-hangzhou.cr.aliyuncs.com", 2)], all.Zones.Zone.Select(z => (z.ZoneId, z.ZoneName, z.RecordCount ?? -1)));
        Assert.Empty(none.Zones.Zone);
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task DescribeZoneInfo_answers_the_zone_and_the_vpcs_it_is_bound_to(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var answer = await rig.Apis.Pvtz.DescribeZoneInfoAsync(new DescribeZoneInfoRequest { ZoneId = "zone-cr-hz" });

        Assert.Equal(("zone-cr-hz", "cn-hangzhou.cr.aliyuncs.com", 2), (answer.ZoneId, answer.ZoneName, answer.RecordCount ?? -1));
        Assert.Equal([("vpc-sh2", Rig.Shanghai)], answer.BindVpcs.Vpc.Select(v => (v.VpcId, v.RegionId)));
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task AddZone_creates_a_zone_seen_by_later_reads_and_in_the_state(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var added = await rig.Apis.Pvtz.AddZoneAsync(new AddZoneRequest { ZoneName = "cn-shanghai.cr.aliyuncs.com", ProxyPattern = "RECORD" });

        Assert.Equal((true, "cn-shanghai.cr.aliyuncs.com"), (added.Success, added.ZoneName));
        Assert.False(string.IsNullOrEmpty(added.ZoneId));
        var info = await rig.Apis.Pvtz.DescribeZoneInfoAsync(new DescribeZoneInfoRequest { ZoneId = added.ZoneId });
        Assert.Equal(("cn-shanghai.cr.aliyuncs.com", "RECORD", 0), (info.ZoneName, info.ProxyPattern, info.RecordCount ?? -1));
        Assert.Contains(rig.Server.Snapshot().PrivateZones, z => z.Id == added.ZoneId && z.Name == "cn-shanghai.cr.aliyuncs.com");
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task DescribeZoneRecords_answers_each_record_with_type_value_and_ttl(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var answer = await rig.Apis.Pvtz.DescribeZoneRecordsAsync(new DescribeZoneRecordsRequest { ZoneId = "zone-cr-hz" });

        Assert.Equal(2, answer.TotalItems);
        Assert.Equal(
            [("xxxxxx-registry-vpc", "A", "10.94.205.198", 60), ("xxxxxx-chart-vpc", "A", "10.94.205.198", 300)],
            answer.Records.Record.Select(r => (r.Rr, r.Type, r.Value, r.Ttl ?? -1)));
        Assert.All(answer.Records.Record, r => Assert.True(r.RecordId > 0));
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task AddZoneRecord_adds_a_record_seen_by_later_reads_and_in_the_state(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        var added = await rig.Apis.Pvtz.AddZoneRecordAsync(new AddZoneRecordRequest { ZoneId = "zone-cr-hz", Rr = "yyyyyy-registry-vpc", Type = "A", Value = "10.94.205.199", Ttl = 30 });

        Assert.True(added.Success);
        var records = await rig.Apis.Pvtz.DescribeZoneRecordsAsync(new DescribeZoneRecordsRequest { ZoneId = "zone-cr-hz", Keyword = "yyyyyy" });
        Assert.Equal([(added.RecordId, "yyyyyy-registry-vpc", "10.94.205.199", 30)], records.Records.Record.Select(r => (r.RecordId, r.Rr, r.Value, r.Ttl ?? -1)));
        Assert.Contains(new ZoneRecord("yyyyyy-registry-vpc", "A", "10.94.205.199", 30), rig.Server.Snapshot().PrivateZones.Single().Records);
    }

    [Theory]
    [MemberData(nameof(Callers.All), MemberType = typeof(Callers))]
    public async Task BindZoneVpc_replaces_the_set_of_bound_vpcs(SignatureStyle style, bool sts)
    {
        await using var rig = await Callers.StartAsync(style, sts);

        await rig.Apis.Pvtz.BindZoneVpcAsync(new BindZoneVpcRequest
        {
            ZoneId = "zone-cr-hz",
            Vpcs = [new ZoneVpc { VpcId = "vpc-hz1", RegionId = Rig.Hangzhou }, new ZoneVpc { VpcId = "vpc-hz3", RegionId = Rig.Hangzhou }],
        });

        var info = await rig.Apis.Pvtz.DescribeZoneInfoAsync(new DescribeZoneInfoRequest { ZoneId = "zone-cr-hz" });
        Assert.Equal(["vpc-hz1", "vpc-hz3"], info.BindVpcs.Vpc.Select(v => v.VpcId));
        Assert.Equal([new ZoneBinding("vpc-hz1", Rig.Hangzhou), new ZoneBinding("vpc-hz3", Rig.Hangzhou)], rig.Server.Snapshot().PrivateZones.Single().Vpcs.AsEnumerable());
    }
}
