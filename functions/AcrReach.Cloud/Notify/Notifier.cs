using AcrReach.Cloud.Credentials;
using AcrReach.Cloud.Mns;
using AcrReach.Cloud.OpenApi;
using AcrReach.Cloud.Reconciliation;

namespace AcrReach.Cloud.Notify;

/// <summary>Publishes a run's message to the MNS queue; a failure is returned, not thrown, so the run can say so.</summary>
public sealed class Notifier(CloudApis apis, string queue, int maxMessageBytes = 46 * 1024)
{
    public string Queue { get; } = string.IsNullOrWhiteSpace(queue) ? throw new ArgumentException("a queue name is required", nameof(queue)) : queue;

    /// <param name="accountId">The queue owner (the MNS endpoint is per account).</param>
    /// <param name="region">The queue's region.</param>
    public async Task<NotificationReceipt> PublishAsync(ApplyReport report, string accountId, string region, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = NotificationMessage.Serialize(report, maxMessageBytes);
        try
        {
            var answer = await apis.Mns(accountId, region).SendMessageAsync(new SendMessageRequest { QueueName = Queue, MessageBody = body }, cancellationToken);
            return new NotificationReceipt(Queue, answer.MessageId, answer.RequestId);
        }
        catch (CloudApiException e)
        {
            return new NotificationReceipt(Queue, null, e.RequestId, $"publishing to {Queue} failed: {e.Code}: {e.ServiceMessage}");
        }
        catch (CredentialsNotFoundException e)
        {
            return new NotificationReceipt(Queue, null, null, $"publishing to {Queue} failed: {e.Message}");
        }
    }
}
