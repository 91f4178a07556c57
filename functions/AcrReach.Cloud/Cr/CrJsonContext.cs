using System.Text.Json.Serialization;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Cr;

/// <summary>Source-generated JSON for the CR models; unknown answer fields are ignored, numbers may come as strings and strings as numbers.</summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [
        typeof(ScalarAsStringConverter),
        typeof(NullAsEmptyArrayConverter<string>),
        typeof(NullAsEmptyArrayConverter<CrInstanceItem>),
        typeof(NullAsEmptyArrayConverter<CrTag>),
        typeof(NullAsEmptyArrayConverter<LinkedVpc>),
        typeof(NullAsEmptyArrayConverter<CrRegion>)])]
[JsonSerializable(typeof(ListInstanceRequest))]
[JsonSerializable(typeof(ListInstanceResponse))]
[JsonSerializable(typeof(ListInstanceRegionRequest))]
[JsonSerializable(typeof(ListInstanceRegionResponse))]
[JsonSerializable(typeof(GetInstanceRequest))]
[JsonSerializable(typeof(GetInstanceResponse))]
[JsonSerializable(typeof(GetInstanceVpcEndpointRequest))]
[JsonSerializable(typeof(GetInstanceVpcEndpointResponse))]
[JsonSerializable(typeof(CreateInstanceVpcEndpointLinkedVpcRequest))]
[JsonSerializable(typeof(CreateInstanceVpcEndpointLinkedVpcResponse))]
internal sealed partial class CrJsonContext : JsonSerializerContext;
