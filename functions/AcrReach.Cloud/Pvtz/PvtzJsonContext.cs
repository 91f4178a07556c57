using System.Text.Json.Serialization;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Pvtz;

/// <summary>Source-generated JSON for the PrivateZone models; unknown answer fields are ignored, numbers may come as strings and strings as numbers.</summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [
        typeof(ScalarAsStringConverter),
        typeof(NullAsEmptyArrayConverter<ZoneItem>),
        typeof(NullAsEmptyArrayConverter<BoundVpc>),
        typeof(NullAsEmptyArrayConverter<ZoneVpc>),
        typeof(NullAsEmptyArrayConverter<ZoneRecordItem>)])]
[JsonSerializable(typeof(DescribeZonesRequest))]
[JsonSerializable(typeof(DescribeZonesResponse))]
[JsonSerializable(typeof(DescribeZoneInfoRequest))]
[JsonSerializable(typeof(DescribeZoneInfoResponse))]
[JsonSerializable(typeof(AddZoneRequest))]
[JsonSerializable(typeof(AddZoneResponse))]
[JsonSerializable(typeof(DescribeZoneRecordsRequest))]
[JsonSerializable(typeof(DescribeZoneRecordsResponse))]
[JsonSerializable(typeof(AddZoneRecordRequest))]
[JsonSerializable(typeof(AddZoneRecordResponse))]
[JsonSerializable(typeof(BindZoneVpcRequest))]
[JsonSerializable(typeof(BindZoneVpcResponse))]
[JsonSerializable(typeof(DeleteZoneRecordRequest))]
[JsonSerializable(typeof(DeleteZoneRecordResponse))]
[JsonSerializable(typeof(UpdateZoneRemarkRequest))]
[JsonSerializable(typeof(UpdateZoneRemarkResponse))]
internal sealed partial class PvtzJsonContext : JsonSerializerContext;
