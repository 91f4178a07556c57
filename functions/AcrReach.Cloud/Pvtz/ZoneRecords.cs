using System.Collections.Immutable;
using AcrReach.Cloud.Paging;

namespace AcrReach.Cloud.Pvtz;

/// <summary>PrivateZone DescribeZoneRecords: PageNumber/PageSize paging (PageSize at most 100).</summary>
public sealed record DescribeZoneRecordsRequest : INumberedPagedRequest<DescribeZoneRecordsRequest>
{
    public string? ZoneId { get; init; }

    public string? Keyword { get; init; }

    public string? SearchMode { get; init; }

    public string? Tag { get; init; }

    public string? Lang { get; init; }

    public int? PageNumber { get; init; }

    public int? PageSize { get; init; }

    DescribeZoneRecordsRequest INumberedPagedRequest<DescribeZoneRecordsRequest>.ForPage(int pageNumber, int pageSize) => this with { PageNumber = pageNumber, PageSize = pageSize };
}

/// <summary><c>TotalItems, TotalPages, PageSize, PageNumber, Records.Record[]</c>.</summary>
public sealed record DescribeZoneRecordsResponse : INumberedPage
{
    public string? RequestId { get; init; }

    public int TotalItems { get; init; }

    public int TotalPages { get; init; }

    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public ZoneRecordSet Records { get => field ?? new(); init; }

    int INumberedPage.Total => TotalItems;
}

public sealed record ZoneRecordSet
{
    public ImmutableArray<ZoneRecordItem> Record { get => field.IsDefault ? [] : field; init; }
}

public sealed record ZoneRecordItem
{
    public long? RecordId { get; init; }

    /// <summary>The host part: <c>@</c> for the apex, <c>*</c> for a wildcard.</summary>
    public string? Rr { get; init; }

    public string? Type { get; init; }

    public string? Value { get; init; }

    public int? Ttl { get; init; }

    public int? Priority { get; init; }

    public string? Status { get; init; }

    public string? Remark { get; init; }

    public string? Line { get; init; }

    public int? Weight { get; init; }
}

public sealed record AddZoneRecordRequest
{
    public string? ZoneId { get; init; }

    public string? Rr { get; init; }

    /// <summary><c>A</c>, <c>AAAA</c>, <c>CNAME</c>, <c>TXT</c>, <c>MX</c>, <c>PTR</c> or <c>SRV</c>.</summary>
    public string? Type { get; init; }

    public string? Value { get; init; }

    /// <summary>5, 30, 60 (default), 3600, 43200 or 86400.</summary>
    public int? Ttl { get; init; }

    public int? Priority { get; init; }

    public string? Line { get; init; }

    public int? Weight { get; init; }

    public string? Remark { get; init; }

    public string? Lang { get; init; }

    public string? ClientToken { get; init; }
}

public sealed record AddZoneRecordResponse
{
    public string? RequestId { get; init; }

    public long? RecordId { get; init; }

    public bool? Success { get; init; }
}

/// <summary>pvtz-20180101 DeleteZoneRecord: RecordId (aliyun/alibabacloud-typescript-sdk pvtz-20180101/src/models/DeleteZoneRecordRequest.ts).</summary>
public sealed record DeleteZoneRecordRequest
{
    public long? RecordId { get; init; }

    public string? Lang { get; init; }
}

public sealed record DeleteZoneRecordResponse
{
    public string? RequestId { get; init; }

    public long? RecordId { get; init; }
}
