using AcrReach.Cloud.Pvtz;

namespace AcrReach.Cloud.Paging;

public static class PvtzPages
{
    public static IAsyncEnumerable<ZoneItem> DescribeAllZonesAsync(this IPvtzApi api, DescribeZonesRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByPageNumberAsync(api.DescribeZonesAsync, request ?? new(), PageSizes.PrivateZone, r => r.Zones.Zone, cancellationToken);
    }

    /// <summary>Every record of a zone (set ZoneId).</summary>
    public static IAsyncEnumerable<ZoneRecordItem> DescribeAllZoneRecordsAsync(this IPvtzApi api, DescribeZoneRecordsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByPageNumberAsync(api.DescribeZoneRecordsAsync, request, PageSizes.PrivateZone, r => r.Records.Record, cancellationToken);
    }
}
