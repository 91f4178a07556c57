using System.Text.Json;

namespace AcrReach.Functions.Events;

/// <summary>
/// Tolerant look-ups in event JSON whose exact shape is partly unconfirmed (cloud-apis.md §5): property names
/// compared ignoring case, nested JSON carried as strings opened, ids found wherever they are.
/// </summary>
internal static class JsonTree
{
    private const int MaxDepth = 32;

    public static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty(name, out value))
            {
                return true;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>The object at <paramref name="name"/>; a string holding a JSON object is opened.</summary>
    public static JsonElement? Object(JsonElement element, string name)
    {
        if (!TryGetProperty(element, name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object => value,
            JsonValueKind.String => ParseNested(value.GetString()) is { ValueKind: JsonValueKind.Object } nested ? nested : null,
            _ => null,
        };
    }

    /// <summary>The first non-empty string (or number, as text) at any of the names.</summary>
    public static string? String(JsonElement? element, params string[] names)
    {
        if (element is not { } value)
        {
            return null;
        }

        foreach (var name in names)
        {
            if (TryGetProperty(value, name, out var found))
            {
                var text = found.ValueKind switch
                {
                    JsonValueKind.String => found.GetString(),
                    JsonValueKind.Number => found.GetRawText(),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(text))
                {
                    return text.Trim();
                }
            }
        }

        return null;
    }

    /// <summary>Every string value under <paramref name="root"/> (document order, nested JSON strings opened) that <paramref name="accept"/> takes; distinct.</summary>
    public static IReadOnlyList<string> FindStrings(JsonElement? root, Func<string, bool> accept)
    {
        var found = new List<string>();
        if (root is { } element)
        {
            Walk(element, accept, found, 0);
        }

        return found;
    }

    /// <summary>Whether <paramref name="value"/> looks like a resource id with this prefix: prefix + letters and digits.</summary>
    public static bool IsResourceId(string value, string prefix)
    {
        if (value.Length <= prefix.Length || !value.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value.AsSpan(prefix.Length))
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static JsonElement? ParseNested(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length < 2 || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Walk(JsonElement element, Func<string, bool> accept, List<string> found, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, accept, found, depth + 1);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, accept, found, depth + 1);
                }

                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (accept(text))
                {
                    if (!found.Contains(text, StringComparer.Ordinal))
                    {
                        found.Add(text);
                    }
                }
                else if (ParseNested(text) is { } nested)
                {
                    Walk(nested, accept, found, depth + 1);
                }

                break;
        }
    }
}
