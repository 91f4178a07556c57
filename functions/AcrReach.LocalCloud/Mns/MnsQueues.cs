using System.Security.Cryptography;
using System.Text;

namespace AcrReach.LocalCloud.Mns;

/// <summary>The MNS queues of the account: every message ever sent (for <c>/_local/queues</c>) and the ones still to receive.</summary>
internal sealed class MnsQueues(TimeProvider time, IEnumerable<string> names)
{
    /// <summary>MNS hides a received message for the queue's VisibilityTimeout (30 s by default) unless it is deleted.</summary>
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue> _queues = names.Distinct(StringComparer.Ordinal).ToDictionary(n => n, n => new Queue(n, time.GetUtcNow()), StringComparer.Ordinal);
    private long _sequence;

    public sealed class Queue(string name, DateTimeOffset created)
    {
        public string Name { get; } = name;

        public DateTimeOffset Created { get; } = created;

        public List<QueuedMessage> Received { get; } = [];

        public List<Delivery> Pending { get; } = [];
    }

    public sealed class Delivery(QueuedMessage message, string bodyMd5)
    {
        public QueuedMessage Message { get; } = message;

        public string BodyMd5 { get; } = bodyMd5;

        public DateTimeOffset VisibleAt { get; set; }

        public DateTimeOffset? FirstDequeue { get; set; }

        public int DequeueCount { get; set; }

        public string? ReceiptHandle { get; set; }
    }

    public bool Exists(string name) => _queues.ContainsKey(name);

    public IReadOnlyList<QueuedMessage>? Messages(string name)
    {
        lock (_gate)
        {
            return _queues.TryGetValue(name, out var queue) ? [.. queue.Received] : null;
        }
    }

    public Delivery Send(string name, string body, int priority, int delaySeconds)
    {
        lock (_gate)
        {
            var queue = _queues[name];
            var now = time.GetUtcNow();
            var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}\n{++_sequence}\n{body}")))[..32];
            var message = new QueuedMessage(id, body, Decode(body), priority, delaySeconds, now);
            var delivery = new Delivery(message, Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(body)))) { VisibleAt = now.AddSeconds(delaySeconds) };
            queue.Received.Add(message);
            queue.Pending.Add(delivery);
            return delivery;
        }
    }

    /// <summary>The next visible message (lowest priority number first, then oldest), now hidden for the visibility timeout.</summary>
    public Delivery? Receive(string name)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var next = _queues[name].Pending
                .Where(d => d.VisibleAt <= now)
                .OrderBy(d => d.Message.Priority)
                .ThenBy(d => d.Message.EnqueueTime)
                .FirstOrDefault();
            if (next is null)
            {
                return null;
            }

            next.DequeueCount++;
            next.FirstDequeue ??= now;
            next.VisibleAt = now + VisibilityTimeout;
            next.ReceiptHandle = $"{next.Message.MessageId}-{next.DequeueCount}";
            return next;
        }
    }

    public bool Delete(string name, string receiptHandle)
    {
        lock (_gate)
        {
            return _queues[name].Pending.RemoveAll(d => d.ReceiptHandle == receiptHandle) > 0;
        }
    }

    public (DateTimeOffset Created, int Active, int Inactive, int Delayed) Attributes(string name)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var queue = _queues[name];
            return (
                queue.Created,
                queue.Pending.Count(d => d.VisibleAt <= now),
                queue.Pending.Count(d => d.VisibleAt > now && d.DequeueCount > 0),
                queue.Pending.Count(d => d.VisibleAt > now && d.DequeueCount == 0));
        }
    }

    private static string? Decode(string body)
    {
        var bytes = new byte[body.Length];
        if (!Convert.TryFromBase64String(body, bytes, out var written))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
