using System.Text.Json;
using AcrReach.Cloud.Reconciliation;

namespace AcrReach.Functions.Events;

/// <summary>
/// Reads a timer trigger's event <c>{triggerTime, triggerName, payload}</c> (platform.md §4a). The payload is the
/// configured string: empty (the configured default), <c>report</c>, <c>repair</c> or <c>{"mode":"report|repair"}</c>.
/// An empty body is a manual run with the configured default.
/// </summary>
internal static class TimerEventReader
{
    public static EventReading Read(ReadOnlyMemory<byte> body, bool repairByDefault)
    {
        var fallback = repairByDefault ? ReconcileMode.Repair : ReconcileMode.ReportOnly;
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Sweep(Triggers.SweepByHand, fallback, null);
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            return new MalformedReading(0, null, $"the body is not JSON: {exception.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return new MalformedReading(0, null, $"the body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not a timer event object");
        }

        var triggerName = JsonTree.String(root, "triggerName");
        var isTimer = triggerName is not null || JsonTree.TryGetProperty(root, "triggerTime", out _);
        JsonElement payload;
        if (isTimer)
        {
            if (!JsonTree.TryGetProperty(root, "payload", out payload))
            {
                return Sweep(Triggers.Sweep, fallback, triggerName);
            }
        }
        else if (JsonTree.TryGetProperty(root, "mode", out _))
        {
            payload = root;
        }
        else
        {
            return new MalformedReading(0, null, "neither a timer event (triggerTime, triggerName, payload) nor a {\"mode\": ...} object");
        }

        var mode = Mode(payload, fallback, out var problem);
        return mode is { } chosen
            ? Sweep(isTimer ? Triggers.Sweep : Triggers.SweepByHand, chosen, triggerName)
            : new MalformedReading(0, triggerName, problem!);
    }

    private static ReconcileReading Sweep(string trigger, ReconcileMode mode, string? triggerName) =>
        new(0, triggerName, [WholeAccount.Instance], trigger, mode, WaitsForReady: false);

    private static ReconcileMode? Mode(JsonElement payload, ReconcileMode fallback, out string? problem)
    {
        problem = null;
        switch (payload.ValueKind)
        {
            case JsonValueKind.Null:
                return fallback;
            case JsonValueKind.Object:
                return ModeWord(JsonTree.String(payload, "mode"), fallback, out problem);
            case JsonValueKind.String:
                var text = payload.GetString()!.Trim();
                if (text.Length == 0)
                {
                    return fallback;
                }

                if (text.StartsWith('{'))
                {
                    if (JsonTree.ParseNested(text) is { ValueKind: JsonValueKind.Object } nested)
                    {
                        return ModeWord(JsonTree.String(nested, "mode"), fallback, out problem);
                    }

                    problem = $"payload '{text}' is not valid JSON";
                    return null;
                }

                return ModeWord(text, fallback, out problem);
            default:
                problem = $"payload is a JSON {payload.ValueKind.ToString().ToLowerInvariant()}: expected report, repair or {{\"mode\": ...}}";
                return null;
        }
    }

    private static ReconcileMode? ModeWord(string? word, ReconcileMode fallback, out string? problem)
    {
        problem = null;
        switch (word?.ToUpperInvariant())
        {
            case null:
                return fallback;
            case "REPAIR":
                return ReconcileMode.Repair;
            case "REPORT" or "REPORT-ONLY":
                return ReconcileMode.ReportOnly;
            default:
                problem = $"mode '{word}' is neither report nor repair";
                return null;
        }
    }
}
