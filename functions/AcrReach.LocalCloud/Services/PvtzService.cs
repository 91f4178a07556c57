using System.Globalization;
using AcrReach.Core.Topology;
using AcrReach.LocalCloud.Http;
using AcrReach.LocalCloud.State;
using AcrReach.LocalCloud.Wire;

namespace AcrReach.LocalCloud.Services;

/// <summary>PrivateZone 2018-01-01 (platform.md §7). BindZoneVpc replaces the zone's whole binding set.</summary>
internal sealed class PvtzService(CloudState state)
{
    private static readonly HashSet<string> RecordTypes = new(StringComparer.Ordinal) { "A", "AAAA", "CNAME", "TXT", "MX", "PTR", "SRV" };

    public void Register(IDictionary<string, Func<ApiRequest, string, object>> actions)
    {
        actions["DescribeZones"] = DescribeZones;
        actions["DescribeZoneInfo"] = DescribeZoneInfo;
        actions["AddZone"] = AddZone;
        actions["DescribeZoneRecords"] = DescribeZoneRecords;
        actions["AddZoneRecord"] = AddZoneRecord;
        actions["BindZoneVpc"] = BindZoneVpc;
        actions["DeleteZoneRecord"] = DeleteZoneRecord;
        actions["DeleteZone"] = DeleteZone;
        actions["UpdateZoneRemark"] = UpdateZoneRemark;
    }

    /// <summary>
    /// Sets a zone's remark (pvtz-20180101 UpdateZoneRemark: ZoneId, Remark, Lang; aliyun/alibabacloud-typescript-sdk
    /// pvtz-20180101/src/models/UpdateZoneRemarkRequest.ts): AddZone takes none, so a zone is marked after it is added.
    /// </summary>
    private object UpdateZoneRemark(ApiRequest request, string requestId)
    {
        var zone = FindZone(request);
        var remark = request.Optional("Remark");
        if (remark is { Length: > 50 })
        {
            throw ApiError.Invalid("Remark", "at most 50 characters");
        }

        zone.Remark = remark;
        zone.Updated = state.Now;
        return new UpdateZoneRemarkResponse(requestId, zone.Id);
    }

    private object DeleteZoneRecord(ApiRequest request, string requestId)
    {
        var text = request.Required("RecordId");
        var record = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? state.Zones.SelectMany(z => z.Records.Select(r => (Zone: z, Record: r))).FirstOrDefault(p => p.Record.Id == id)
            : default;
        if (record.Record is null)
        {
            throw new ApiError("Record.Invalid.Id", "Record id is invalid.");
        }

        record.Zone.Records.Remove(record.Record);
        record.Zone.Updated = state.Now;
        return new DeleteZoneRecordResponse(requestId, record.Record.Id);
    }

    /// <summary>PrivateZone refuses to delete a zone still bound to a VPC.</summary>
    private object DeleteZone(ApiRequest request, string requestId)
    {
        var zone = FindZone(request);
        if (zone.Vpcs.Count > 0)
        {
            throw new ApiError("Zone.VpcExists", "The zone is still bound to a VPC; unbind it first.");
        }

        state.Zones.Remove(zone);
        return new DeleteZoneResponse(requestId, zone.Id);
    }

    private object DescribeZones(ApiRequest request, string requestId)
    {
        var keyword = request.Optional("Keyword");
        var exact = request.Optional("SearchMode") == "EXACT";
        var matching = state.Zones
            .Where(z => keyword is null || (exact ? z.Name == keyword : z.Name.Contains(keyword, StringComparison.OrdinalIgnoreCase)))
            .Where(z => request.Optional("QueryVpcId") is not { } vpc || z.Vpcs.Any(v => v.VpcId == vpc))
            .Where(z => request.Optional("QueryRegionId") is not { } region || z.Vpcs.Any(v => v.RegionId == region))
            .ToList();
        var page = Paging.ByNumber(request, matching, defaultSize: 20, maxSize: 100);
        return new DescribeZonesResponse(requestId, page.TotalCount, page.TotalPages, page.PageSize, page.PageNumber, new ZoneSet([.. page.Items.Select(z =>
            new ZoneSummary(z.Id, z.Name, z.Records.Count, z.ProxyPattern, false, z.Remark, "AUTH_ZONE", string.Empty, Formats.Time(z.Created), Formats.Time(z.Updated), z.Created.ToUnixTimeMilliseconds(), z.Updated.ToUnixTimeMilliseconds()))]));
    }

    private object DescribeZoneInfo(ApiRequest request, string requestId)
    {
        var zone = FindZone(request);
        return new DescribeZoneInfoResponse(requestId, zone.Id, zone.Name, zone.Records.Count, zone.ProxyPattern, false, zone.Remark, "AUTH_ZONE", false, string.Empty,
            Formats.Time(zone.Created), Formats.Time(zone.Updated), zone.Created.ToUnixTimeMilliseconds(), zone.Updated.ToUnixTimeMilliseconds(),
            new BindVpcSet([.. zone.Vpcs.Select(v => new BindVpcItem(v.VpcId, string.Empty, v.RegionId, v.RegionId, zone.VpcTypes.GetValueOrDefault(v.VpcId, "STANDARD")))]));
    }

    private object AddZone(ApiRequest request, string requestId)
    {
        var name = request.Required("ZoneName").TrimEnd('.').ToLowerInvariant();
        if (state.Replayed(request) is { } earlier)
        {
            return new AddZoneResponse(requestId, true, earlier, state.FindZone(earlier)?.Name ?? name);
        }

        if (name.Length == 0 || name.Length > 253 || name.Split('.').Any(label => label.Length is 0 or > 63 || !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new ApiError("Zone.Invalid.Name", $"The zone name '{name}' is invalid.");
        }

        var proxyPattern = request.Optional("ProxyPattern") ?? "ZONE";
        if (proxyPattern is not ("ZONE" or "RECORD"))
        {
            throw ApiError.Invalid("ProxyPattern", "It must be ZONE or RECORD.");
        }

        var zone = new ZoneState(Ids.Derive(string.Empty, "zone", name, state.NextSequence().ToString(CultureInfo.InvariantCulture)), name, proxyPattern, request.Optional("Remark"), state.Now);
        state.Zones.Add(zone);
        state.Remember(request, zone.Id);
        return new AddZoneResponse(requestId, true, zone.Id, zone.Name);
    }

    private object DescribeZoneRecords(ApiRequest request, string requestId)
    {
        var zone = FindZone(request);
        var keyword = request.Optional("Keyword");
        var exact = request.Optional("SearchMode") == "EXACT";
        var matching = zone.Records
            .Where(r => keyword is null || (exact ? r.Rr == keyword : r.Rr.Contains(keyword, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var page = Paging.ByNumber(request, matching, defaultSize: 20, maxSize: 100);
        var at = zone.Created.ToUnixTimeMilliseconds();
        return new DescribeZoneRecordsResponse(requestId, page.TotalCount, page.TotalPages, page.PageSize, page.PageNumber, new RecordSet([.. page.Items.Select(r =>
            new RecordItem(r.Id, r.Rr, r.Type, r.Value, r.Ttl, r.Priority, "ENABLE", r.Remark, "default", 1, at, at))]));
    }

    private object AddZoneRecord(ApiRequest request, string requestId)
    {
        var zone = FindZone(request);
        var rr = request.Required("Rr");
        var type = request.Required("Type");
        var value = request.Required("Value");
        if (state.Replayed(request) is { } earlier)
        {
            return new AddZoneRecordResponse(requestId, true, long.Parse(earlier, CultureInfo.InvariantCulture));
        }

        if (!RecordTypes.Contains(type))
        {
            throw ApiError.Invalid("Type", "It must be one of A, AAAA, CNAME, TXT, MX, PTR, SRV.");
        }

        if (type == "A" && !Core.Addressing.Cidr.TryParseCanonicalAddress(value, out _, out _))
        {
            throw new ApiError("Record.Invalid.Value", $"'{value}' is not an IPv4 address.");
        }

        var ttl = request.Int("Ttl", 60, 5, 86400);
        if (zone.Records.Any(r => r.Rr == rr && r.Type == type && r.Value == value))
        {
            throw new ApiError("Record.Invalid.Conflict", "The record conflicts with an existing record.");
        }

        var record = new ZoneRecordState(state.NextRecordId(), rr, type, value, ttl, request.Optional("Priority") is null ? null : request.Int("Priority", 1, 1, 99), request.Optional("Remark"));
        zone.Records.Add(record);
        zone.Updated = state.Now;
        state.Remember(request, record.Id.ToString(CultureInfo.InvariantCulture));
        return new AddZoneRecordResponse(requestId, true, record.Id);
    }

    private object BindZoneVpc(ApiRequest request, string requestId)
    {
        var zone = FindZone(request);
        var bindings = new List<ZoneBinding>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var fields in request.Objects("Vpcs"))
        {
            var vpcId = fields.GetValueOrDefault("VpcId") ?? throw ApiError.Missing("Vpcs.N.VpcId");

            // Vpcs.N.VpcType: STANDARD (default) or EDS, an Elastic Desktop workspace VPC that is not among the
            // account's VPCs (aliyun/alibabacloud-typescript-sdk pvtz-20180101/src/models/BindZoneVpcRequestVpcs.ts).
            var type = fields.GetValueOrDefault("VpcType") ?? "STANDARD";
            if (type is not ("STANDARD" or "EDS"))
            {
                throw ApiError.Invalid("Vpcs.N.VpcType", "It must be STANDARD or EDS.");
            }

            if (type == "EDS")
            {
                var edsRegion = fields.GetValueOrDefault("RegionId") ?? throw ApiError.Missing("Vpcs.N.RegionId");
                if (!bindings.Any(b => b.VpcId == vpcId))
                {
                    bindings.Add(new ZoneBinding(vpcId, edsRegion));
                    types[vpcId] = type;
                }

                continue;
            }

            var vpc = state.FindVpc(vpcId);
            var region = fields.GetValueOrDefault("RegionId") ?? vpc?.Region;
            if (vpc is null || vpc.Region != region)
            {
                throw new ApiError("ZoneVpc.NotExists.VpcId", $"The VPC {vpcId} does not exist in {region}.");
            }

            if (!bindings.Any(b => b.VpcId == vpcId))
            {
                bindings.Add(new ZoneBinding(vpcId, vpc.Region));
            }
        }

        zone.Vpcs = bindings;
        zone.VpcTypes = types;
        zone.Updated = state.Now;
        return new RequestIdOnly(requestId);
    }

    private ZoneState FindZone(ApiRequest request) =>
        state.FindZone(request.Required("ZoneId")) ?? throw new ApiError("Zone.Invalid.Id", "Zone id is invalid.");
}
