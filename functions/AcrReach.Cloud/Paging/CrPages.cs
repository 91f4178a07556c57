using AcrReach.Cloud.Cr;

namespace AcrReach.Cloud.Paging;

public static class CrPages
{
    /// <summary>Every registry instance in the client's region; PageNo/PageSize paging.</summary>
    public static IAsyncEnumerable<CrInstanceItem> ListAllInstancesAsync(this ICrApi api, ListInstanceRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.ByPageNumberAsync(api.ListInstanceAsync, request ?? new(), PageSizes.CrInstances, r => r.Instances, cancellationToken);
    }
}
