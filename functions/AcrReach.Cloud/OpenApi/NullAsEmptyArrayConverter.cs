using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AcrReach.Cloud.OpenApi;

/// <summary>
/// Reads a JSON <c>null</c> where a list is documented as an empty list, so one odd answer does not fail a whole
/// discovery (System.Text.Json refuses null for the <see cref="ImmutableArray{T}"/> struct). Registered per element
/// type in each product's JSON context; the element metadata comes from that context (NativeAOT-safe).
/// </summary>
public sealed class NullAsEmptyArrayConverter<T> : JsonConverter<ImmutableArray<T>>
{
    public override bool HandleNull => true;

    public override ImmutableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"expected a list, found {reader.TokenType}");
        }

        var element = Converter(Element(options));
        var builder = ImmutableArray.CreateBuilder<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            builder.Add(element.Read(ref reader, typeof(T), options)!);
        }

        return builder.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableArray<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        var element = Element(options);
        writer.WriteStartArray();
        foreach (var item in value.IsDefault ? [] : value)
        {
            JsonSerializer.Serialize(writer, item, element);
        }

        writer.WriteEndArray();
    }

    private static JsonTypeInfo<T> Element(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static JsonConverter<T> Converter(JsonTypeInfo<T> info) => (JsonConverter<T>)info.Converter;
}
