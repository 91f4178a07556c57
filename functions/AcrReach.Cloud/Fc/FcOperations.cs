using AcrReach.Cloud.Endpoints;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Fc;

/// <summary>The Function Compute 3.0 actions AcrReach calls; RAM code <c>fc</c>.</summary>
public static class FcOperations
{
    /// <summary>Starts a function; asynchronously, FC queues the payload and delivers it with its own retries.</summary>
    public static readonly ApiOperation InvokeFunction = new(CloudProduct.Fc, "InvokeFunction", ApiAccess.Write);
}
