using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AcrReach.Cloud.OpenApi;

/// <summary>
/// Turns a request model into RPC query parameters the way the official SDKs do (openapi-util <c>flatMap</c> /
/// <c>replaceRepeatList</c>): object members become <c>Parent.Member</c>, list items are numbered from 1
/// (<c>Name.1</c>, <c>NextHopList.1.NextHopId</c>, <c>Tag.1.Key</c>), nulls are left out, booleans are
/// <c>true</c>/<c>false</c> and numbers keep their JSON text.
/// </summary>
public static class ParameterFlattener
{
    public static ApiParameters Flatten<T>(T request, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        using var document = JsonSerializer.SerializeToDocument(request, typeInfo);
        return Flatten(document.RootElement);
    }

    public static ApiParameters Flatten(JsonElement element)
    {
        var parameters = new ApiParameters();
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"a request must be a JSON object, not {element.ValueKind}", nameof(element));
        }

        Add(parameters, element, prefix: null);
        return parameters;
    }

    private static void Add(ApiParameters parameters, JsonElement element, string? prefix)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    Add(parameters, member.Value, prefix is null ? member.Name : $"{prefix}.{member.Name}");
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    index++;
                    var name = prefix is null
                        ? index.ToString(CultureInfo.InvariantCulture)
                        : $"{prefix}.{index.ToString(CultureInfo.InvariantCulture)}";
                    Add(parameters, item, name);
                }

                break;
            case JsonValueKind.String:
                parameters.Set(Required(prefix), element.GetString()!);
                break;
            case JsonValueKind.Number:
                parameters.Set(Required(prefix), element.GetRawText());
                break;
            case JsonValueKind.True:
                parameters.Set(Required(prefix), "true");
                break;
            case JsonValueKind.False:
                parameters.Set(Required(prefix), "false");
                break;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                break;
        }
    }

    private static string Required(string? prefix) =>
        prefix ?? throw new ArgumentException("a scalar needs a parameter name");
}
