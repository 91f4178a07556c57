using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace AcrReach.Functions.Events;

/// <summary>
/// One event as EventBridge delivers it: a CloudEvents envelope (<c>id</c>, <c>source</c>, <c>type</c>,
/// <c>aliyunregionid</c>, <c>data</c>), or, with the trigger's RawData schema, only its <c>data</c>
/// (then the envelope fields are null).
/// </summary>
internal sealed record CloudEvent(string? Id, string? Source, string? Type, string? Region, JsonElement Data);

/// <summary>The body of one <c>/invoke</c>: one event, or a batch (a JSON array of events).</summary>
internal static class EventBody
{
    /// <summary>Splits a body into events; each item is a <see cref="CloudEvent"/> or the reason it is not one.</summary>
    public static BodyParse Parse(ReadOnlyMemory<byte> body)
    {
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new BodyParse(null, "the body is empty: expected an event or a batch of events");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            return new BodyParse(null, $"the body is not JSON: {exception.Message}");
        }

        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                return new BodyParse([Read(root)], null);
            case JsonValueKind.Array:
                var items = root.EnumerateArray().Select(Read).ToImmutableArray();
                return items.Length == 0
                    ? new BodyParse(null, "the body is an empty batch: no event in it")
                    : new BodyParse(items, null);
            default:
                return new BodyParse(null, $"the body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an event object or a batch of them");
        }
    }

    private static EventItem Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new EventItem(null, $"a JSON {element.ValueKind.ToString().ToLowerInvariant()} is not an event object");
        }

        var isEnvelope = JsonTree.TryGetProperty(element, "specversion", out _)
            || ((JsonTree.TryGetProperty(element, "data", out _) || JsonTree.TryGetProperty(element, "data_base64", out _))
                && (JsonTree.TryGetProperty(element, "source", out _) || JsonTree.TryGetProperty(element, "type", out _)));
        if (!isEnvelope)
        {
            // RawData delivery: the body is the event's data itself.
            return new EventItem(new CloudEvent(null, null, null, null, element), null);
        }

        var id = JsonTree.String(element, "id");
        var data = Data(element);
        if (data is not { ValueKind: JsonValueKind.Object } dataObject)
        {
            return new EventItem(null, "the CloudEvent has no data object") { EventId = id };
        }

        return new EventItem(
            new CloudEvent(id, JsonTree.String(element, "source"), JsonTree.String(element, "type"), JsonTree.String(element, "aliyunregionid"), dataObject),
            null);
    }

    private static JsonElement? Data(JsonElement envelope)
    {
        if (JsonTree.TryGetProperty(envelope, "data", out var data))
        {
            return data.ValueKind == JsonValueKind.String ? JsonTree.ParseNested(data.GetString()) : data;
        }

        if (JsonTree.String(envelope, "data_base64") is { } base64)
        {
            try
            {
                return JsonTree.ParseNested(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }
}

/// <summary>The events of a body, or why the body as a whole is unusable.</summary>
internal sealed record BodyParse(ImmutableArray<EventItem>? Items, string? Problem);

/// <summary>One event of a body, or why it cannot be read as one.</summary>
internal sealed record EventItem(CloudEvent? Event, string? Problem)
{
    public string? EventId { get; init; } = Event?.Id;
}
