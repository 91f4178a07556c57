using AcrReach.Cloud.Cr;

namespace AcrReach.Cloud.Paging;

public static class CrPages
{
    /// <summary>Every registry instance in the client's region; PageNo/PageSize paging.</summary>
    public static IAsyncEnumerable<CrInstanceItem> ListAllInstancesAsync(this ICrApi api, ListInstanceRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var filter = request ?? new ListInstanceRequest();
        return Pages.ByPageNumberAsync(
            (page, ct) => api.ListInstanceAsync(filter with { PageNo = page, PageSize = PageSizes.CrInstances }, ct),
            r => r.Instances,
            r => r.TotalCount,
            cancellationToken);
    }
}
