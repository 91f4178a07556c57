using AcrReach.Functions.Events;
using AcrReach.Functions.Hosting;

namespace AcrReach.Functions.Functions;

/// <summary>How each event function reads its body: thin parsing; the work is the engine's.</summary>
internal static class EventFunctions
{
    public static IReadOnlyList<EventReading> Read(FunctionKind function, ReadOnlyMemory<byte> body, HostConfig config) => function switch
    {
        FunctionKind.OnAttachment => ReadCloudEvents(body, (index, e) => AttachmentEventReader.Read(index, e, config.SweepPrune)),
        FunctionKind.OnRegistry => ReadCloudEvents(body, (index, e) => RegistryEventReader.Read(index, e, config.SweepPrune)),
        FunctionKind.Sweep => [Pruning(TimerEventReader.Read(body, config.SweepRepair), config)],
        FunctionKind.SweepWorker => [Pruning(ShardEventReader.Read(body), config)],
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "not an event function"),
    };

    /// <summary>The timer's sweep and its shards prune only when the deployment says so (ACR_REACH_SWEEP_PRUNE).</summary>
    private static EventReading Pruning(EventReading reading, HostConfig config) =>
        reading is ReconcileReading sweep ? sweep with { Prune = config.SweepPrune } : reading;

    private static IReadOnlyList<EventReading> ReadCloudEvents(ReadOnlyMemory<byte> body, Func<int, CloudEvent, EventReading> read)
    {
        var parsed = EventBody.Parse(body);
        if (parsed.Items is not { } items)
        {
            return [new MalformedReading(0, null, parsed.Problem!)];
        }

        return [.. items.Select((item, index) => item.Event is { } cloudEvent
            ? read(index, cloudEvent)
            : new MalformedReading(index, item.EventId, item.Problem!))];
    }
}
