using AcrReach.Cloud.Pvtz;

namespace AcrReach.Cloud.Paging;

public static class PvtzPages
{
    public static IAsyncEnumerable<ZoneItem> DescribeAllZonesAsync(this IPvtzApi api, DescribeZonesRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var filter = request ?? new DescribeZonesRequest();
        return Pages.ByPageNumberAsync(
            (page, ct) => api.DescribeZonesAsync(filter with { PageNumber = page, PageSize = PageSizes.PrivateZone }, ct),
            r => r.Zones.Zone,
            r => r.TotalItems,
            cancellationToken);
    }

    /// <summary>Every record of a zone (set ZoneId).</summary>
    public static IAsyncEnumerable<ZoneRecordItem> DescribeAllZoneRecordsAsync(this IPvtzApi api, DescribeZoneRecordsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(request);
        return Pages.ByPageNumberAsync(
            (page, ct) => api.DescribeZoneRecordsAsync(request with { PageNumber = page, PageSize = PageSizes.PrivateZone }, ct),
            r => r.Records.Record,
            r => r.TotalItems,
            cancellationToken);
    }
}
