using System.Text.Json.Serialization;
using AcrReach.Functions.Chat;
using AcrReach.Functions.Functions;
using AcrReach.Functions.Hosting;

namespace AcrReach.Functions;

/// <summary>Every type the host reads or writes as JSON: source-generated, because the host is NativeAOT.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(EventResponse))]
[JsonSerializable(typeof(SweepFanOutResponse))]
[JsonSerializable(typeof(LocalFunctionRegistration))]
[JsonSerializable(typeof(RobotMessage))]
[JsonSerializable(typeof(RobotAnswer))]
internal sealed partial class FunctionsJsonContext : JsonSerializerContext;
