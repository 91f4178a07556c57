using AcrReach.Cloud.Endpoints;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Mns;

/// <summary>The MNS actions AcrReach calls; RAM code <c>mns</c>.</summary>
public static class MnsOperations
{
    public static readonly ApiOperation SendMessage = new(CloudProduct.Mns, "SendMessage", ApiAccess.Write);
}
