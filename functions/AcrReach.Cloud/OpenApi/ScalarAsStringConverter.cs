using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AcrReach.Cloud.OpenApi;

/// <summary>
/// Reads a number or boolean where a string is documented, keeping its JSON text: the APIs are not consistent
/// (CR sends CreateTime as a string in ListInstance and as a number in GetInstance; cloud-apis.md §3.2). Its
/// counterpart for numbers sent as strings is <see cref="JsonNumberHandling.AllowReadingFromString"/>.
/// </summary>
public sealed class ScalarAsStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => throw new JsonException($"expected a string, found {reader.TokenType}"),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
