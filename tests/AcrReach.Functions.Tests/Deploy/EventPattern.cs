using System.Text.Json.Nodes;

namespace AcrReach.Functions.Tests.Deploy;

/// <summary>
/// EventBridge event-pattern matching, the part the deployment files use: every key of the pattern must be in
/// the event; an array lists accepted values (or <c>{"prefix"}</c> / <c>{"suffix"}</c> matchers); an object
/// matches the nested object.
/// </summary>
internal static class EventPattern
{
    public static bool Matches(JsonNode pattern, JsonNode? cloudEvent)
    {
        if (cloudEvent is not JsonObject eventObject)
        {
            return false;
        }

        foreach (var (key, expected) in pattern.AsObject())
        {
            if (!eventObject.TryGetPropertyValue(key, out var actual))
            {
                return false;
            }

            var matches = expected switch
            {
                JsonArray options => options.Any(option => MatchesValue(option!, actual)),
                JsonObject nested => Matches(nested, actual),
                _ => throw new NotSupportedException($"pattern value {expected?.ToJsonString()}"),
            };
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchesValue(JsonNode option, JsonNode? actual)
    {
        var text = actual is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        return option switch
        {
            JsonObject matcher when matcher["prefix"] is { } prefix => text?.StartsWith((string)prefix!, StringComparison.Ordinal) == true,
            JsonObject matcher when matcher["suffix"] is { } suffix => text?.EndsWith((string)suffix!, StringComparison.Ordinal) == true,
            JsonObject => throw new NotSupportedException($"matcher {option.ToJsonString()}"),
            _ => JsonNode.DeepEquals(option, actual),
        };
    }
}
