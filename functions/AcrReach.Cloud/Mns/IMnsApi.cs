namespace AcrReach.Cloud.Mns;

/// <summary>
/// MNS (Simple Message Queue) over its REST/XML API with its own signature, for one account in one region
/// (endpoint <c>{accountId}.mns.{region}.aliyuncs.com</c>).
/// </summary>
public interface IMnsApi
{
    Task<SendMessageResponse> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default);
}
