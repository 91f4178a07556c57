using System.Text.Json.Serialization;

namespace AcrReach.LocalCloud.Wire;

// Function Compute 3.0 (2023-03-30) bodies, camelCase as npm @alicloud/fc20230330 4.7 names them
// (models/PutConcurrencyInput.js, models/ConcurrencyConfig.js).

/// <summary>PutConcurrencyConfig's body.</summary>
internal sealed record PutConcurrencyInput([property: JsonPropertyName("reservedConcurrency")] long? ReservedConcurrency);

/// <summary>What PutConcurrencyConfig and GetConcurrencyConfig answer.</summary>
internal sealed record ConcurrencyConfig(
    [property: JsonPropertyName("functionArn")] string FunctionArn,
    [property: JsonPropertyName("reservedConcurrency")] long ReservedConcurrency);
