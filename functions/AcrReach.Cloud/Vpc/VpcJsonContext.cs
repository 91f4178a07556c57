using System.Text.Json.Serialization;
using AcrReach.Cloud.OpenApi;

namespace AcrReach.Cloud.Vpc;

/// <summary>Source-generated JSON for the VPC models; unknown answer fields are ignored, numbers may come as strings and strings as numbers.</summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [
        typeof(ScalarAsStringConverter),
        typeof(NullAsEmptyArrayConverter<string>),
        typeof(NullAsEmptyArrayConverter<CloudTag>),
        typeof(NullAsEmptyArrayConverter<VpcItem>),
        typeof(NullAsEmptyArrayConverter<VSwitchItem>),
        typeof(NullAsEmptyArrayConverter<RouteTableItem>),
        typeof(NullAsEmptyArrayConverter<RouteEntryItem>),
        typeof(NullAsEmptyArrayConverter<NextHopItem>),
        typeof(NullAsEmptyArrayConverter<RouteEntryNextHop>),
        typeof(NullAsEmptyArrayConverter<CreateRouteEntriesRouteEntry>),
        typeof(NullAsEmptyArrayConverter<FailedRouteEntry>)])]
[JsonSerializable(typeof(DescribeVpcsRequest))]
[JsonSerializable(typeof(DescribeVpcsResponse))]
[JsonSerializable(typeof(DescribeVSwitchesRequest))]
[JsonSerializable(typeof(DescribeVSwitchesResponse))]
[JsonSerializable(typeof(DescribeRouteTableListRequest))]
[JsonSerializable(typeof(DescribeRouteTableListResponse))]
[JsonSerializable(typeof(DescribeRouteEntryListRequest))]
[JsonSerializable(typeof(DescribeRouteEntryListResponse))]
[JsonSerializable(typeof(CreateRouteEntryRequest))]
[JsonSerializable(typeof(CreateRouteEntryResponse))]
[JsonSerializable(typeof(CreateRouteEntriesRequest))]
[JsonSerializable(typeof(CreateRouteEntriesResponse))]
[JsonSerializable(typeof(DeleteRouteEntryRequest))]
[JsonSerializable(typeof(DeleteRouteEntryResponse))]
internal sealed partial class VpcJsonContext : JsonSerializerContext;
