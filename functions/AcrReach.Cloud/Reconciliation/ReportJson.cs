using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AcrReach.Cloud.Apply;
using AcrReach.Cloud.Notify;
using AcrReach.Core.Planning;

namespace AcrReach.Cloud.Reconciliation;

/// <summary>
/// The report's and the message's JSON: camelCase, members in contract order, the plan exactly as the plan JSON writes
/// it, "\n" line ends, readable escaping (the output is never embedded in HTML). Source-generated: NativeAOT-safe.
/// </summary>
public static class ReportJson
{
    private static readonly EngineJsonContext Indented = Create(indented: true);
    private static readonly EngineJsonContext Compact = Create(indented: false);

    public static string Serialize(ApplyReport report) => JsonSerializer.Serialize(report, Indented.ApplyReport);

    /// <summary>The report as one JSON value on <paramref name="writer"/> (a log line carries it inside its own object).</summary>
    public static void Write(Utf8JsonWriter writer, ApplyReport report) => JsonSerializer.Serialize(writer, report, Compact.ApplyReport);

    public static string Serialize(NotificationMessage message) => JsonSerializer.Serialize(message, Indented.NotificationMessage);

    internal static string SerializeCompact(NotificationMessage message) => JsonSerializer.Serialize(message, Compact.NotificationMessage);

    private static EngineJsonContext Create(bool indented) => new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = indented,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
    });
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ApplyReport))]
[JsonSerializable(typeof(NotificationMessage))]
[JsonSerializable(typeof(PlanAction))]
[JsonSerializable(typeof(PrivateZoneChange))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;
