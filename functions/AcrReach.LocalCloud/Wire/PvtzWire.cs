namespace AcrReach.LocalCloud.Wire;

// PrivateZone 2018-01-01 (platform.md §7): lists wrapped like VPC's (Zones.Zone[], Records.Record[]).

internal sealed record AddZoneResponse(string RequestId, bool Success, string ZoneId, string ZoneName);

internal sealed record AddZoneRecordResponse(string RequestId, bool Success, long RecordId);

internal sealed record DescribeZonesResponse(string RequestId, int TotalItems, int TotalPages, int PageSize, int PageNumber, ZoneSet Zones);

internal sealed record ZoneSet(IReadOnlyList<ZoneSummary> Zone);

internal sealed record ZoneSummary(
    string ZoneId,
    string ZoneName,
    int RecordCount,
    string ProxyPattern,
    bool IsPtr,
    string? Remark,
    string ZoneType,
    string ResourceGroupId,
    string CreateTime,
    string UpdateTime,
    long CreateTimestamp,
    long UpdateTimestamp);

internal sealed record DescribeZoneInfoResponse(
    string RequestId,
    string ZoneId,
    string ZoneName,
    int RecordCount,
    string ProxyPattern,
    bool IsPtr,
    string? Remark,
    string ZoneType,
    bool SlaveDns,
    string ResourceGroupId,
    string CreateTime,
    string UpdateTime,
    long CreateTimestamp,
    long UpdateTimestamp,
    BindVpcSet BindVpcs);

internal sealed record BindVpcSet(IReadOnlyList<BindVpcItem> Vpc);

internal sealed record BindVpcItem(string VpcId, string VpcName, string RegionId, string RegionName, string VpcType);

internal sealed record DescribeZoneRecordsResponse(string RequestId, int TotalItems, int TotalPages, int PageSize, int PageNumber, RecordSet Records);

internal sealed record RecordSet(IReadOnlyList<RecordItem> Record);

internal sealed record RecordItem(long RecordId, string Rr, string Type, string Value, int Ttl, int? Priority, string Status, string? Remark, string Line, int Weight, long CreateTimestamp, long UpdateTimestamp);

internal sealed record DeleteZoneRecordResponse(string RequestId, long RecordId);

internal sealed record DeleteZoneResponse(string RequestId, string ZoneId);

internal sealed record UpdateZoneRemarkResponse(string RequestId, string ZoneId);
