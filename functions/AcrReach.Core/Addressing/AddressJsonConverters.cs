using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AcrReach.Core.Addressing;

/// <summary>Writes a CIDR as "10.0.0.0/16" and reads it back strictly (canonical form only).</summary>
public sealed class CidrJsonConverter : JsonConverter<IPNetwork>
{
    public override IPNetwork Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Cidr.TryParseCanonical(reader.GetString(), out var network, out var problem) ? network : throw new JsonException(problem);

    public override void Write(Utf8JsonWriter writer, IPNetwork value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Cidr.Format(value));
}

/// <summary>Writes an IPv4 address as "10.0.0.1" and reads it back strictly.</summary>
public sealed class AddressJsonConverter : JsonConverter<IPAddress>
{
    public override IPAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Cidr.TryParseCanonicalAddress(reader.GetString(), out var address, out var problem) ? address : throw new JsonException(problem);

    public override void Write(Utf8JsonWriter writer, IPAddress value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>Enums as camelCase strings ("error", "forward"): the contract's spelling for severities.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary><see cref="CidrJsonConverter"/> for an optional CIDR.</summary>
public sealed class NullableCidrJsonConverter : JsonConverter<IPNetwork?>
{
    public override bool HandleNull => true;

    public override IPNetwork? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null
        : Cidr.TryParseCanonical(reader.GetString(), out var network, out var problem) ? network : throw new JsonException(problem);

    public override void Write(Utf8JsonWriter writer, IPNetwork? value, JsonSerializerOptions options)
    {
        if (value is { } network)
        {
            writer.WriteStringValue(Cidr.Format(network));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
